import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  it('allows a burst up to capacity, then refills at the rate', () => {
    const buckets = new TokenBuckets({ ratePerSecond: 10, capacity: 3 });
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => buckets.take('k', 1, t0).allowed)).toEqual([true, true, true]);
    expect(buckets.take('k', 1, t0)).toEqual({ allowed: false, retryAfterMs: 100 });
    expect(buckets.take('k', 1, t0 + 100).allowed).toBe(true);
  });

  it('keeps keys apart and charges by cost', () => {
    const buckets = new TokenBuckets({ ratePerSecond: 1, capacity: 5 });
    expect(buckets.take('a', 5, 0).allowed).toBe(true);
    expect(buckets.take('b', 5, 0).allowed).toBe(true);
    expect(buckets.take('a', 1, 0)).toEqual({ allowed: false, retryAfterMs: 1000 });
    expect(buckets.take('a', 6, 10_000)).toEqual({ allowed: false, retryAfterMs: Number.POSITIVE_INFINITY });
  });
});
