import { loadConfig, metricsTokenEnv } from '@closedloop/platform';
import {
  EncoderFilesMissingError,
  encoderDirectoryFromEnv,
  encoderFilesIn,
} from '@closedloop/themes-encoder';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const EmbeddedEnvSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  METRICS_TOKEN: metricsTokenEnv(),
  PGLITE_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DATA_DIR: z.string().default('.data/embedded'),
  PORTAL_DIR: z.string().default('dist/apps/portal/browser'),
  DEMO_DATA: z.enum(['true', 'false']).default('true'),
  UNSUBSCRIBE_SECRET: z.string().min(16).optional(),
  THEME_ENCODER_DIR: z.string().min(1).optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(12, 'ADMIN_PASSWORD must be at least 12 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(720),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(168),
});

export interface EmbeddedConfig {
  readonly host: string;
  readonly port: number;
  readonly pglitePort: number;
  readonly databaseDir: string;
  readonly mailDir: string;
  readonly portalDir: string;
  readonly demoData: boolean;
  readonly unsubscribeSecret: string;
  /** When set, `/metrics` wants it as a bearer token. */
  readonly metricsToken: string | undefined;
  readonly publicUrl: string;
  /** The theme encoder's directory, or why there is none (then feedback is not themed). */
  readonly encoder: { readonly directory: string } | { readonly missing: string };
  /** The admin to sign in with, when given (ADMIN_EMAIL and ADMIN_PASSWORD); otherwise a demo admin. */
  readonly admin: { readonly email: string; readonly password: string } | null;
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
}

/** The embedded mode keeps everything under DATA_DIR; its secret is made on first start, never hard-coded. */
export function loadEmbeddedConfig(): EmbeddedConfig {
  const env = loadConfig(EmbeddedEnvSchema);
  const dataDir = resolve(env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const secretFile = join(dataDir, 'unsubscribe-secret');
  if (!env.UNSUBSCRIBE_SECRET && !existsSync(secretFile)) {
    writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  const host = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
  return {
    host: env.HOST,
    port: env.PORT,
    pglitePort: env.PGLITE_PORT,
    databaseDir: join(dataDir, 'pglite'),
    mailDir: join(dataDir, 'mail'),
    portalDir: resolve(env.PORTAL_DIR),
    demoData: env.DEMO_DATA === 'true',
    unsubscribeSecret: env.UNSUBSCRIBE_SECRET ?? readFileSync(secretFile, 'utf8').trim(),
    metricsToken: env.METRICS_TOKEN,
    publicUrl: `http://${host}:${env.PORT}`,
    encoder: findEncoder(encoderDirectoryFromEnv(process.env)),
    admin:
      env.ADMIN_EMAIL && env.ADMIN_PASSWORD
        ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }
        : null,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionMaxHours: env.SESSION_MAX_HOURS,
  };
}

/** The encoder's directory when its files are there; otherwise what is missing, to say at start. */
function findEncoder(directory: string): EmbeddedConfig['encoder'] {
  try {
    encoderFilesIn(directory);
    return { directory };
  } catch (error) {
    if (error instanceof EncoderFilesMissingError) return { missing: error.message };
    throw error;
  }
}
