import { MessageHeaders } from '@closedloop/contracts';
import type { MessageContext } from '@closedloop/messaging';
import type { DeadLetterToKeep } from './dead-letter';

/** `feedback.survey.dlq.v1` → `feedback.survey.v1`, for dead letters written without the header. */
function sourceTopicOf(dlqTopic: string): string {
  return dlqTopic.replace(/\.dlq(\.v\d+)$/, '$1');
}

/** The header's text when it is a non-negative integer (Kafka offsets stay strings), else null. */
function digitsOrNull(text: string | undefined): string | null {
  return text !== undefined && /^\d+$/.test(text) ? text : null;
}

function intOrNull(text: string | undefined): number | null {
  const digits = digitsOrNull(text);
  return digits === null ? null : Number(digits);
}

function dateOr(text: string | undefined, fallback: Date): Date {
  const at = text === undefined ? Number.NaN : Date.parse(text);
  return Number.isNaN(at) ? fallback : new Date(at);
}

/**
 * Reads a message of a dead-letter topic: where it failed and why come from the `dlq-*` headers
 * the bus wrote; a message without them (produced by hand) still becomes a dead letter, of the
 * topic its dead-letter topic belongs to, with the reason "no reason given".
 */
export function deadLetterFromMessage(
  value: Buffer | null,
  context: MessageContext,
  now: Date,
): DeadLetterToKeep {
  const h = context.headers;
  return {
    dlqTopic: context.topic,
    dlqPartition: context.partition,
    dlqOffset: context.offset,
    sourceTopic: h[MessageHeaders.deadLetterSourceTopic] ?? sourceTopicOf(context.topic),
    sourcePartition: intOrNull(h[MessageHeaders.deadLetterSourcePartition]),
    sourceOffset: digitsOrNull(h[MessageHeaders.deadLetterSourceOffset]),
    consumerGroup: h[MessageHeaders.deadLetterConsumerGroup] ?? null,
    reason: h[MessageHeaders.deadLetterReason] ?? 'no reason given',
    failedAt: dateOr(h[MessageHeaders.deadLetterFailedAt], now),
    key: context.key,
    value,
    headers: { ...h },
  };
}
