import type { DeliveryRetryPolicy } from '@closedloop/notices-domain';

export const DELIVERY_CONFIG = Symbol('DELIVERY_CONFIG');

export interface DeliveryConfig {
  /** From address of change notices, e.g. `"Acme" <loop@acme.example>`. */
  readonly mailFrom: string;
  /** Public base URL of the API, for unsubscribe links. */
  readonly publicUrl: string;
  readonly unsubscribeSecret: string;
  /** Domain part of generated Message-IDs. */
  readonly messageIdDomain: string;
  /** Attempts and backoff for temporary SMTP failures; a notice whose attempts are used up is marked failed. */
  readonly retry: DeliveryRetryPolicy;
  /** Most messages per second handed to the SMTP server (token bucket). */
  readonly maxPerSecond: number;
}
