import { envFlag, envList, loadConfig, metricsTokenEnv } from '@closedloop/platform';
import { z } from 'zod';

const NotifierEnvSchema = z.object({
  HOST: z.string().default('0.0.0.0'),
  HEALTH_PORT: z.coerce.number().int().min(1).max(65535).default(3002),
  METRICS_TOKEN: metricsTokenEnv(),
  DATABASE_URL: z.string().url(),
  RUN_MIGRATIONS: envFlag(false),
  KAFKA_BROKERS: envList('127.0.0.1:9092'),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).default(3),
  SMTP_HOST: z.string().default('127.0.0.1'),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(2525),
  SMTP_SECURE: envFlag(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().default('"ClosedLoop" <loop@closedloop.local>'),
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  UNSUBSCRIBE_SECRET: z.string().min(16, 'UNSUBSCRIBE_SECRET must be at least 16 characters'),
  MESSAGE_ID_DOMAIN: z.string().default('closedloop.local'),
  /** Messages per second handed to the SMTP server at most (token bucket). */
  NOTIFIER_MAX_PER_SECOND: z.coerce.number().positive().max(10_000).default(200),
  /** Send attempts per notice for temporary failures (connection trouble, SMTP 4xx) before it is marked failed. */
  NOTICE_RETRY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  /** Backoff after the first failed attempt; doubles per attempt up to NOTICE_RETRY_MAX_MS (±20 % jitter). */
  NOTICE_RETRY_INITIAL_MS: z.coerce.number().int().min(0).max(20_000).default(1_000),
  /** At most 20 s: the bus sleeps between attempts, and Kafka's session timeout is 30 s. */
  /** Notices wait this long so that several actions announced to one customer go out as one email (0: at once). */
  NOTICE_DIGEST_MINUTES: z.coerce.number().min(0).max(1_440).default(10),
  /** At most one change-notice email per customer per calendar day in this IANA time zone. */
  NOTICE_DIGEST_TIME_ZONE: z
    .string()
    .default('UTC')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'NOTICE_DIGEST_TIME_ZONE must be an IANA time zone such as UTC or Europe/Berlin'),
  /** Customers the notifier sends to in parallel when sweeping, and its pool of SMTP connections. */
  NOTIFIER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** How often the notifier looks for held, retry-due and stale-claimed notices. */
  NOTICE_SWEEP_SECONDS: z.coerce.number().min(0.1).max(3_600).default(15),
  /** How long a notifier's claim on a notice holds before another may take it over (a notifier killed mid-send). */
  NOTICE_CLAIM_LEASE_SECONDS: z.coerce.number().min(1).max(3_600).default(60),
  NOTICE_RETRY_MAX_MS: z.coerce.number().int().min(1).max(20_000).default(15_000),
});

export type NotifierEnv = z.infer<typeof NotifierEnvSchema>;

export const loadNotifierConfig = (): NotifierEnv => loadConfig(NotifierEnvSchema);
