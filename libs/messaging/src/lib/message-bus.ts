import type { TopicDefinition } from '@closedloop/contracts';
import type { RetryPolicy } from './retry-policy';

export interface OutgoingMessage<T> {
  /** Partition key: messages with the same key keep their order. */
  readonly key: string;
  readonly value: T;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A message as bytes, for replaying dead letters and for tests of bad input. */
export interface RawMessage {
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface MessageContext {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

export type MessageHandler<T> = (value: T, context: MessageContext) => Promise<void>;

/** One valid message of a batch, with where it came from. */
export interface BatchItem<T> {
  readonly value: T;
  readonly context: MessageContext;
}

/**
 * Handles the valid messages of one fetched batch at once (all or nothing, e.g. in one database
 * transaction). When it throws, the bus falls back to `handler` message by message, so one bad
 * message still gets its own retries and dead letter without holding back the others.
 */
export type BatchHandler<T> = (items: readonly BatchItem<T>[]) => Promise<void>;

/** A topic and what to do with each valid message on it. */
export interface TopicSubscription<T = unknown> {
  readonly topic: TopicDefinition<T>;
  readonly handler: MessageHandler<T>;
  /** Optional faster path for whole batches; must have the same effect as `handler` on each item. */
  readonly batchHandler?: BatchHandler<T>;
}

export interface ConsumerOptions {
  /** Explicit consumer group id; instances with the same id share the partitions. */
  readonly groupId: string;
  readonly subscriptions: readonly TopicSubscription[];
  readonly retry?: Partial<RetryPolicy>;
  /** Most messages given to a batch handler at once (default 500). */
  readonly maxBatchSize?: number;
  /**
   * Where a group with no committed offsets starts: `earliest` (default) reads the whole topic,
   * `latest` only what is written after it joined (live fan-out with a per-instance group).
   */
  readonly startAt?: 'earliest' | 'latest';
}

export const DEFAULT_MAX_BATCH_SIZE = 500;

/** Where a consumer stands, for readiness and liveness checks. */
export interface ConsumerHealth {
  readonly groupId: string;
  /** True once it has joined its group and holds its partitions (false again while it restarts). */
  readonly joined: boolean;
  /** Why it stopped for good (crashed without restarting), or null while it works. */
  readonly failed: string | null;
}

export interface RunningConsumer {
  readonly groupId: string;
  /** Stops fetching, lets the message in hand finish, commits what was processed. */
  stop(): Promise<void>;
}

/**
 * The one messaging interface of ClosedLoop. Kafka implements it in the full stack,
 * an in-process bus in the embedded mode; both validate, retry and dead-letter alike.
 */
export interface MessageBus {
  /** Creates the topics and their dead-letter topics where missing. */
  ensureTopics(topics: readonly TopicDefinition<unknown>[]): Promise<void>;
  /** Validates each value against the topic's schema, then writes it, acknowledged by all in-sync replicas. */
  publish<T>(topic: TopicDefinition<T>, messages: readonly OutgoingMessage<T>[]): Promise<void>;
  /** Writes bytes as they are, without validation. */
  publishRaw(topicName: string, messages: readonly RawMessage[]): Promise<void>;
  startConsumer(options: ConsumerOptions): Promise<RunningConsumer>;
  /** Where each running consumer stands. */
  consumerHealth(): readonly ConsumerHealth[];
  /** Stops every consumer and the producer. */
  close(): Promise<void>;
}

/** Pairs a topic with its handler while keeping the handler's value type checked. */
export function subscription<T>(
  topic: TopicDefinition<T>,
  handler: MessageHandler<T>,
  batchHandler?: BatchHandler<T>,
): TopicSubscription {
  return (
    batchHandler ? { topic, handler, batchHandler } : { topic, handler }
  ) as TopicSubscription;
}
