import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from './actor';

export type HistoryKind =
  | 'created'
  | 'status'
  | 'announced'
  | 'theme_linked'
  | 'theme_unlinked'
  | 'feedback_linked'
  | 'owner_changed'
  | 'target_date_changed'
  | 'details_changed'
  | 'comment'
  | 'regression';

export interface HistoryEntry {
  readonly actionId: string;
  readonly actor: Actor;
  readonly kind: HistoryKind;
  readonly from: string | null;
  readonly to: string | null;
  readonly note: string | null;
  readonly at: Date;
  /** For entries written from a consumed event: unique, so a redelivery writes nothing. */
  readonly eventKey?: string;
}

/** Appends to an action's audit trail; answers false when the event key was already written. */
export async function recordHistory(manager: EntityManager, entry: HistoryEntry): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO action_history (id, action_id, actor, actor_id, kind, from_status, to_status, note, at, event_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (event_key) WHERE event_key IS NOT NULL DO NOTHING RETURNING id`,
    [
      randomUUID(),
      entry.actionId,
      entry.actor.label,
      entry.actor.id,
      entry.kind,
      entry.from,
      entry.to,
      entry.note,
      entry.at,
      entry.eventKey ?? null,
    ],
  );
  return rows.length > 0;
}

export interface HistoryRow {
  readonly id: string;
  readonly actor: string;
  readonly actor_id: string | null;
  readonly kind: string;
  readonly from_status: string | null;
  readonly to_status: string | null;
  readonly note: string | null;
  readonly at: Date;
}

export function listHistory(manager: EntityManager, actionId: string): Promise<HistoryRow[]> {
  return manager.query(
    `SELECT id, actor, actor_id, kind, from_status, to_status, note, at FROM action_history
     WHERE action_id = $1 ORDER BY at, id`,
    [actionId],
  );
}

export interface CommentRow {
  readonly id: string;
  readonly author_id: string | null;
  readonly author_label: string;
  readonly body: string;
  readonly created_at: Date;
}

/** Adds a comment and its history entry. */
export async function addComment(
  manager: EntityManager,
  actionId: string,
  actor: Actor,
  body: string,
  at: Date,
): Promise<string> {
  const id = randomUUID();
  await manager.query(
    `INSERT INTO action_comments (id, action_id, author_id, author_label, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, actionId, actor.id, actor.label, body, at],
  );
  await recordHistory(manager, {
    actionId,
    actor,
    kind: 'comment',
    from: null,
    to: null,
    note: body,
    at,
  });
  return id;
}

export function listComments(manager: EntityManager, actionId: string): Promise<CommentRow[]> {
  return manager.query(
    `SELECT id, author_id, author_label, body, created_at FROM action_comments WHERE action_id = $1 ORDER BY created_at, id`,
    [actionId],
  );
}
