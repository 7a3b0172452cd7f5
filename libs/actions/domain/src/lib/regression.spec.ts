import { detectRegression } from './regression';

const shippedAt = new Date('2026-11-02T00:00:00Z');

describe('detectRegression', () => {
  it('flags volume back above the pre-ship level by more than the threshold', () => {
    // Before: 40 items in 4 weeks = 10/week, 10 negative = 25 %.
    // After: 14 items in 1 week (7 days elapsed) = 14/week > 10 × 1.25 = 12.5 → volume.
    // Negative share 3/14 = 21.4 % < 25 % × 1.25 = 31.25 % → not negative.
    const verdict = detectRegression(
      { weeks: 4, volume: 40, negatives: 10 },
      { shippedAt, now: new Date('2026-11-09T00:00:00Z'), volume: 14, negatives: 3 },
    );
    expect(verdict.regressed).toBe(true);
    expect(verdict.reasons).toEqual(['volume']);
    expect(verdict.baselineWeeklyVolume).toBe(10);
    expect(verdict.afterWeeklyVolume).toBe(14);
    expect(verdict.message).toBe(
      'Themes came back: volume 14/week after the ship vs 10/week before',
    );
  });

  it('flags a negative share above the threshold even at lower volume', () => {
    // Before 10/week, 25 % negative. After 2 weeks: 12 items = 6/week (below), 6 negative = 50 % > 31.25 %.
    const verdict = detectRegression(
      { weeks: 4, volume: 40, negatives: 10 },
      { shippedAt, now: new Date('2026-11-16T00:00:00Z'), volume: 12, negatives: 6 },
    );
    expect(verdict.reasons).toEqual(['negative_share']);
  });

  it('stays quiet at exactly the threshold and below the minimum count', () => {
    // 12.5/week is not above 12.5.
    expect(
      detectRegression(
        { weeks: 4, volume: 40, negatives: 0 },
        { shippedAt, now: new Date('2026-11-16T00:00:00Z'), volume: 25, negatives: 0 },
      ).regressed,
    ).toBe(false);
    // 4 items after a ship with no baseline at all: under the minimum of 5.
    expect(
      detectRegression(
        { weeks: 4, volume: 0, negatives: 0 },
        { shippedAt, now: new Date('2026-11-03T00:00:00Z'), volume: 4, negatives: 4 },
      ).regressed,
    ).toBe(false);
  });

  it('does not extrapolate a first busy day: elapsed time counts as at least a week', () => {
    // 5 items on the first day = 5/week, baseline 10/week → no regression.
    expect(
      detectRegression(
        { weeks: 4, volume: 40, negatives: 10 },
        { shippedAt, now: new Date('2026-11-02T12:00:00Z'), volume: 5, negatives: 1 },
      ).regressed,
    ).toBe(false);
  });

  it('takes the threshold and minimum as parameters', () => {
    // 12/week vs 10/week is +20 %: a 10 % threshold flags it, the default 25 % does not.
    const before = { weeks: 4, volume: 40, negatives: 0 };
    const after = { shippedAt, now: new Date('2026-11-09T00:00:00Z'), volume: 12, negatives: 0 };
    expect(detectRegression(before, after).regressed).toBe(false);
    expect(detectRegression(before, after, { thresholdPercent: 10, minCount: 5 }).regressed).toBe(
      true,
    );
    expect(detectRegression(before, after, { thresholdPercent: 10, minCount: 20 }).regressed).toBe(
      false,
    );
  });
});
