import { currentCorrelationId } from '@closedloop/messaging';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stdSerializers, stdTimeFunctions, type LevelWithSilent } from 'pino';
import type { Options } from 'pino-http';
import { requestCorrelationId } from './request-correlation-id';
import { safeRequestUrl } from './safe-request-url';

const LEVELS: readonly LevelWithSilent[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

/** Where secrets could sit in a log entry; their values are replaced by `[redacted]`. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'authorization',
  'password',
  'token',
  'apiKey',
  'secret',
  'variables',
  '*.authorization',
  '*.password',
  '*.token',
  '*.apiKey',
  '*.secret',
  '*.variables',
  'err.parameters',
  'err.detail',
  'err.driverError',
];

export interface LogSettings {
  /** `LOG_LEVEL`: fatal, error, warn, info (default), debug, trace or silent. */
  readonly level: LevelWithSilent;
  /** `LOG_FORMAT`: `json` (default), or `pretty` for people in development (needs pino-pretty). */
  readonly format: 'json' | 'pretty';
}

/** Log settings from the environment; an unknown level or format fails the start naming it. */
export function logSettingsFrom(env: NodeJS.ProcessEnv = process.env): LogSettings {
  const level = (env['LOG_LEVEL'] ?? 'info').trim().toLowerCase();
  if (!LEVELS.includes(level as LevelWithSilent))
    throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${level}"`);
  const format = (env['LOG_FORMAT'] ?? 'json').trim().toLowerCase();
  if (format !== 'json' && format !== 'pretty')
    throw new Error(`LOG_FORMAT must be json or pretty, got "${format}"`);
  return { level: level as LevelWithSilent, format };
}

export interface RequestLogOptions {
  /** Log requests that succeed at debug, not info (the embedded mode, whose demo seeding polls). */
  readonly quietSuccess?: boolean;
}

/** Only what a request log needs: no headers, no body, no query string. */
function requestSummary(req: IncomingMessage & { id?: unknown }): Record<string, unknown> {
  return { method: req.method, url: safeRequestUrl(req.url) };
}

/** An error's type, message, code and stack; never a failed query's parameters or a row's values. */
function errorSummary(error: Error): Record<string, unknown> {
  const { type, message, stack, code } = stdSerializers.err(error) as Record<string, unknown>;
  return { type, message, stack, ...(code !== undefined && { code }) };
}

function isQuietRoute(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  return url.startsWith('/health') || url.startsWith('/metrics');
}

/**
 * pino and pino-http options for a service: one JSON line per entry with `level` (a name),
 * `time` (ISO 8601), `service`, `message`, `context` (the Nest logger's) and `correlationId`
 * when the entry belongs to a request or a message; one line per HTTP request when it ends
 * (not for health checks and metrics scrapes; at debug for a success with `quietSuccess`);
 * secrets redacted.
 */
export function pinoHttpOptions(
  service: string,
  settings: LogSettings,
  requests: RequestLogOptions = {},
): Options {
  const success = requests.quietSuccess ? 'debug' : 'info';
  return {
    level: settings.level,
    base: { service },
    messageKey: 'message',
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // The id of the request or message being handled (see correlationMiddleware, processMessage).
    mixin: () => {
      const correlationId = currentCorrelationId();
      return correlationId ? { correlationId } : {};
    },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: requestSummary,
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      err: errorSummary,
    },
    genReqId: (req, res) => requestCorrelationId(req, res),
    // The line written when a request ends may be written outside its async context: it names
    // the request's correlation id itself.
    customSuccessObject: (req, _res, value: object) => ({
      ...value,
      correlationId: requestCorrelationId(req, _res),
    }),
    customErrorObject: (req, res, _error, value: object) => ({
      ...value,
      correlationId: requestCorrelationId(req, res),
    }),
    autoLogging: { ignore: isQuietRoute },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : success,
    ...(settings.format === 'pretty' && {
      transport: {
        target: 'pino-pretty',
        options: { messageKey: 'message', singleLine: true, translateTime: 'SYS:HH:MM:ss.l' },
      },
    }),
  };
}
