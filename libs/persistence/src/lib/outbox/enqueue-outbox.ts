import type { TopicDefinition } from '@closedloop/contracts';
import { InvalidMessageError, validateValue, type OutgoingMessage } from '@closedloop/messaging';
import type { EntityManager } from 'typeorm';
import { valuesList } from '../sql/values-list';

/**
 * Writes events to the outbox inside the caller's transaction, in one statement. They reach the
 * bus only if the transaction commits; the outbox relay publishes them afterwards, in order.
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
      JSON.stringify(message.headers ?? {}),
    ];
  });
  const values = valuesList(rows);
  await manager.query(
    `INSERT INTO outbox (topic, message_key, payload, headers) VALUES ${values.sql}`,
    values.params,
  );
}
