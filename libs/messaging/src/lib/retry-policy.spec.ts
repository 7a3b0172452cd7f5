import { DEFAULT_RETRY_POLICY, resolveRetryPolicy, retryDelayMs } from './retry-policy';

describe('retry policy', () => {
  const noJitter = () => 0.5;

  it('grows the delay exponentially up to the maximum', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, initialDelayMs: 100, factor: 2, maxDelayMs: 500 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(policy, n, noJitter))).toEqual([
      100, 200, 400, 500, 500,
    ]);
  });

  it('keeps jitter within ±20 %', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, initialDelayMs: 1000 };
    expect(retryDelayMs(policy, 1, () => 0)).toBe(800);
    expect(retryDelayMs(policy, 1, () => 1)).toBe(1200);
  });

  it('refuses fewer than one attempt', () => {
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).toThrow('at least 1');
  });
});
