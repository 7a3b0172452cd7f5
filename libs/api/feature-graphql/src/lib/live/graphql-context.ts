import type { IncomingMessage } from 'node:http';

/** What resolvers and guards find in the GraphQL context, over HTTP and over websockets alike. */
export interface GraphqlContext {
  readonly req: unknown;
}

interface HttpContextInput {
  readonly req: unknown;
}

interface WsContextInput {
  readonly connectionParams?: Readonly<Record<string, unknown>>;
  readonly extra?: { readonly request?: IncomingMessage };
}

/**
 * The context of an operation: over HTTP the request itself; over graphql-ws a request-like
 * object whose `headers.authorization` is the connection's `connectionParams.authorization`
 * (the other headers those of the upgrade request), so the same session guard works for both.
 */
export function graphqlContext(input: HttpContextInput | WsContextInput): GraphqlContext {
  if ('req' in input && input.req) return { req: input.req };
  const ws = input as WsContextInput;
  const authorization = ws.connectionParams?.['authorization'];
  const upgrade = ws.extra?.request;
  return {
    req: {
      headers: {
        ...(upgrade?.headers ?? {}),
        authorization: typeof authorization === 'string' ? authorization : undefined,
      },
      ip: upgrade?.socket?.remoteAddress,
      socket: upgrade?.socket,
    },
  };
}
