export interface RetryPolicy {
  /** Attempts in all, the first included, before a message is dead-lettered. */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly factor: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  initialDelayMs: 200,
  maxDelayMs: 10_000,
  factor: 2,
};

/** Delay before attempt `attempt + 1`, after `attempt` failed attempts (1-based), with ±20 % jitter. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** (attempt - 1));
  const jitter = 0.8 + random() * 0.4;
  return Math.round(base * jitter);
}

export function resolveRetryPolicy(overrides?: Partial<RetryPolicy>): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new Error(
      `retry maxAttempts must be a whole number of at least 1, got ${policy.maxAttempts}`,
    );
  }
  return policy;
}
