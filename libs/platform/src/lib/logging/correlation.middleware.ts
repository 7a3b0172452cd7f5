import { runWithCorrelationId } from '@closedloop/messaging';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestCorrelationId } from './request-correlation-id';

/**
 * Runs the rest of the request in its correlation scope: what it logs names the id, and what it
 * publishes or writes to the outbox carries it as the `correlation-id` header.
 */
export function correlationMiddleware(
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
): void {
  runWithCorrelationId(requestCorrelationId(req, res), next);
}
