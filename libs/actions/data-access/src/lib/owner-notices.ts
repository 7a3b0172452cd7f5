import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

export interface OwnerNoticeRow {
  readonly id: string;
  readonly action_id: string;
  readonly kind: string;
  readonly message: string;
  readonly created_at: Date;
  readonly read_at: Date | null;
}

/** Writes a portal notice to a user, once per `dedupeKey`; answers whether it was new. */
export async function writeOwnerNotice(
  manager: EntityManager,
  notice: {
    userId: string;
    actionId: string;
    kind: string;
    message: string;
    dedupeKey: string;
    at: Date;
  },
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO owner_notices (id, user_id, action_id, kind, message, dedupe_key, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      randomUUID(),
      notice.userId,
      notice.actionId,
      notice.kind,
      notice.message,
      notice.dedupeKey,
      notice.at,
    ],
  );
  return rows.length > 0;
}

export function listOwnerNotices(
  manager: EntityManager,
  userId: string,
  unreadOnly: boolean,
): Promise<OwnerNoticeRow[]> {
  return manager.query(
    `SELECT id, action_id, kind, message, created_at, read_at FROM owner_notices
     WHERE user_id = $1 AND ($2::boolean = false OR read_at IS NULL) ORDER BY created_at DESC, id DESC LIMIT 200`,
    [userId, unreadOnly],
  );
}

/** Marks a user's own notices read; answers how many changed. */
export async function markOwnerNoticesRead(
  manager: EntityManager,
  userId: string,
  ids: readonly string[],
  at: Date,
): Promise<number> {
  const rows: unknown[] = await manager.query(
    `WITH marked AS (UPDATE owner_notices SET read_at = $3 WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL RETURNING id)
     SELECT id FROM marked`,
    [userId, ids, at],
  );
  return rows.length;
}
