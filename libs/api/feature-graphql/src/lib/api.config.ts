import type { TokenBucketOptions } from '@closedloop/access-domain';
import type { QueryLimits } from './query-limits';

export const API_CONFIG = Symbol('API_CONFIG');

export interface ApiConfig {
  readonly unsubscribeSecret: string;
  /** Where the committed schema file lives; written only when set (development), never in production. */
  readonly schemaFile?: string;
  /** Per-API-key rate limit, charged per submitted event. */
  readonly ingestRateLimit?: TokenBucketOptions;
  readonly queryLimits?: QueryLimits;
}

export const DEFAULT_INGEST_RATE_LIMIT: TokenBucketOptions = {
  ratePerSecond: 2000,
  capacity: 5000,
};
