import { planLoopWindow } from './loop-window';

const at = (iso: string) => new Date(iso);

describe('planLoopWindow', () => {
  it('reads whole weeks from the roll-ups and the part-weeks at either end item by item', () => {
    // Wed 06-03 … Thu 06-25: whole weeks Mon 06-08 and Mon 06-15; 06-03…06-08 and 06-22…06-25 by item.
    const plan = planLoopWindow(
      at('2026-06-03T12:00:00Z'),
      at('2026-06-25T00:00:00Z'),
      at('2026-12-01T00:00:00Z'),
    );
    expect(plan.weeks).toEqual(['2026-06-08', '2026-06-15']);
    expect(plan.wholeFrom).toEqual(at('2026-06-08T00:00:00Z'));
    expect(plan.wholeTo).toEqual(at('2026-06-22T00:00:00Z'));
    // Both weeks are over 90 days old on 12-01: bucket 3 (>90d).
    expect(plan.ageClasses).toEqual([3, 3]);
  });

  it('a range starting on a Monday and ending on one is whole weeks only', () => {
    const plan = planLoopWindow(
      at('2026-06-01T00:00:00Z'),
      at('2026-06-29T00:00:00Z'),
      at('2026-12-01T00:00:00Z'),
    );
    expect(plan.weeks).toEqual(['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22']);
    expect(plan.wholeFrom).toEqual(at('2026-06-01T00:00:00Z'));
    expect(plan.wholeTo).toEqual(at('2026-06-29T00:00:00Z'));
  });

  it('a range inside one week has no whole week', () => {
    const to = at('2026-06-05T00:00:00Z');
    const plan = planLoopWindow(at('2026-06-02T00:00:00Z'), to, at('2026-12-01T00:00:00Z'));
    expect(plan).toEqual({ weeks: [], ageClasses: [], wholeFrom: to, wholeTo: to, recounts: [] });
  });

  it('marks weeks an age boundary falls in', () => {
    // now Mon 06-29 00:00. Week 06-22: ages (0, 7] days → 7 falls in (an item at 06-22 00:00 is 7 d old): -1.
    // Week 06-15: ages (7, 14] → 7-30d (1). Week 05-25: ages (28, 35] → 30 inside: -1.
    // Week 05-18: ages (35, 42] → 30-90d (2).
    const plan = planLoopWindow(
      at('2026-05-18T00:00:00Z'),
      at('2026-06-29T00:00:00Z'),
      at('2026-06-29T00:00:00Z'),
    );
    expect(plan.weeks).toEqual([
      '2026-05-18',
      '2026-05-25',
      '2026-06-01',
      '2026-06-08',
      '2026-06-15',
      '2026-06-22',
    ]);
    expect(plan.ageClasses).toEqual([2, -1, 1, 1, 1, -1]);
    // Week 05-25: the 30-day boundary is 05-30 00:00, 5 days in: count the 2 days after it
    // (30 days old or less → 7-30d), the rest stays with 30-90d (2).
    // Week 06-22: the 7-day boundary is 06-22 00:00, at its start: count [06-22, 06-22] (7 days old
    // → 7-30d); the rest stays with <7d (0).
    expect(plan.recounts).toEqual([
      {
        week: '2026-05-25',
        base: 2,
        from: at('2026-05-30T00:00:00Z'),
        to: at('2026-06-01T00:00:00Z'),
        toIncluded: false,
      },
      {
        week: '2026-06-22',
        base: 0,
        from: at('2026-06-22T00:00:00Z'),
        to: at('2026-06-22T00:00:00Z'),
        toIncluded: true,
      },
    ]);
  });

  it('counts a week that holds the time of asking item by item', () => {
    // now Wed 06-24 12:00: week 06-22 holds it (ages below 0 have no bucket).
    const plan = planLoopWindow(
      at('2026-06-22T00:00:00Z'),
      at('2026-06-29T00:00:00Z'),
      at('2026-06-24T12:00:00Z'),
    );
    expect(plan.recounts).toEqual([
      {
        week: '2026-06-22',
        base: null,
        from: at('2026-06-22T00:00:00Z'),
        to: at('2026-06-29T00:00:00Z'),
        toIncluded: false,
      },
    ]);
  });
});
