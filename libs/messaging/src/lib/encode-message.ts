import { MessageHeaders, type TopicDefinition } from '@closedloop/contracts';
import { currentCorrelationId } from './correlation-context';
import { validateValue } from './decode-message';
import type { OutgoingMessage, RawMessage } from './message-bus';
import { InvalidMessageError } from './permanent-message-error';

/**
 * The message's headers, with the current correlation id (see runWithCorrelationId) as its
 * `correlation-id` header unless it names one itself.
 */
export function headersWithCorrelationId(
  headers: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const correlationId = currentCorrelationId();
  if (!correlationId || headers?.[MessageHeaders.correlationId]) return { ...headers };
  return { [MessageHeaders.correlationId]: correlationId, ...headers };
}

/**
 * Validates outgoing values against the topic's schema and serialises them as JSON; the current
 * correlation id travels on as a header.
 */
export function encodeMessages<T>(
  topic: TopicDefinition<T>,
  messages: readonly OutgoingMessage<T>[],
): RawMessage[] {
  return messages.map((message) => {
    const checked = validateValue(topic, message.value);
    if (!checked.ok) {
      throw new InvalidMessageError(topic.name, checked.reason);
    }
    return {
      key: message.key,
      value: Buffer.from(JSON.stringify(checked.value), 'utf8'),
      headers: {
        [MessageHeaders.contentType]: 'application/json',
        [MessageHeaders.schemaVersion]: '1',
        ...headersWithCorrelationId(message.headers),
      },
    };
  });
}
