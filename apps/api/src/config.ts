import { envFlag, envList, loadConfig, metricsTokenEnv } from '@closedloop/platform';
import { z } from 'zod';

const ApiEnvSchema = z
  .object({
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    METRICS_TOKEN: metricsTokenEnv(),
    DATABASE_URL: z.string().url(),
    RUN_MIGRATIONS: envFlag(false),
    KAFKA_BROKERS: envList('127.0.0.1:9092'),
    KAFKA_PARTITIONS: z.coerce.number().int().min(1).default(3),
    UNSUBSCRIBE_SECRET: z.string().min(16, 'UNSUBSCRIBE_SECRET must be at least 16 characters'),
    PORTAL_DIR: z.string().optional(),
    /** Origins (comma-separated) allowed to call the API from a browser; none by default (same origin only). */
    CORS_ORIGINS: envList(''),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(8 * 1024 * 1024),
    INGEST_RATE_PER_SECOND: z.coerce.number().positive().default(2000),
    INGEST_BURST: z.coerce.number().int().min(1000).default(5000),
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(8),
    GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(100).default(5000),
    GRAPHQL_SCHEMA_FILE: z.string().optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(720),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(168),
    ADMIN_EMAIL: z.string().email().optional(),
    ADMIN_PASSWORD: z.string().min(12, 'ADMIN_PASSWORD must be at least 12 characters').optional(),
    ADMIN_NAME: z.string().min(1).default('Administrator'),
  })
  .refine((env) => !env.ADMIN_EMAIL === !env.ADMIN_PASSWORD, {
    message: 'set ADMIN_EMAIL and ADMIN_PASSWORD together (or neither)',
    path: ['ADMIN_PASSWORD'],
  });

export type ApiEnv = z.infer<typeof ApiEnvSchema>;

export const loadApiConfig = (): ApiEnv => loadConfig(ApiEnvSchema);
