import { envFlag, envList, loadConfig } from '@closedloop/platform';
import { z } from 'zod';

const NotifierEnvSchema = z.object({
  HOST: z.string().default('0.0.0.0'),
  HEALTH_PORT: z.coerce.number().int().min(1).max(65535).default(3002),
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
});

export type NotifierEnv = z.infer<typeof NotifierEnvSchema>;

export const loadNotifierConfig = (): NotifierEnv => loadConfig(NotifierEnvSchema);
