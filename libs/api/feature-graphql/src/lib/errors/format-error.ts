import { Logger } from '@nestjs/common';
import { ActionRuleError } from '@closedloop/actions-domain';
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
  logger.error(`error ${errorId}: ${(original as Error)?.stack ?? String(original)}`);
  return {
    message: `Internal error; quote error id ${errorId} when reporting it`,
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
  };
}
