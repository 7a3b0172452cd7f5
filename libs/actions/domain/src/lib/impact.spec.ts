import { impactSeries } from './impact';

describe('impactSeries', () => {
  it('buckets days into weeks around the ship day, with sentiment and NPS of distinct customers', () => {
    // Shipped Wed 2026-11-04 10:00 → ship day 2026-11-04; window 2 weeks:
    //   before −2: 10-21…10-27, −1: 10-28…11-03; after 0: 11-04…11-10, 1: 11-11…11-17.
    // now = 11-12, so week 1 (started 11-11) is shown, nothing later exists anyway.
    // Days: 10-20 (outside, ignored) 9 items; 10-22: 3 items, sentiment sum −1.5 of 3, 2 negative;
    //       11-03: 5 items, sum −2 of 4, 3 negative; 11-04: 2 items, sum 0.6 of 2, 0 negative;
    //       11-12: 1 item, sum 0.4 of 1.
    // before: weeks −2 = 3 (mean −0.5), −1 = 5 (mean −0.5); total 8, 4/week, mean −3.5/7 = −0.5,
    //         negative share 5/8 = 0.625.
    // after: week 0 = 2 (mean 0.3), week 1 = 1 (mean 0.4); total 3, 1.5/week, mean 1.0/3 = 0.3333,
    //        negative share 0.
    // NPS before: c1 3 (detractor), c2 9 then c2 4 (latest 4 → detractor), c3 10 → (1 − 2)/3 = −33.3.
    // NPS after: c1 9, c2 10 → 100. An answer on 11-19 (outside the after-window) is ignored.
    const result = impactSeries({
      shippedAt: new Date('2026-11-04T10:00:00Z'),
      windowWeeks: 2,
      now: new Date('2026-11-12T12:00:00Z'),
      days: [
        { day: '2026-10-20', volume: 9, sentimentSum: -9, sentimentCount: 9, negatives: 9 },
        { day: '2026-10-22', volume: 3, sentimentSum: -1.5, sentimentCount: 3, negatives: 2 },
        { day: '2026-11-03', volume: 5, sentimentSum: -2, sentimentCount: 4, negatives: 3 },
        { day: '2026-11-04', volume: 2, sentimentSum: 0.6, sentimentCount: 2, negatives: 0 },
        { day: '2026-11-12', volume: 1, sentimentSum: 0.4, sentimentCount: 1, negatives: 0 },
      ],
      npsAnswers: [
        { customerId: 'c1', score: 3, at: new Date('2026-10-25T00:00:00Z') },
        { customerId: 'c2', score: 9, at: new Date('2026-10-26T00:00:00Z') },
        { customerId: 'c2', score: 4, at: new Date('2026-11-01T00:00:00Z') },
        { customerId: 'c3', score: 10, at: new Date('2026-11-02T00:00:00Z') },
        { customerId: 'c1', score: 9, at: new Date('2026-11-05T00:00:00Z') },
        { customerId: 'c2', score: 10, at: new Date('2026-11-06T00:00:00Z') },
        { customerId: 'c3', score: 0, at: new Date('2026-11-19T00:00:00Z') },
      ],
    });
    expect(result.shipDay).toBe('2026-11-04');
    expect(result.before.weeks).toEqual([
      { offset: -2, start: '2026-10-21', volume: 3, meanSentiment: -0.5 },
      { offset: -1, start: '2026-10-28', volume: 5, meanSentiment: -0.5 },
    ]);
    expect(result.after.weeks).toEqual([
      { offset: 0, start: '2026-11-04', volume: 2, meanSentiment: 0.3 },
      { offset: 1, start: '2026-11-11', volume: 1, meanSentiment: 0.4 },
    ]);
    expect(result.before).toMatchObject({
      volume: 8,
      weeklyVolume: 4,
      meanSentiment: -0.5,
      negativeShare: 0.625,
      nps: -33.3,
      npsCustomers: 3,
    });
    expect(result.after).toMatchObject({
      volume: 3,
      weeklyVolume: 1.5,
      meanSentiment: 0.3333,
      negativeShare: 0,
      nps: 100,
      npsCustomers: 2,
    });
  });

  it('leaves out after-weeks that have not started', () => {
    const result = impactSeries({
      shippedAt: new Date('2026-11-04T10:00:00Z'),
      windowWeeks: 4,
      now: new Date('2026-11-05T00:00:00Z'),
      days: [],
      npsAnswers: [],
    });
    expect(result.before.weeks).toHaveLength(4);
    expect(result.after.weeks.map((w) => w.offset)).toEqual([0]);
    expect(result.after.meanSentiment).toBeNull();
  });
});
