import type { EntityManager } from 'typeorm';
import type { DeadLetter, DeadLetterStatus } from './dead-letter';
import { DEAD_LETTER_COLUMNS, deadLetterOf, type DeadLetterRow } from './dead-letter-rows';

type Db = Pick<EntityManager, 'query'>;

export interface DeadLetterFilter {
  readonly status?: DeadLetterStatus | null;
  readonly sourceTopic?: string | null;
}

/** Where a page of dead letters starts: after this one, newest failures first. */
export interface DeadLetterPosition {
  readonly failedAt: Date;
  readonly id: string;
}

function whereOf(filter: DeadLetterFilter, params: unknown[]): string[] {
  const clauses: string[] = [];
  if (filter.status) {
    params.push(filter.status);
    clauses.push(`status = $${params.length}`);
  }
  if (filter.sourceTopic) {
    params.push(filter.sourceTopic);
    clauses.push(`source_topic = $${params.length}`);
  }
  return clauses;
}

/** Dead letters, newest failure first, `limit` after `after`. */
export async function listDeadLetters(
  db: Db,
  filter: DeadLetterFilter,
  limit: number,
  after: DeadLetterPosition | null = null,
): Promise<DeadLetter[]> {
  const params: unknown[] = [];
  const clauses = whereOf(filter, params);
  if (after) {
    params.push(after.failedAt, after.id);
    clauses.push(`(failed_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(limit);
  const rows: DeadLetterRow[] = await db.query(
    `SELECT ${DEAD_LETTER_COLUMNS} FROM dead_letters
     ${clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''}
     ORDER BY failed_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(deadLetterOf);
}

export async function deadLettersByIds(db: Db, ids: readonly string[]): Promise<DeadLetter[]> {
  if (ids.length === 0) return [];
  const rows: DeadLetterRow[] = await db.query(
    `SELECT ${DEAD_LETTER_COLUMNS} FROM dead_letters WHERE id = ANY($1::uuid[]) ORDER BY failed_at, id`,
    [[...ids]],
  );
  return rows.map(deadLetterOf);
}

/** How many dead letters each source topic has, by status. */
export interface DeadLetterCount {
  readonly sourceTopic: string;
  readonly status: DeadLetterStatus;
  readonly count: number;
}

export async function countDeadLetters(db: Db): Promise<DeadLetterCount[]> {
  const rows: { source_topic: string; status: DeadLetterStatus; count: string }[] = await db.query(
    `SELECT source_topic, status, count(*)::text AS count FROM dead_letters
     GROUP BY source_topic, status ORDER BY source_topic, status`,
  );
  return rows.map((r) => ({
    sourceTopic: r.source_topic,
    status: r.status,
    count: Number(r.count),
  }));
}
