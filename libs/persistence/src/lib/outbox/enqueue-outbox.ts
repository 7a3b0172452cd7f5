import type { TopicDefinition } from '@closedloop/contracts';
import {
  InvalidMessageError,
  headersWithCorrelationId,
  validateValue,
  type OutgoingMessage,
} from '@closedloop/messaging';
import type { EntityManager } from 'typeorm';
import { valuesList } from '../sql/values-list';

/**
 * Writes events to the outbox inside the caller's transaction (one statement per 5,000 events). They reach the
 * bus only if the transaction commits; the outbox relay publishes them afterwards, in order. The
 * current correlation id (of the request or message being handled) is kept as each event's
 * `correlation-id` header unless the event names its own.
 */
export async function enqueueOutbox<T>(
  manager: EntityManager,
  topic: TopicDefinition<T>,
  messages: readonly OutgoingMessage<T>[],
): Promise<void> {
  if (messages.length === 0) return;
  const rows = messages.map((message) => {
    const checked = validateValue(topic, message.value);
    if (!checked.ok) {
      throw new InvalidMessageError(topic.name, checked.reason);
    }
    return [
      topic.name,
      message.key,
      JSON.stringify(checked.value),
      JSON.stringify(headersWithCorrelationId(message.headers)),
    ];
  });
  // PostgreSQL takes at most 65,535 parameters per statement (4 per row): an announcement to a
  // large audience is written in chunks, still in the caller's transaction and in order.
  for (let start = 0; start < rows.length; start += OUTBOX_ROWS_PER_STATEMENT) {
    const values = valuesList(rows.slice(start, start + OUTBOX_ROWS_PER_STATEMENT));
    await manager.query(
      `INSERT INTO outbox (topic, message_key, payload, headers) VALUES ${values.sql}`,
      values.params,
    );
  }
}

/** Rows per INSERT: 4 parameters each, well under PostgreSQL's 65,535. */
export const OUTBOX_ROWS_PER_STATEMENT = 5_000;
