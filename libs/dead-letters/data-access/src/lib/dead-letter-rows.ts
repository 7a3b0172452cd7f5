import type { DeadLetter, DeadLetterStatus } from './dead-letter';

/** A `dead_letters` row as PostgreSQL answers it. */
export interface DeadLetterRow {
  readonly id: string;
  readonly dlq_topic: string;
  readonly dlq_partition: number;
  readonly dlq_offset: string;
  readonly source_topic: string;
  readonly source_partition: number | null;
  readonly source_offset: string | null;
  readonly consumer_group: string | null;
  readonly reason: string;
  readonly failed_at: Date;
  readonly message_key: string | null;
  readonly value: Buffer | null;
  readonly headers: Record<string, string>;
  readonly status: DeadLetterStatus;
  readonly replay_count: number;
  readonly resolved_at: Date | null;
  readonly resolved_by: string | null;
  readonly note: string | null;
  readonly kept_at: Date;
}

export const DEAD_LETTER_COLUMNS = `id, dlq_topic, dlq_partition, dlq_offset::text AS dlq_offset, source_topic,
  source_partition, source_offset::text AS source_offset, consumer_group, reason, failed_at, message_key,
  value, headers, status, replay_count, resolved_at, resolved_by, note, kept_at`;

export function deadLetterOf(row: DeadLetterRow): DeadLetter {
  return {
    id: row.id,
    dlqTopic: row.dlq_topic,
    dlqPartition: row.dlq_partition,
    dlqOffset: row.dlq_offset,
    sourceTopic: row.source_topic,
    sourcePartition: row.source_partition,
    sourceOffset: row.source_offset,
    consumerGroup: row.consumer_group,
    reason: row.reason,
    failedAt: new Date(row.failed_at),
    key: row.message_key,
    value: row.value,
    headers: row.headers,
    status: row.status,
    replayCount: row.replay_count,
    resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
    resolvedBy: row.resolved_by,
    note: row.note,
    keptAt: new Date(row.kept_at),
  };
}
