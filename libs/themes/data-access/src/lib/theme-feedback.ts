import { isUuid, valuesList } from '@closedloop/persistence';
import {
  quantise,
  quantisedFromBytes,
  quantisedToBytes,
  dequantise,
  type ConsolidationReport,
  type ThemeEngine,
} from '@closedloop/themes-domain';
import type { EntityManager } from 'typeorm';
import { byteaLiteral } from './bytea-literal';

/** Where one feedback item was placed, and why. */
export interface FeedbackPlacement {
  readonly feedbackId: string;
  /** Null when the item was set aside as noise. */
  readonly themeId: string | null;
  readonly similarity: number;
  readonly reason: Record<string, unknown>;
  /** The text's raw embedding, kept on the row for the engine's samples and later edits. */
  readonly embedding: ArrayLike<number>;
}

/** Records placements and embeddings on the feedback rows (and marks them themed), in one statement. */
export async function placeFeedback(
  manager: EntityManager,
  placements: readonly FeedbackPlacement[],
): Promise<void> {
  if (placements.length === 0) return;
  const values = valuesList(
    placements.map((p) => [
      p.feedbackId,
      p.themeId,
      p.similarity,
      JSON.stringify(p.reason),
      byteaLiteral(quantisedToBytes(quantise(p.embedding))),
    ]),
  );
  await manager.query(
    `UPDATE feedback f SET theme_id = v.theme_id, theme_similarity = v.similarity::real,
       theme_reason = v.reason::jsonb, embedding = v.embedding::bytea, themed_at = COALESCE(f.themed_at, now())
     FROM (VALUES ${values.sql}) AS v(id, theme_id, similarity, reason, embedding)
     WHERE f.id = v.id::uuid`,
    values.params,
  );
}

/**
 * Moves feedback items to a theme (a person's move, a split, a consolidation re-seat); an item a
 * person places by hand counts as themed from then on. Answers the themes the items left, whose
 * statistics must be rebuilt.
 */
export async function moveFeedback(
  manager: EntityManager,
  feedbackIds: readonly string[],
  themeId: string,
): Promise<Set<string>> {
  const ids = feedbackIds.filter(isUuid);
  if (ids.length === 0) return new Set();
  const rows: { previous: string | null }[] = await manager.query(
    // A SELECT around the UPDATE: TypeORM answers an UPDATE with [rows, count], a SELECT with rows.
    `WITH moving AS (SELECT id, theme_id AS previous FROM feedback WHERE id = ANY($1::uuid[]) FOR UPDATE),
          moved AS (UPDATE feedback f SET theme_id = $2, themed_at = COALESCE(f.themed_at, now())
                    FROM moving WHERE f.id = moving.id RETURNING moving.previous)
     SELECT previous FROM moved`,
    [ids, themeId],
  );
  return new Set(rows.flatMap((r) => (r.previous && r.previous !== themeId ? [r.previous] : [])));
}

/** Moves all feedback of a merged theme to the theme it was merged into. */
export async function mergeFeedback(
  manager: EntityManager,
  fromThemeId: string,
  intoThemeId: string,
): Promise<void> {
  await manager.query('UPDATE feedback SET theme_id = $2 WHERE theme_id = $1', [
    fromThemeId,
    intoThemeId,
  ]);
}

/** A theme's members the engine may need to re-home: id, text and embedding. */
export async function themeMembers(
  manager: EntityManager,
  themeId: string,
): Promise<Array<{ id: string; text: string; vector: Float32Array }>> {
  const rows: { id: string; text: string; embedding: Buffer }[] = await manager.query(
    `SELECT id, text, embedding FROM feedback
     WHERE theme_id = $1 AND text IS NOT NULL AND embedding IS NOT NULL`,
    [themeId],
  );
  return rows.map((row) => ({
    id: row.id,
    text: row.text,
    vector: dequantise(quantisedFromBytes(new Uint8Array(row.embedding))),
  }));
}

/**
 * Applies a consolidation pass to the feedback rows: merged themes' feedback follows them, a
 * split theme's sampled items move and its other members are re-homed by the engine between the
 * two parts, re-seated outliers and absorbed noise move to their theme (a noised theme's rows keep
 * pointing at it, now with status noise). Answers the themes whose membership changed.
 */
export async function applyConsolidation(
  manager: EntityManager,
  engine: ThemeEngine,
  report: ConsolidationReport,
): Promise<Set<string>> {
  const affected = new Set<string>();
  for (const { from, into } of report.merged) {
    await mergeFeedback(manager, from, into);
    affected.add(from).add(into);
  }
  for (const split of report.split) {
    for (const id of await moveFeedback(manager, split.itemIds, split.newThemeId)) affected.add(id);
    const rehomed = engine.rehomeMembers(
      split.themeId,
      split.newThemeId,
      await themeMembers(manager, split.themeId),
    );
    await moveFeedback(manager, rehomed, split.newThemeId);
    affected.add(split.themeId).add(split.newThemeId);
  }
  // Outliers that fit no theme wait in the noise pool, in no theme.
  const evicted = report.evicted.map((e) => e.itemId).filter(isUuid);
  if (evicted.length > 0) {
    await manager.query('UPDATE feedback SET theme_id = NULL WHERE id = ANY($1::uuid[])', [
      evicted,
    ]);
  }
  for (const e of report.evicted) affected.add(e.from);
  // Re-seated outliers and absorbed noise, grouped by the theme they go to.
  const byTarget = new Map<string, string[]>();
  const moveTo = (themeId: string, itemId: string) =>
    byTarget.set(themeId, [...(byTarget.get(themeId) ?? []), itemId]);
  for (const move of report.movedItems) {
    moveTo(move.to, move.itemId);
    affected.add(move.from);
  }
  for (const absorbed of report.absorbed) moveTo(absorbed.themeId, absorbed.itemId);
  for (const [themeId, ids] of byTarget) {
    // Absorbed items leave the theme that was set aside with them: its statistics follow.
    for (const id of await moveFeedback(manager, ids, themeId)) affected.add(id);
    affected.add(themeId);
  }
  for (const noised of report.noised) affected.add(noised.themeId);
  return affected;
}
