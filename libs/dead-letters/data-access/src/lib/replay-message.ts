import { MessageHeaders } from '@closedloop/contracts';
import type { RawMessage } from '@closedloop/messaging';
import type { DeadLetter } from './dead-letter';

const DEAD_LETTER_HEADERS: ReadonlySet<string> = new Set([
  MessageHeaders.deadLetterReason,
  MessageHeaders.deadLetterSourceTopic,
  MessageHeaders.deadLetterSourcePartition,
  MessageHeaders.deadLetterSourceOffset,
  MessageHeaders.deadLetterConsumerGroup,
  MessageHeaders.deadLetterFailedAt,
  MessageHeaders.replayedFrom,
]);

/**
 * The message to write back to the dead letter's source topic: the original key, bytes and
 * headers (the correlation id travels on), without the `dlq-*` headers, saying where it came from.
 */
export function replayMessageOf(letter: DeadLetter): RawMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(letter.headers)) {
    if (!DEAD_LETTER_HEADERS.has(name)) headers[name] = value;
  }
  headers[MessageHeaders.replayedFrom] =
    `${letter.dlqTopic}/${letter.dlqPartition}/${letter.dlqOffset}`;
  return { key: letter.key, value: letter.value, headers };
}
