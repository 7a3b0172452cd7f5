import { TokenBuckets, type TokenBucketOptions } from './token-bucket';

export interface SignInThrottleOptions {
  /** Failed attempts allowed in a row per email, then one more every `emailRefillSeconds`. */
  readonly perEmail: number;
  readonly emailRefillSeconds: number;
  /** Failed attempts allowed in a row per client address, then one more every `ipRefillSeconds`. */
  readonly perIp: number;
  readonly ipRefillSeconds: number;
}

export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottleOptions = {
  perEmail: 5,
  emailRefillSeconds: 60,
  perIp: 20,
  ipRefillSeconds: 6,
};

export type ThrottleResult =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterMs: number };

/**
 * Slows down password guessing: every failed sign-in costs a token from the email's bucket and
 * from the client address's bucket; while either is empty, sign-in is refused before the password
 * is checked. A successful sign-in costs nothing.
 */
export class SignInThrottle {
  private readonly byEmail: TokenBuckets;
  private readonly byIp: TokenBuckets;

  constructor(options: SignInThrottleOptions = DEFAULT_SIGN_IN_THROTTLE) {
    const buckets = (capacity: number, refillSeconds: number): TokenBucketOptions => ({
      capacity,
      ratePerSecond: 1 / refillSeconds,
    });
    this.byEmail = new TokenBuckets(buckets(options.perEmail, options.emailRefillSeconds));
    this.byIp = new TokenBuckets(buckets(options.perIp, options.ipRefillSeconds));
  }

  /** Whether an attempt may be made now (takes nothing). */
  check(email: string, ip: string, now = Date.now()): ThrottleResult {
    const waits = [this.byEmail.peek(key(email), now), this.byIp.peek(ip, now)].filter(
      (w) => w > 0,
    );
    return waits.length === 0
      ? { allowed: true }
      : { allowed: false, retryAfterMs: Math.max(...waits) };
  }

  /** Records a failed attempt. */
  failed(email: string, ip: string, now = Date.now()): void {
    this.byEmail.take(key(email), 1, now);
    this.byIp.take(ip, 1, now);
  }
}

function key(email: string): string {
  return email.trim().toLowerCase();
}
