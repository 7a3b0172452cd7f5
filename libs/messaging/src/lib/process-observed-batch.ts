import type { TopicSubscription } from './message-bus';
import type { MessagingMetrics } from './messaging-metrics';
import { processBatch, type FetchedMessage } from './process-batch';
import type { ProcessMessageDeps } from './process-message';

/**
 * `processBatch`, reporting to the metrics what was handled, what was dead-lettered, how long the
 * handler took and how old each message was when it was done with. Answers what processBatch does.
 */
export async function processObservedBatch(
  subscription: TopicSubscription,
  chunk: readonly FetchedMessage[],
  deps: ProcessMessageDeps,
  metrics: MessagingMetrics,
): Promise<number> {
  let deadLettered = 0;
  const observed: ProcessMessageDeps = {
    ...deps,
    deadLetter: async (source, raw) => {
      await deps.deadLetter(source, raw);
      deadLettered += 1;
    },
  };
  const started = performance.now();
  const done = await processBatch(subscription, chunk, observed);
  const seconds = (performance.now() - started) / 1000;
  if (done === 0) return done;
  const topic = subscription.topic.name;
  const group = deps.groupId;
  const now = Date.now();
  metrics.handled(topic, group, done, seconds);
  if (done - deadLettered > 0) metrics.consumed(topic, group, 'handled', done - deadLettered);
  if (deadLettered > 0) metrics.consumed(topic, group, 'dead-lettered', deadLettered);
  for (const message of chunk.slice(0, done)) {
    if (message.writtenAt !== undefined)
      metrics.age(topic, group, Math.max(0, now - message.writtenAt) / 1000);
  }
  return done;
}
