import { Logger } from '@nestjs/common';
import { ActionRuleError } from '@closedloop/actions-domain';
import { sqlStateOf } from '@closedloop/messaging';
import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';

const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'ILLEGAL_TRANSITION',
  'DECLINE_REASON_REQUIRED',
  'NOTHING_TO_ANNOUNCE',
  'CONFLICT',
  'LAST_ADMIN',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
]);

const logger = new Logger('GraphQL');

/**
 * The one place errors become GraphQL errors: domain rule errors keep their code and message,
 * known codes pass through, anything unexpected is logged with an error id and reported generically.
 */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
  if (original instanceof ActionRuleError) {
    return {
      ...formatted,
      message: original.message,
      extensions: { ...original.details, code: original.code },
    };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && KNOWN_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const errorId = randomUUID();
  logger.error(`error ${errorId}: ${loggableError(original)}`);
  return {
    message: `Internal error; quote error id ${errorId} when reporting it`,
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
  };
}

/**
 * What is logged of an unexpected error: its stack, except that a database error's message is
 * left out. PostgreSQL quotes the offending value in it (`invalid input syntax for type uuid:
 * "…"`, `Key (email)=(…) already exists`), which can be a caller's input or personal data; its
 * SQLSTATE and where it was raised say enough to find it.
 */
export function loggableError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const state = sqlStateOf(error);
  if (state === null) return error.stack ?? `${error.name}: ${error.message}`;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [
    `${error.name} (SQLSTATE ${state}; message withheld: it may quote input)`,
    ...frames,
  ].join('\n');
}
