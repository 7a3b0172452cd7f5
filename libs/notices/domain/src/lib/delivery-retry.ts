/** How the notifier retries a notice whose send failed for a temporary reason (connection refused, SMTP 4xx). */
export interface DeliveryRetryPolicy {
  /** Send attempts in all, the first included; when they are used up the notice is marked failed. */
  readonly maxAttempts: number;
  /** Delay after the first failed attempt. */
  readonly initialDelayMs: number;
  /** Ceiling of any one delay. */
  readonly maxDelayMs: number;
  /** Growth of the delay per attempt. */
  readonly factor: number;
}

export const DEFAULT_DELIVERY_RETRY: DeliveryRetryPolicy = {
  maxAttempts: 10,
  initialDelayMs: 1_000,
  maxDelayMs: 15_000,
  factor: 2,
};

/**
 * Delay before the next attempt after `failedAttempts` failed ones (1-based), without jitter:
 * exponential from `initialDelayMs`, capped at `maxDelayMs`. The message bus adds ±20 % jitter.
 */
export function deliveryRetryDelayMs(policy: DeliveryRetryPolicy, failedAttempts: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** Math.max(0, failedAttempts - 1));
}

/** True when a notice that has been tried `attempts` times may not be tried again. */
export function deliveryRetriesExhausted(policy: DeliveryRetryPolicy, attempts: number): boolean {
  return attempts >= policy.maxAttempts;
}

/** Total worst-case wait across all retries: how long a notice can be held back by an outage. */
export function deliveryRetryBudgetMs(policy: DeliveryRetryPolicy): number {
  let total = 0;
  for (let failed = 1; failed < policy.maxAttempts; failed++) total += deliveryRetryDelayMs(policy, failed);
  return total;
}

export function validateDeliveryRetryPolicy(policy: DeliveryRetryPolicy): DeliveryRetryPolicy {
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new Error(`notice retry maxAttempts must be a whole number of at least 1, got ${policy.maxAttempts}`);
  }
  if (policy.initialDelayMs < 0 || policy.maxDelayMs < policy.initialDelayMs || policy.factor < 1) {
    throw new Error('notice retry delays must satisfy 0 <= initialDelayMs <= maxDelayMs and factor >= 1');
  }
  return policy;
}
