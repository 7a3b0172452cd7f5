import { valuesList } from '@closedloop/persistence';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DeadLetterToKeep } from './dead-letter';

/**
 * Keeps dead letters; one already kept (same position on its dead-letter topic) stays as it is, so
 * a redelivered batch keeps nothing twice. Answers how many were new.
 */
export async function keepDeadLetters(
  db: Pick<EntityManager, 'query'>,
  letters: readonly DeadLetterToKeep[],
): Promise<number> {
  if (letters.length === 0) return 0;
  const values = valuesList(
    letters
      .map((raw) => storable(raw))
      .map((l) => [
        randomUUID(),
        l.dlqTopic,
        l.dlqPartition,
        l.dlqOffset,
        l.sourceTopic,
        l.sourcePartition,
        l.sourceOffset,
        l.consumerGroup,
        l.reason,
        l.failedAt,
        l.key,
        // As hex: raw bytes sent as a text parameter would be read as UTF-8, then as bytea escapes.
        l.value === null ? null : `\\x${l.value.toString('hex')}`,
        JSON.stringify(l.headers),
      ]),
  );
  const rows: unknown[] = await db.query(
    `INSERT INTO dead_letters (id, dlq_topic, dlq_partition, dlq_offset, source_topic, source_partition,
                               source_offset, consumer_group, reason, failed_at, message_key, value, headers)
     SELECT v.id::uuid, v.dlq_topic, v.dlq_partition::int, v.dlq_offset::bigint, v.source_topic,
            v.source_partition::int, v.source_offset::bigint, v.consumer_group, v.reason,
            v.failed_at::timestamptz, v.message_key, v.value::bytea, v.headers::jsonb
     FROM (VALUES ${values.sql}) AS v(id, dlq_topic, dlq_partition, dlq_offset, source_topic, source_partition,
                                       source_offset, consumer_group, reason, failed_at, message_key, value, headers)
     ON CONFLICT (dlq_topic, dlq_partition, dlq_offset) DO NOTHING
     RETURNING id`,
    values.params,
  );
  return rows.length;
}

/** Lone surrogates and (below) U+0000, which PostgreSQL's text and jsonb refuse. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (text: string) =>
  text.replaceAll('\u0000', '\uFFFD').replace(LONE_SURROGATE, '\uFFFD');
const cleanOrNull = (text: string | null) => (text === null ? null : clean(text));

/**
 * A dead letter holds whatever failed, so its key, headers and reason (which may quote the bad
 * bytes) can hold what PostgreSQL refuses as text: such characters are kept as U+FFFD. The value
 * itself is kept byte for byte.
 */
function storable(letter: DeadLetterToKeep): DeadLetterToKeep {
  return {
    ...letter,
    sourceTopic: clean(letter.sourceTopic),
    consumerGroup: cleanOrNull(letter.consumerGroup),
    reason: clean(letter.reason),
    key: cleanOrNull(letter.key),
    headers: Object.fromEntries(
      Object.entries(letter.headers).map(([k, v]) => [clean(k), clean(v)]),
    ),
  };
}
