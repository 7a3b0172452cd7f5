/** The request shape the guards read: HTTP requests, and the `{ req }` built for graphql-ws connections. */
export interface RequestLike {
  headers?: Record<string, string | string[] | undefined>;
  ip?: string;
}

/** The bearer token of a request (`Authorization: Bearer <token>`), or undefined. */
export function bearerToken(req: RequestLike | undefined): string | undefined {
  const auth = req?.headers?.['authorization'];
  const value = Array.isArray(auth) ? auth[0] : auth;
  if (value?.startsWith('Bearer ')) {
    const token = value.slice('Bearer '.length).trim();
    return token.length > 0 ? token : undefined;
  }
  return undefined;
}
