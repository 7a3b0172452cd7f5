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
  /**
   * How long a requested notice waits before it is sent, so that notices of several actions
   * announced to the same customer within the window go out as one email (0: send at once).
   */
  readonly digestMinutes: number;
  /**
   * At most one change-notice email per customer per calendar day in this IANA time zone (default
   * UTC): a notice due after the customer's email of the day has gone waits for the next day.
   */
  readonly digestTimeZone?: string;
  /** How often the notifier sweeps for due notices (held for the digest, retry due, stale claims). */
  readonly sweepIntervalMs: number;
  /**
   * How long a claim on a notice holds before a notifier may take it over or, if its message had
   * already been handed to the SMTP server, mark it failed as unconfirmed (default CLAIM_LEASE_SECONDS).
   */
  readonly claimLeaseSeconds?: number;
  /** How long the sender read from the settings is reused (default SENDER_CACHE_MS). */
  readonly senderCacheMs?: number;
  /** Customers the sweeper sends to in parallel (and the size of the SMTP connection pool). */
  readonly sendConcurrency: number;
}
