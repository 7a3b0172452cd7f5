/** What a consumer did with a message. */
export type ConsumeOutcome = 'handled' | 'dead-lettered';

/**
 * What the bus reports as it works, for metrics. The bus calls these synchronously and never
 * waits on them; an implementation must be cheap and must not throw.
 */
export interface MessagingMetrics {
  /** Messages written to a topic (after the broker acknowledged them). */
  produced(topic: string, count: number): void;
  /** Messages a consumer group is done with, by outcome. */
  consumed(topic: string, groupId: string, outcome: ConsumeOutcome, count: number): void;
  /** How long after it was written a message was done with (handled or dead-lettered). */
  age(topic: string, groupId: string, seconds: number): void;
  /** How long a group's handler took for a batch of messages (or one message). */
  handled(topic: string, groupId: string, messages: number, seconds: number): void;
  /** Messages on a partition the group has not reached yet, as of its last batch. */
  lag(topic: string, partition: number, groupId: string, messages: number): void;
}

export const noMessagingMetrics: MessagingMetrics = {
  produced: () => undefined,
  consumed: () => undefined,
  age: () => undefined,
  handled: () => undefined,
  lag: () => undefined,
};
