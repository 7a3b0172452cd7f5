import { deadLetterTopicName, type TopicDefinition } from '@closedloop/contracts';
import { encodeMessages } from './encode-message';
import { silentLogger, type MessagingLogger } from './logger';
import type {
  ConsumerHealth,
  ConsumerOptions,
  MessageBus,
  OutgoingMessage,
  RawMessage,
  RunningConsumer,
} from './message-bus';
import { DEFAULT_MAX_BATCH_SIZE } from './message-bus';
import { noMessagingMetrics, type MessagingMetrics } from './messaging-metrics';
import type { FetchedMessage } from './process-batch';
import { processObservedBatch } from './process-observed-batch';
import { resolveRetryPolicy } from './retry-policy';

interface StoredMessage extends RawMessage {
  readonly offset: number;
  /** When it was written, epoch ms. */
  readonly writtenAt: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The MessageBus of the embedded mode: one in-process log per topic, one partition each,
 * with consumer groups, offsets, retries and dead-letter topics that behave like the Kafka bus.
 * Nothing is kept across restarts: the embedded mode is for trying the product.
 */
export class InMemoryMessageBus implements MessageBus {
  private readonly logs = new Map<string, StoredMessage[]>();
  private readonly groupOffsets = new Map<string, number>();
  private readonly wakeups = new Set<() => void>();
  private readonly consumers = new Set<RunningConsumer>();

  constructor(
    private readonly logger: MessagingLogger = silentLogger,
    private readonly metrics: MessagingMetrics = noMessagingMetrics,
  ) {}

  async ensureTopics(topics: readonly TopicDefinition<unknown>[]): Promise<void> {
    for (const topic of topics) {
      this.log(topic.name);
      this.log(deadLetterTopicName(topic.name));
    }
  }

  async publish<T>(
    topic: TopicDefinition<T>,
    messages: readonly OutgoingMessage<T>[],
  ): Promise<void> {
    await this.publishRaw(topic.name, encodeMessages(topic, messages));
  }

  async publishRaw(topicName: string, messages: readonly RawMessage[]): Promise<void> {
    const log = this.logs.get(topicName);
    if (!log) {
      throw new Error(`Topic ${topicName} does not exist`);
    }
    const writtenAt = Date.now();
    for (const message of messages) {
      log.push({ ...message, headers: { ...message.headers }, offset: log.length, writtenAt });
    }
    this.metrics.produced(topicName, messages.length);
    for (const wake of this.wakeups) wake();
  }

  /** Every message on a topic so far, for tests and the dead-letter view. */
  messages(topicName: string): readonly RawMessage[] {
    return this.logs.get(topicName) ?? [];
  }

  async startConsumer(options: ConsumerOptions): Promise<RunningConsumer> {
    const policy = resolveRetryPolicy(options.retry);
    const maxBatch = options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
    if (options.startAt === 'latest') {
      for (const { topic } of options.subscriptions) {
        const offsetKey = `${options.groupId}\u0000${topic.name}`;
        if (!this.groupOffsets.has(offsetKey)) {
          this.groupOffsets.set(offsetKey, this.log(topic.name).length);
        }
      }
    }
    let running = true;
    let wake: (() => void) | undefined;
    const waitForWork = () =>
      new Promise<void>((resolve) => {
        wake = resolve;
        this.wakeups.add(resolve);
      }).finally(() => wake && this.wakeups.delete(wake));

    const loop = async () => {
      while (running) {
        let worked = false;
        for (const subscription of options.subscriptions) {
          const topic = subscription.topic.name;
          const offsetKey = `${options.groupId}\u0000${topic}`;
          const log = this.log(topic);
          let next = this.groupOffsets.get(offsetKey) ?? 0;
          while (running && next < log.length) {
            const chunk: FetchedMessage[] = log.slice(next, next + maxBatch).map((message) => ({
              raw: message,
              writtenAt: message.writtenAt,
              context: {
                topic,
                partition: 0,
                offset: String(message.offset),
                key: message.key,
                headers: message.headers ?? {},
              },
            }));
            const done = await processObservedBatch(
              subscription,
              chunk,
              {
                groupId: options.groupId,
                policy,
                logger: this.logger,
                deadLetter: (source, raw) => this.publishRaw(deadLetterTopicName(source), [raw]),
                heartbeat: async () => undefined,
                isRunning: () => running,
                sleep,
              },
              this.metrics,
            );
            next += done;
            this.groupOffsets.set(offsetKey, next);
            if (done > 0) worked = true;
            if (done < chunk.length) break;
          }
          if (worked) this.metrics.lag(topic, 0, options.groupId, log.length - next);
        }
        if (!worked && running) await waitForWork();
      }
    };
    const done = loop().catch((error: unknown) =>
      this.logger.error('in-memory consumer stopped on an error', { error: String(error) }),
    );
    const handle: RunningConsumer = {
      groupId: options.groupId,
      stop: async () => {
        running = false;
        wake?.();
        this.consumers.delete(handle);
        await done;
      },
    };
    this.consumers.add(handle);
    return handle;
  }

  /** In-process consumers are joined from the start and cannot crash apart from the process. */
  consumerHealth(): readonly ConsumerHealth[] {
    return [...this.consumers].map((c) => ({ groupId: c.groupId, joined: true, failed: null }));
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
  }

  private log(topicName: string): StoredMessage[] {
    let log = this.logs.get(topicName);
    if (!log) {
      log = [];
      this.logs.set(topicName, log);
    }
    return log;
  }
}
