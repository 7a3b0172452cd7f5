import { unstorableTextReason } from './storable-text';

/** Header names the project sets on Kafka messages. */
export const MessageHeaders = {
  correlationId: 'correlation-id',
  schemaVersion: 'schema-version',
  contentType: 'content-type',
  deadLetterReason: 'dlq-reason',
  deadLetterSourceTopic: 'dlq-source-topic',
  deadLetterSourcePartition: 'dlq-source-partition',
  deadLetterSourceOffset: 'dlq-source-offset',
  deadLetterConsumerGroup: 'dlq-consumer-group',
  deadLetterFailedAt: 'dlq-failed-at',
  /** On a replayed dead letter: `<dead-letter topic>/<partition>/<offset>` it was replayed from. */
  replayedFrom: 'replayed-from',
} as const;

/**
 * The correlation id a message travelled with, or null. Any producer can set the header: one that
 * cannot be stored as text (a NUL character) is dropped rather than fail storing the message.
 */
export function correlationIdOf(headers: Readonly<Record<string, string>>): string | null {
  const id = headers[MessageHeaders.correlationId];
  return id === undefined || unstorableTextReason(id) !== null ? null : id;
}
