import { isEmerging, MIN_EMERGING_VOLUME } from './is-emerging';

describe('isEmerging', () => {
  it('never flags a day below the minimum volume', () => {
    expect(isEmerging(MIN_EMERGING_VOLUME - 1, [0, 0, 0])).toBe(false);
  });

  it('flags a burst on a theme that was quiet, including a brand-new one', () => {
    expect(isEmerging(12, [0, 1, 0, 0, 1, 0, 0])).toBe(true);
    expect(isEmerging(8, [])).toBe(true);
  });

  it('does not flag ordinary variation around a high baseline', () => {
    const steady = [100, 95, 110, 104, 98, 102, 91];
    expect(isEmerging(118, steady)).toBe(false);
    expect(isEmerging(230, steady)).toBe(true);
  });

  it('needs both twice the baseline and three standard deviations above it', () => {
    // baseline 4: 3 sd above is 10, twice is 8
    expect(isEmerging(9, [4, 4, 4, 4])).toBe(false);
    expect(isEmerging(11, [4, 4, 4, 4])).toBe(true);
  });
});
