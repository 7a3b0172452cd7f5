import {
  DEFAULT_DELIVERY_RETRY,
  deliveryRetriesExhausted,
  deliveryRetryBudgetMs,
  deliveryRetryDelayMs,
  validateDeliveryRetryPolicy,
} from './delivery-retry';

const policy = { maxAttempts: 5, initialDelayMs: 1_000, maxDelayMs: 5_000, factor: 2 };

describe('deliveryRetryDelayMs', () => {
  it('doubles from the initial delay up to the ceiling', () => {
    expect([1, 2, 3, 4, 5].map((n) => deliveryRetryDelayMs(policy, n))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });
});

describe('deliveryRetriesExhausted', () => {
  it('gives up once maxAttempts attempts were made', () => {
    expect(deliveryRetriesExhausted(policy, 4)).toBe(false);
    expect(deliveryRetriesExhausted(policy, 5)).toBe(true);
    expect(deliveryRetriesExhausted(policy, 6)).toBe(true);
  });
});

describe('deliveryRetryBudgetMs', () => {
  it('sums the worst-case waits between attempts', () => {
    expect(deliveryRetryBudgetMs(policy)).toBe(1_000 + 2_000 + 4_000 + 5_000);
    expect(deliveryRetryBudgetMs({ ...policy, maxAttempts: 1 })).toBe(0);
  });
});

describe('validateDeliveryRetryPolicy', () => {
  it('accepts the default and refuses nonsense', () => {
    expect(validateDeliveryRetryPolicy(DEFAULT_DELIVERY_RETRY)).toBe(DEFAULT_DELIVERY_RETRY);
    expect(() => validateDeliveryRetryPolicy({ ...policy, maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => validateDeliveryRetryPolicy({ ...policy, maxDelayMs: 10 })).toThrow(/delays/);
  });
});
