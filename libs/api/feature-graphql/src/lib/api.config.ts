import type {
  SessionLifetime,
  SignInThrottleOptions,
  TokenBucketOptions,
} from '@closedloop/access-domain';
import type { QueryLimits } from './query-limits';

export const API_CONFIG = Symbol('API_CONFIG');

export interface ApiConfig {
  readonly unsubscribeSecret: string;
  /** Where the committed schema file lives; written only when set (development), never in production. */
  readonly schemaFile?: string;
  /** Per-API-key rate limit, charged per submitted event. */
  readonly ingestRateLimit?: TokenBucketOptions;
  readonly queryLimits?: QueryLimits;
  /** Idle timeout and absolute maximum of sessions (default 12 hours idle, 7 days at most). */
  readonly sessionLifetime?: SessionLifetime;
  readonly signInThrottle?: SignInThrottleOptions;
  /** An admin to create at start when no user has this email (ADMIN_EMAIL, ADMIN_PASSWORD). */
  readonly bootstrapAdmin?: {
    readonly email: string;
    readonly password: string;
    readonly name?: string;
  };
}

export const DEFAULT_INGEST_RATE_LIMIT: TokenBucketOptions = {
  ratePerSecond: 2000,
  capacity: 5000,
};
