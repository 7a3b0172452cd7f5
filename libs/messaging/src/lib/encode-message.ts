import { MessageHeaders, type TopicDefinition } from '@closedloop/contracts';
import { validateValue } from './decode-message';
import type { OutgoingMessage, RawMessage } from './message-bus';
import { InvalidMessageError } from './permanent-message-error';

/** Validates outgoing values against the topic's schema and serialises them as JSON. */
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
        ...message.headers,
      },
    };
  });
}
