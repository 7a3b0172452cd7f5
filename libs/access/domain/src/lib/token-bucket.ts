export interface TokenBucketOptions {
  /** Tokens added per second: the sustained rate. */
  readonly ratePerSecond: number;
  /** Largest burst. */
  readonly capacity: number;
}

export type TakeResult =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterMs: number };

/** Per-key token buckets: the rate limit of integrator API keys. Time is passed in, so it is testable. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: TokenBucketOptions) {
    if (options.ratePerSecond <= 0 || options.capacity < 1) {
      throw new Error('a token bucket needs a positive rate and a capacity of at least 1');
    }
  }

  /** Milliseconds until one token is available for this key (0 when it is now); takes nothing. */
  peek(key: string, now = Date.now()): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    const tokens = Math.min(
      this.options.capacity,
      bucket.tokens + ((now - bucket.at) / 1000) * this.options.ratePerSecond,
    );
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / this.options.ratePerSecond) * 1000);
  }

  take(key: string, cost = 1, now = Date.now()): TakeResult {
    const { ratePerSecond, capacity } = this.options;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * ratePerSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (cost > capacity) return { allowed: false, retryAfterMs: Number.POSITIVE_INFINITY };
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { allowed: true };
    }
    return {
      allowed: false,
      retryAfterMs: Math.ceil(((cost - bucket.tokens) / ratePerSecond) * 1000),
    };
  }
}
