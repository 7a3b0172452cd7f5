import {
  bucketMidpoint,
  bucketedMedian,
  latencyBucket,
  loopFigures,
  median,
  openLoopAgeBucket,
  share,
} from './loop-measures';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('loop measures', () => {
  it('median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('latency buckets: 1 h below a day, 6 h below 14 days, 24 h below 90 days, a week beyond', () => {
    expect([0, 0.99, 1, 23.9].map(latencyBucket)).toEqual([0, 0, 1, 23]);
    expect([24, 29.9, 30, 335.9].map(latencyBucket)).toEqual([24, 24, 25, 75]);
    expect([336, 359.9, 360, 2159].map(latencyBucket)).toEqual([76, 76, 77, 151]);
    expect([2160, 2327.9, 2328, 19_463, 19_464, 1e9].map(latencyBucket)).toEqual([
      152, 152, 153, 254, 255, 255,
    ]);
    expect(latencyBucket(-5)).toBe(0);
    expect([0, 23, 24, 75, 76, 151, 152, 255].map(bucketMidpoint)).toEqual([
      0.5, 23.5, 27, 333, 348, 2148, 2244, 19_548,
    ]);
  });

  it("bucketed median: the midpoints of the middle items' buckets", () => {
    // [1.2, 5, 30] → buckets 1, 5, 25 → middle bucket 5 → 5.5.
    expect(bucketedMedian([30, 1.2, 5])).toBe(5.5);
    // [10, 400] → 10 h in [10, 11) (10.5) and 400 h in [384, 408) (396) → 203.25 → 203.3.
    expect(bucketedMedian([10, 400])).toBe(203.3);
    expect(bucketedMedian([])).toBeNull();
  });

  it('share rounds to four decimals and is null without a whole', () => {
    expect(share(1, 3)).toBe(0.3333);
    expect(share(1, 0)).toBeNull();
  });

  it('age buckets have closed lower and open upper bounds', () => {
    const now = d('2026-12-01');
    expect(openLoopAgeBucket(d('2026-11-25'), now)).toBe('<7d'); // 6 days
    expect(openLoopAgeBucket(d('2026-11-24'), now)).toBe('7-30d'); // 7 days
    expect(openLoopAgeBucket(d('2026-11-01'), now)).toBe('30-90d'); // 30 days
    expect(openLoopAgeBucket(d('2026-09-01'), now)).toBe('>90d'); // 91 days
  });

  it('computes the figures of a small hand-worked set', () => {
    // 10 feedback items in scope, 4 actioned:
    //  f1 spoke 11-01, actioned 11-02 (24 h), shipped 11-05 (96 h), told 11-06 (120 h)
    //  f2 spoke 11-02, actioned 11-02 (0 h),  shipped 11-05 (72 h), told 11-08 (144 h)
    //  f3 spoke 11-03, actioned 11-05 (48 h), shipped 11-10 (168 h), not told → open, 28 days at 12-01: 7-30d
    //  f4 spoke 09-01, actioned 09-03 (48 h), not shipped, not told → open, 91 days: >90d
    // actioned share 4/10 = 0.4; told share 2/4 = 0.5
    // Medians are bucketed (the midpoint of the middle items' buckets; 6 h buckets from 24 h):
    // to action [0, 24, 48, 48] → middle items 24 h in [24, 30) and 48 h in [48, 54) → (27 + 51) / 2 = 39 h
    //   (exact: 36 h);
    // to ship [72, 96, 168] → 96 h in [96, 102) → 99 h (exact 96 h);
    // to notice [120, 144] → [120, 126) and [144, 150) → (123 + 147) / 2 = 135 h (exact 132 h).
    const figures = loopFigures(
      10,
      [
        {
          feedbackId: 'f1',
          occurredAt: d('2026-11-01'),
          actionedAt: d('2026-11-02'),
          shippedAt: d('2026-11-05'),
          noticedAt: d('2026-11-06'),
        },
        {
          feedbackId: 'f2',
          occurredAt: d('2026-11-02'),
          actionedAt: d('2026-11-02'),
          shippedAt: d('2026-11-05'),
          noticedAt: d('2026-11-08'),
        },
        {
          feedbackId: 'f3',
          occurredAt: d('2026-11-03'),
          actionedAt: d('2026-11-05'),
          shippedAt: d('2026-11-10'),
          noticedAt: null,
        },
        {
          feedbackId: 'f4',
          occurredAt: d('2026-09-01'),
          actionedAt: d('2026-09-03'),
          shippedAt: null,
          noticedAt: null,
        },
      ],
      d('2026-12-01'),
    );
    expect(figures).toEqual({
      feedback: 10,
      actioned: 4,
      actionedShare: 0.4,
      told: 2,
      toldShare: 0.5,
      medianHoursToAction: 39,
      medianHoursToShip: 99,
      medianHoursToNotice: 135,
      openLoops: { '<7d': 0, '7-30d': 1, '30-90d': 0, '>90d': 1 },
    });
  });
});
