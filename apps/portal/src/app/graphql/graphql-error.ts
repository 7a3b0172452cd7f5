/** One error the API reported, as the portal shows it. */
export interface GraphqlErrorDetail {
  readonly message: string;
  /** `extensions.code`, e.g. ILLEGAL_TRANSITION or BAD_USER_INPUT; null when the API gave none. */
  readonly code: string | null;
  /** `extensions.field`, the input field the API blamed, when it named one. */
  readonly field: string | null;
}

/**
 * graphql: the API answered with `errors[]`; network: no answer at all;
 * http: an answer that is not GraphQL (a proxy error page, say); invalid-response: GraphQL without data.
 */
export type GraphqlFailureKind = 'graphql' | 'network' | 'http' | 'invalid-response';

/** A failed GraphQL request, with every message the API gave. */
export class GraphqlRequestError extends Error {
  constructor(
    readonly kind: GraphqlFailureKind,
    readonly details: readonly GraphqlErrorDetail[],
    readonly status: number | null,
    readonly operationName: string | null,
  ) {
    super(details.map((d) => d.message).join('; '));
    this.name = 'GraphqlRequestError';
  }

  /** The first error code the API gave, if any. */
  get code(): string | null {
    return this.details.find((d) => d.code !== null)?.code ?? null;
  }

  hasCode(code: string): boolean {
    return this.details.some((d) => d.code === code);
  }
}

/** What an error panel shows: one line per message, and the codes for support. */
export interface DisplayError {
  readonly messages: readonly string[];
  readonly codes: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toDetail(raw: unknown): GraphqlErrorDetail {
  if (!isRecord(raw)) return { message: 'Unknown error', code: null, field: null };
  const message =
    typeof raw['message'] === 'string' && raw['message'].trim() !== ''
      ? raw['message']
      : 'Unknown error';
  const extensions = isRecord(raw['extensions']) ? raw['extensions'] : {};
  const code = typeof extensions['code'] === 'string' ? extensions['code'] : null;
  const field = typeof extensions['field'] === 'string' ? extensions['field'] : null;
  return { message, code, field };
}

/** The `errors[]` of a GraphQL response body, or an empty list when there are none. */
export function graphqlErrorsOf(body: unknown): readonly GraphqlErrorDetail[] {
  if (!isRecord(body) || !Array.isArray(body['errors'])) return [];
  return body['errors'].map(toDetail);
}

/**
 * Reads a GraphQL response body (HTTP 200, or the 4xx/5xx Apollo answers with `errors[]`):
 * its data when there are no errors, otherwise the error to throw.
 */
export function readGraphqlBody<T>(
  body: unknown,
  status: number,
  operationName: string | null,
): { readonly data: T } | { readonly error: GraphqlRequestError } {
  const errors = graphqlErrorsOf(body);
  if (errors.length > 0) {
    return { error: new GraphqlRequestError('graphql', errors, status, operationName) };
  }
  if (isRecord(body) && isRecord(body['data'])) {
    return { data: body['data'] as T };
  }
  return {
    error: new GraphqlRequestError(
      'invalid-response',
      [{ message: 'The API answered without data or errors.', code: null, field: null }],
      status,
      operationName,
    ),
  };
}

/** The shape of Angular's HttpErrorResponse this module needs (kept structural for testing). */
export interface HttpFailure {
  readonly status: number;
  readonly statusText?: string;
  readonly error?: unknown;
}

/** Turns a failed HTTP exchange into the error to show: the API's own messages when it sent GraphQL errors. */
export function errorFromHttpFailure(
  failure: HttpFailure,
  operationName: string | null,
): GraphqlRequestError {
  const errors = graphqlErrorsOf(parseMaybeJson(failure.error));
  if (errors.length > 0) {
    return new GraphqlRequestError('graphql', errors, failure.status, operationName);
  }
  if (failure.status === 0) {
    return new GraphqlRequestError(
      'network',
      [
        {
          message: 'Cannot reach the ClosedLoop API. Check your connection and try again.',
          code: null,
          field: null,
        },
      ],
      null,
      operationName,
    );
  }
  const statusText =
    failure.statusText && failure.statusText !== 'OK' ? ` ${failure.statusText}` : '';
  return new GraphqlRequestError(
    'http',
    [
      {
        message: `The ClosedLoop API answered HTTP ${failure.status}${statusText}.`,
        code: null,
        field: null,
      },
    ],
    failure.status,
    operationName,
  );
}

function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** What to show the user for any error a request or a component ran into. */
export function toDisplayError(error: unknown): DisplayError {
  if (error instanceof GraphqlRequestError) {
    const codes = [
      ...new Set(error.details.map((d) => d.code).filter((c): c is string => c !== null)),
    ];
    return { messages: [...new Set(error.details.map((d) => d.message))], codes };
  }
  if (error instanceof Error && error.message) {
    return { messages: [error.message], codes: [] };
  }
  return { messages: ['Something went wrong.'], codes: [] };
}

/** The name of the first operation in a document, sent as `operationName` for the API's logs. */
export function operationNameOf(document: string): string | null {
  const match = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(document);
  return match?.[1] ?? null;
}
