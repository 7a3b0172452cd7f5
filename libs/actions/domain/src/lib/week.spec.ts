import { weekKey, weeksBetween, weekStart } from './week';

describe('weeks', () => {
  it('start on Monday 00:00 UTC', () => {
    // 2026-11-01 is a Sunday: its week began on Monday 2026-10-26.
    expect(weekStart(new Date('2026-11-01T23:59:00Z')).toISOString()).toBe(
      '2026-10-26T00:00:00.000Z',
    );
    expect(weekKey(new Date('2026-11-02T00:00:00Z'))).toBe('2026-11-02');
  });

  it('lists every week in a range', () => {
    expect(
      weeksBetween(new Date('2026-10-28T00:00:00Z'), new Date('2026-11-10T00:00:00Z')),
    ).toEqual(['2026-10-26', '2026-11-02', '2026-11-09']);
  });
});
