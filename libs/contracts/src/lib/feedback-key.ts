/** The idempotency key of an inbound event: its source and the source's own id. */
export function feedbackEventKey(source: string, externalId: string): string {
  return `${source}:${externalId}`;
}
