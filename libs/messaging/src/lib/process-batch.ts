import { decodeMessage } from './decode-message';
import { failureReason } from './failure-reason';
import type { BatchItem, MessageContext, RawMessage, TopicSubscription } from './message-bus';
import { runWithCorrelationId } from './correlation-context';
import {
  messageCorrelationId,
  processMessage,
  sendToDeadLetter,
  type ProcessMessageDeps,
} from './process-message';

/** A message as fetched, with where it came from. */
export interface FetchedMessage {
  readonly raw: RawMessage;
  readonly context: MessageContext;
  /** When the message was written (epoch ms), where the bus knows it. */
  readonly writtenAt?: number;
}

/**
 * Processes fetched messages in order and answers how many of them, from the first, are done
 * (handled or dead-lettered), so the caller commits exactly those.
 *
 * With a batch handler: invalid messages go to the dead-letter topic, the valid ones to the batch
 * handler in one call. If that call fails, every valid message goes through `processMessage`
 * alone (own retries, own dead letter), so a poison message costs one batch attempt and never
 * blocks its neighbours. The batch handler must therefore be all-or-nothing and idempotent.
 */
export async function processBatch(
  subscription: TopicSubscription,
  messages: readonly FetchedMessage[],
  deps: ProcessMessageDeps,
): Promise<number> {
  if (!subscription.batchHandler || messages.length === 1) {
    return processOneByOne(subscription, messages, deps);
  }
  const valid: FetchedMessage[] = [];
  const items: BatchItem<unknown>[] = [];
  for (const message of messages) {
    const decoded = decodeMessage(subscription.topic, message.raw.value);
    if (decoded.ok) {
      valid.push(message);
      items.push({ value: decoded.value, context: message.context });
    } else {
      await sendToDeadLetter(message.raw, message.context, decoded.reason, deps);
    }
  }
  if (items.length === 0) return messages.length;
  const batchHandler = subscription.batchHandler;
  try {
    // One correlation scope for the batch when its messages share one id (a batch from one
    // request, the usual case); otherwise none: each item still carries its own headers.
    await runWithCorrelationId(sharedCorrelationId(items), () => batchHandler(items));
    return messages.length;
  } catch (error) {
    deps.logger.warn('batch handler failed, handling the batch message by message', {
      topic: messages[0]?.context.topic,
      messages: items.length,
      reason: failureReason(error),
    });
  }
  // The invalid ones are dead-lettered already; processMessage would do it again, so skip them.
  const done = await processOneByOne(subscription, valid, deps);
  if (done === valid.length) return messages.length;
  const firstUndone = valid[done];
  return firstUndone ? messages.indexOf(firstUndone) : messages.length;
}

/** The correlation id every item carries, or null when they differ or one has none. */
export function sharedCorrelationId(items: readonly BatchItem<unknown>[]): string | null {
  const [first, ...rest] = items.map((item) => messageCorrelationId(item.context));
  if (!first) return null;
  return rest.every((id) => id === first) ? first : null;
}

async function processOneByOne(
  subscription: TopicSubscription,
  messages: readonly FetchedMessage[],
  deps: ProcessMessageDeps,
): Promise<number> {
  let done = 0;
  for (const message of messages) {
    if (!deps.isRunning()) break;
    const outcome = await processMessage(subscription, message.raw, message.context, deps);
    if (outcome === 'abandoned') break;
    done += 1;
    await deps.heartbeat();
  }
  return done;
}
