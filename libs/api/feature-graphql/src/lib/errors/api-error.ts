import { GraphQLError } from 'graphql';

export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'ILLEGAL_TRANSITION'
  | 'DECLINE_REASON_REQUIRED'
  | 'NOTHING_TO_ANNOUNCE'
  | 'CONFLICT'
  | 'LAST_ADMIN';

/** A GraphQL error with a stable `extensions.code` and, for input errors, the offending field. */
export function apiError(
  code: ApiErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}
