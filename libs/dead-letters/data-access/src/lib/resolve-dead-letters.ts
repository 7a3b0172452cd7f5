import type { MessageBus } from '@closedloop/messaging';
import type { EntityManager } from 'typeorm';
import { deadLettersByIds } from './dead-letter-queries';
import { replayMessageOf } from './replay-message';

type Db = Pick<EntityManager, 'query'>;

/** A dead letter that was not replayed or discarded, and why. */
export interface DeadLetterSkip {
  readonly id: string;
  readonly reason: string;
}

export interface DeadLetterResolution {
  readonly done: string[];
  readonly skipped: DeadLetterSkip[];
}

function skipsOf(ids: readonly string[], found: ReadonlySet<string>): DeadLetterSkip[] {
  return [...new Set(ids)]
    .filter((id) => !found.has(id))
    .map((id) => ({ id, reason: 'no such dead letter' }));
}

/**
 * Writes open dead letters back to their source topics (original key, bytes and headers), then
 * marks them replayed. Written first, marked after: a crash between the two leaves them open, and
 * replaying them again is safe because every consumer's effects are keyed (at-least-once delivery,
 * idempotent effects). A replayed message that fails again comes back as a new dead letter.
 * Discarded and already replayed ones are skipped, naming why.
 */
export async function replayDeadLetters(
  db: Db,
  bus: Pick<MessageBus, 'publishRaw'>,
  ids: readonly string[],
  actor: string,
): Promise<DeadLetterResolution> {
  const letters = await deadLettersByIds(db, ids);
  const skipped = skipsOf(ids, new Set(letters.map((l) => l.id)));
  const open = letters.filter((l) => {
    if (l.status === 'open') return true;
    skipped.push({ id: l.id, reason: `already ${l.status}` });
    return false;
  });
  const byTopic = new Map<string, typeof open>();
  for (const letter of open) {
    byTopic.set(letter.sourceTopic, [...(byTopic.get(letter.sourceTopic) ?? []), letter]);
  }
  for (const [topic, letters] of byTopic) {
    await bus.publishRaw(topic, letters.map(replayMessageOf));
  }
  const done = open.map((l) => l.id);
  if (done.length > 0) {
    await db.query(
      `UPDATE dead_letters SET status = 'replayed', replay_count = replay_count + 1,
              resolved_at = now(), resolved_by = $2
       WHERE id = ANY($1::uuid[])`,
      [done, actor],
    );
  }
  return { done, skipped };
}

/** Sets open dead letters aside for good, with a note saying why. */
export async function discardDeadLetters(
  db: Db,
  ids: readonly string[],
  actor: string,
  note: string,
): Promise<DeadLetterResolution> {
  if (note.trim() === '') throw new Error('a note saying why is required to discard dead letters');
  const letters = await deadLettersByIds(db, ids);
  const skipped = skipsOf(ids, new Set(letters.map((l) => l.id)));
  const rows: { id: string }[] = await db.query(
    // A CTE, since TypeORM answers a bare UPDATE … RETURNING as [rows, count].
    `WITH done AS (
       UPDATE dead_letters SET status = 'discarded', resolved_at = now(), resolved_by = $2, note = $3
       WHERE id = ANY($1::uuid[]) AND status = 'open' RETURNING id)
     SELECT id FROM done`,
    [letters.map((l) => l.id), actor, note.trim()],
  );
  const done = new Set(rows.map((r) => r.id));
  for (const letter of letters) {
    if (!done.has(letter.id)) skipped.push({ id: letter.id, reason: `already ${letter.status}` });
  }
  return { done: [...done], skipped };
}
