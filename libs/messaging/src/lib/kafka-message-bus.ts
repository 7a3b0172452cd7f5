import { deadLetterTopicName, type TopicDefinition } from '@closedloop/contracts';
import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type IHeaders,
  type KafkaMessage,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import { runWithCorrelationId } from './correlation-context';
import { encodeMessages } from './encode-message';
import { silentLogger, type MessagingLogger } from './logger';
import type {
  ConsumerHealth,
  ConsumerOptions,
  MessageBus,
  OutgoingMessage,
  RawMessage,
  RunningConsumer,
  TopicSubscription,
} from './message-bus';
import { DEFAULT_MAX_BATCH_SIZE } from './message-bus';
import { noMessagingMetrics, type MessagingMetrics } from './messaging-metrics';
import type { FetchedMessage } from './process-batch';
import { processObservedBatch } from './process-observed-batch';
import { resolveRetryPolicy } from './retry-policy';

export interface KafkaMessageBusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Partitions of each topic created at start-up. */
  readonly partitions?: number;
  readonly replicationFactor?: number;
  readonly logger?: MessagingLogger;
  readonly metrics?: MessagingMetrics;
  /**
   * Names an outage of something every handler needs (the database) in a handler's error, or
   * null: while it lasts, failures do not use up a message's attempts (ProcessMessageDeps.outageOf).
   */
  readonly outageOf?: (error: unknown) => string | null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function toHeaderRecord(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}

