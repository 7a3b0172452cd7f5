/** Fewer items than this in a day never make a theme emerging: too little to tell from chance. */
export const MIN_EMERGING_VOLUME = 5;

/**
 * Whether a theme's volume today is well above its own baseline: the mean of its earlier daily
 * volumes (days without items count as zero). Daily counts are treated as Poisson: today must
 * be at least twice the baseline and more than three standard deviations (√baseline) above it,
 * with a floor of one item a day so a brand-new theme needs a real burst, not one quiet day.
 */
export function isEmerging(todayVolume: number, earlierDailyVolumes: readonly number[]): boolean {
  if (todayVolume < MIN_EMERGING_VOLUME) return false;
  const baseline =
    earlierDailyVolumes.length === 0
      ? 0
      : earlierDailyVolumes.reduce((sum, v) => sum + v, 0) / earlierDailyVolumes.length;
  const expected = Math.max(baseline, 1);
  return todayVolume >= 2 * expected && todayVolume > expected + 3 * Math.sqrt(expected);
}
