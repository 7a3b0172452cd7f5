import { TokenBuckets } from '@closedloop/access-domain';

export const SEND_THROTTLE = Symbol('SEND_THROTTLE');

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Keeps the notifier under NOTIFIER_MAX_PER_SECOND messages per second with a token bucket
 * (a burst of at most one second's worth). `acquire` waits until a message may be sent.
 */
export class SendThrottle {
  private readonly buckets: TokenBuckets;

  constructor(
    readonly maxPerSecond: number,
    private readonly clock: { now(): number; sleep(ms: number): Promise<void> } = {
      now: Date.now,
      sleep,
    },
  ) {
    this.buckets = new TokenBuckets({
      ratePerSecond: maxPerSecond,
      capacity: Math.max(1, Math.floor(maxPerSecond)),
    });
  }

  async acquire(): Promise<void> {
    for (;;) {
      const taken = this.buckets.take('smtp', 1, this.clock.now());
      if (taken.allowed) return;
      await this.clock.sleep(taken.retryAfterMs);
    }
  }
}
