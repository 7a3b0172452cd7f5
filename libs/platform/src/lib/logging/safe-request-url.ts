/**
 * A request URL fit for logs: the path without its query string (which may hold search terms,
 * tokens or GraphQL variables), and an unsubscribe link's token masked.
 */
export function safeRequestUrl(url: string | undefined): string {
  const path = (url ?? '').split('?')[0] ?? '';
  return path.replace(/^(\/unsubscribe\/)[^/]+/, '$1[redacted]');
}
