/** What was done about a dead letter: nothing yet, sent again to its topic, or set aside for good. */
export const DEAD_LETTER_STATUSES = ['open', 'replayed', 'discarded'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

/** A message read from a dead-letter topic, ready to be kept. */
export interface DeadLetterToKeep {
  readonly dlqTopic: string;
  readonly dlqPartition: number;
  readonly dlqOffset: string;
  readonly sourceTopic: string;
  readonly sourcePartition: number | null;
  readonly sourceOffset: string | null;
  readonly consumerGroup: string | null;
  readonly reason: string;
  readonly failedAt: Date;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

/** A kept dead letter and what was done about it. */
export interface DeadLetter extends DeadLetterToKeep {
  readonly id: string;
  readonly status: DeadLetterStatus;
  readonly replayCount: number;
  readonly resolvedAt: Date | null;
  readonly resolvedBy: string | null;
  readonly note: string | null;
  readonly keptAt: Date;
}