/** The MessageBus of the full stack, over kafkajs. */
export class KafkaMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly logger: MessagingLogger;
  private readonly metrics: MessagingMetrics;
  private producer: Producer | undefined;
  private producerConnecting: Promise<Producer> | undefined;
  private readonly consumers = new Set<RunningConsumer>();
  /** What the consumers' kafkajs events said last, by consumer. */
  private readonly health = new Map<RunningConsumer, { joined: boolean; failed: string | null }>();
  private readonly outgoing: {
    topic: string;
    messages: readonly RawMessage[];
    resolve: () => void;
    reject: (error: unknown) => void;
  }[] = [];
  private sending: Promise<void> | undefined;

  constructor(private readonly options: KafkaMessageBusOptions) {
    this.logger = options.logger ?? silentLogger;
    this.metrics = options.metrics ?? noMessagingMetrics;
    const logger = this.logger;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 10_000 },
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ level, log }: LogEntry) => {
          // kafkajs's own `correlationId` (a protocol request number) is not ours: renamed.
          const { message, correlationId: kafkaCorrelationId, ...rest } = log;
          const meta = kafkaCorrelationId === undefined ? rest : { ...rest, kafkaCorrelationId };
          if (level === logLevel.ERROR) logger.error(`kafka: ${message}`, meta);
          else if (level === logLevel.WARN) logger.warn(`kafka: ${message}`, meta);
        },
    });
  }

  async ensureTopics(topics: readonly TopicDefinition<unknown>[]): Promise<void> {
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const wanted = topics.flatMap((topic) => [topic.name, deadLetterTopicName(topic.name)]);
      const missing = [...new Set(wanted)].filter((name) => !existing.has(name));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: this.options.partitions ?? 3,
            replicationFactor: this.options.replicationFactor ?? 1,
          })),
        });
        this.logger.info('created topics', { topics: missing });
      }
    } finally {
      await admin.disconnect();
    }
  }

  async publish<T>(
    topic: TopicDefinition<T>,
    messages: readonly OutgoingMessage<T>[],
  ): Promise<void> {
    await this.publishRaw(topic.name, encodeMessages(topic, messages));
  }

  /**
   * Writes through one sender: while a produce request is in flight, the messages of concurrent
   * callers queue and go together in the next request. Order per topic is kept, every caller is
   * answered when the request holding its messages was acknowledged by all in-sync replicas, and
   * the idempotent producer never has more than one request in flight.
   */
  publishRaw(topicName: string, messages: readonly RawMessage[]): Promise<void> {
    if (messages.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.outgoing.push({ topic: topicName, messages, resolve, reject });
      this.startSending();
    });
  }

  /**
   * Starts the sender unless it runs. A caller that queues while the sender is finishing its last
   * request (after its loop saw an empty queue, before `sending` is cleared) is picked up by the
   * re-check in `finally`, so no message waits for a later caller.
   */
  private startSending(): void {
    if (this.sending) return;
    // The sender serves every caller, so it runs in no caller's correlation scope (nor do the
    // producer's connection and its logs).
    this.sending = runWithCorrelationId(null, () => this.drain()).finally(() => {
      this.sending = undefined;
      if (this.outgoing.length > 0) this.startSending();
    });
  }

  private async drain(): Promise<void> {
    while (this.outgoing.length > 0) {
      const batch = this.outgoing.splice(0, this.outgoing.length);
      try {
        const producer = await this.connectedProducer();
        const byTopic = new Map<string, RawMessage[]>();
        for (const item of batch) {
          const list = byTopic.get(item.topic) ?? [];
          list.push(...item.messages);
          byTopic.set(item.topic, list);
        }
        await producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, list]) => ({
            topic,
            messages: list.map((m) => ({ key: m.key, value: m.value, headers: { ...m.headers } })),
          })),
        });
        for (const [topic, list] of byTopic) this.metrics.produced(topic, list.length);
        for (const item of batch) item.resolve();
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
  }

  async startConsumer(options: ConsumerOptions): Promise<RunningConsumer> {
    const policy = resolveRetryPolicy(options.retry);
    const maxBatch = options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
    const byTopic = new Map<string, TopicSubscription>(
      options.subscriptions.map((s) => [s.topic.name, s]),
    );
    const consumer: Consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
    });
    let running = true;
    const state = { joined: false, failed: null as string | null };
    consumer.on(consumer.events.GROUP_JOIN, () => {
      state.joined = true;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      state.joined = false;
      // kafkajs restarts a consumer after a retriable error; otherwise it is gone for good.
      if (!payload.restart) state.failed = payload.error?.message ?? 'crashed';
      this.logger.error('consumer crashed', {
        groupId: options.groupId,
        restarting: payload.restart,
        reason: payload.error?.message,
      });
    });
    await consumer.connect();
    await consumer.subscribe({
      topics: [...byTopic.keys()],
      fromBeginning: options.startAt !== 'latest',
    });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      eachBatch: async ({
        batch,
        resolveOffset,
        heartbeat,
        isRunning,
        isStale,
        commitOffsetsIfNecessary,
      }) => {
        const subscription = byTopic.get(batch.topic);
        if (!subscription) return;
        const deps = {
          groupId: options.groupId,
          policy,
          logger: this.logger,
          deadLetter: (source: string, raw: RawMessage) =>
            this.publishRaw(deadLetterTopicName(source), [raw]),
          heartbeat,
          isRunning: () => running && isRunning() && !isStale(),
          sleep,
          outageOf: this.options.outageOf,
        };
        const fetched: FetchedMessage[] = batch.messages.map((message) => {
          // The key and headers are decoded once and shared: both are read-only.
          const raw = this.toRaw(message);
          return {
            raw,
            writtenAt: Number(message.timestamp),
            context: {
              topic: batch.topic,
              partition: batch.partition,
              offset: message.offset,
              key: raw.key,
              headers: raw.headers,
            },
          };
        });
        for (let start = 0; start < fetched.length; start += maxBatch) {
          if (!deps.isRunning()) break;
          const chunk = fetched.slice(start, start + maxBatch);
          const done = await processObservedBatch(subscription, chunk, deps, this.metrics);
          const lastDone = chunk[done - 1];
          if (lastDone) resolveOffset(lastDone.context.offset);
          await heartbeat();
          if (done < chunk.length) break;
        }
        await commitOffsetsIfNecessary();
        this.metrics.lag(batch.topic, batch.partition, options.groupId, Number(batch.offsetLag()));
      },
    });
    const handle: RunningConsumer = {
      groupId: options.groupId,
      stop: async () => {
        running = false;
        this.consumers.delete(handle);
        this.health.delete(handle);
        await consumer.disconnect();
      },
    };
    this.consumers.add(handle);
    this.health.set(handle, state);
    return handle;
  }

  consumerHealth(): readonly ConsumerHealth[] {
    return [...this.consumers].map((c) => ({
      groupId: c.groupId,
      joined: this.health.get(c)?.joined ?? false,
      failed: this.health.get(c)?.failed ?? null,
    }));
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
    await this.sending;
    const producer = this.producer;
    this.producer = undefined;
    this.producerConnecting = undefined;
    await producer?.disconnect();
  }

  private toRaw(message: KafkaMessage): RawMessage & { headers: Record<string, string> } {
    return {
      key: message.key?.toString('utf8') ?? null,
      value: message.value,
      headers: toHeaderRecord(message.headers),
    };
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    this.producerConnecting ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
      return producer;
    })();
    try {
      return await this.producerConnecting;
    } catch (error) {
      this.producerConnecting = undefined;
      throw error;
    }
  }
}
