import { MessageHeaders, correlationIdOf } from '@closedloop/contracts';
import { runWithCorrelationId, saneCorrelationId } from './correlation-context';
import { decodeMessage } from './decode-message';
import { failureReason } from './failure-reason';
import type { MessagingLogger } from './logger';
import type { MessageContext, RawMessage, TopicSubscription } from './message-bus';
import { PermanentMessageError } from './permanent-message-error';
import { retryDelayMs, type RetryPolicy } from './retry-policy';

export interface ProcessMessageDeps {
  readonly groupId: string;
  readonly policy: RetryPolicy;
  readonly logger: MessagingLogger;
  /** Writes a dead letter; must resolve only once the dead letter is durably stored. */
  deadLetter(sourceTopic: string, message: RawMessage): Promise<void>;
  /** Keeps the consumer's group membership alive between attempts. */
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping: the message is then left unprocessed for redelivery. */
  isRunning(): boolean;
  sleep(ms: number): Promise<void>;
  /**
   * Names the outage when a handler's error says something it needs is unreachable (the database
   * down or restarting), not that the message is wrong; null otherwise. Such failures do not use
   * up the message's attempts: the consumer waits and tries again until it is back or stops.
   */
  outageOf?(error: unknown): string | null;
}

export type ProcessOutcome = 'handled' | 'dead-lettered' | 'abandoned';

/** The message's correlation id when it is a sane one (see saneCorrelationId), else null. */
export function messageCorrelationId(context: MessageContext): string | null {
  return saneCorrelationId(correlationIdOf(context.headers));
}

/**
 * Decode, validate and handle one message, in the correlation scope of its `correlation-id`
 * header (so the handler's logs and what it publishes carry it). Invalid messages and messages
 * whose handler keeps failing go to the dead-letter topic with the original bytes and the
 * reason. Returns `abandoned` only when the consumer stopped mid-retry; the caller must then not
 * commit it.
 */
export function processMessage(
  subscription: TopicSubscription,
  raw: RawMessage,
  context: MessageContext,
  deps: ProcessMessageDeps,
): Promise<ProcessOutcome> {
  return runWithCorrelationId(messageCorrelationId(context), () =>
    processInScope(subscription, raw, context, deps),
  );
}

async function processInScope(
  subscription: TopicSubscription,
  raw: RawMessage,
  context: MessageContext,
  deps: ProcessMessageDeps,
): Promise<ProcessOutcome> {
  const decoded = decodeMessage(subscription.topic, raw.value);
  if (!decoded.ok) {
    await sendToDeadLetter(raw, context, decoded.reason, deps);
    return 'dead-lettered';
  }
  let attempt = 1;
  for (let outageWaits = 0; ; ) {
    try {
      await subscription.handler(decoded.value, context);
      return 'handled';
    } catch (error) {
      const reason = failureReason(error);
      const outage =
        error instanceof PermanentMessageError ? null : (deps.outageOf?.(error) ?? null);
      if (
        outage === null &&
        (error instanceof PermanentMessageError || attempt >= deps.policy.maxAttempts)
      ) {
        const prefix =
          error instanceof PermanentMessageError ? 'rejected' : `failed after ${attempt} attempts`;
        await sendToDeadLetter(raw, context, `${prefix}: ${reason}`, deps);
        return 'dead-lettered';
      }
      let delay: number;
      if (outage !== null) {
        outageWaits++;
        delay = retryDelayMs(deps.policy, outageWaits);
        deps.logger.warn('a dependency is unavailable; waiting without using up attempts', {
          topic: context.topic,
          partition: context.partition,
          offset: context.offset,
          waits: outageWaits,
          delayMs: delay,
          outage,
        });
      } else {
        delay = retryDelayMs(deps.policy, attempt);
        deps.logger.warn('handler failed, retrying', {
          topic: context.topic,
          partition: context.partition,
          offset: context.offset,
          attempt,
          delayMs: delay,
          reason,
        });
        attempt++;
      }
      await deps.sleep(delay);
      if (!deps.isRunning()) {
        return 'abandoned';
      }
      await deps.heartbeat();
    }
  }
}

export async function sendToDeadLetter(
  raw: RawMessage,
  context: MessageContext,
  reason: string,
  deps: ProcessMessageDeps,
): Promise<void> {
  deps.logger.warn('message dead-lettered', {
    topic: context.topic,
    partition: context.partition,
    offset: context.offset,
    reason,
  });
  await deps.deadLetter(context.topic, {
    key: raw.key,
    value: raw.value,
    headers: {
      ...raw.headers,
      [MessageHeaders.deadLetterReason]: reason,
      [MessageHeaders.deadLetterSourceTopic]: context.topic,
      [MessageHeaders.deadLetterSourcePartition]: String(context.partition),
      [MessageHeaders.deadLetterSourceOffset]: context.offset,
      [MessageHeaders.deadLetterConsumerGroup]: deps.groupId,
      [MessageHeaders.deadLetterFailedAt]: new Date().toISOString(),
    },
  });
}
