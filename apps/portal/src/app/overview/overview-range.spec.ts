import { lastDays, parseRangeDays, rangeLabel } from './overview-range';

describe('overview range', () => {
  it('takes whole UTC days up to the end of today', () => {
    expect(lastDays(7, new Date('2026-06-10T15:30:00Z'))).toEqual({
      from: '2026-06-04T00:00:00.000Z',
      to: '2026-06-11T00:00:00.000Z',
    });
  });

  it('reads only the offered spans from the URL', () => {
    expect(parseRangeDays('30')).toBe(30);
    expect(parseRangeDays('365')).toBe(365);
    expect(parseRangeDays('31')).toBe(90);
    expect(parseRangeDays(null)).toBe(90);
  });

  it('labels a span', () => {
    expect(rangeLabel(30)).toBe('Last 30 days');
    expect(rangeLabel(365)).toBe('Last 12 months');
  });
});
