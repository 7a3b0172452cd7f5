import { saneCorrelationId } from '@closedloop/messaging';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The request header a caller may name its own correlation id in; the response always carries it. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';

type CorrelatedRequest = IncomingMessage & { correlationId?: string };

/**
 * The correlation id of an HTTP request: the caller's `x-correlation-id` when it is sane (up to
 * 100 of `A-Z a-z 0-9 . _ : -`), else a new UUID. Decided once per request (whichever of the
 * logger and the correlation middleware asks first) and sent back as `x-correlation-id`.
 */
export function requestCorrelationId(req: IncomingMessage, res: ServerResponse): string {
  const request = req as CorrelatedRequest;
  if (request.correlationId) return request.correlationId;
  const given = req.headers[CORRELATION_ID_HEADER];
  const correlationId = saneCorrelationId(Array.isArray(given) ? given[0] : given) ?? randomUUID();
  request.correlationId = correlationId;
  if (!res.headersSent) res.setHeader(CORRELATION_ID_HEADER, correlationId);
  return correlationId;
}
