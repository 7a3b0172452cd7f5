import { isUuid, valuesList } from '@closedloop/persistence';
import type { ConsolidationReport } from '@closedloop/themes-domain';
import type { EntityManager } from 'typeorm';

/** Where one feedback item was placed, and why. */
export interface FeedbackPlacement {
  readonly feedbackId: string;
  /** Null when the item was set aside as noise. */
  readonly themeId: string | null;
  readonly similarity: number;
  readonly reason: Record<string, unknown>;
}

/** Records placements on the feedback rows (and marks them themed), in one statement. */
export async function placeFeedback(
  manager: EntityManager,
  placements: readonly FeedbackPlacement[],
): Promise<void> {
  if (placements.length === 0) return;
  const values = valuesList(
    placements.map((p) => [p.feedbackId, p.themeId, p.similarity, JSON.stringify(p.reason)]),
  );
  await manager.query(
    `UPDATE feedback f SET theme_id = v.theme_id, theme_similarity = v.similarity::real,
       theme_reason = v.reason::jsonb, themed_at = COALESCE(f.themed_at, now())
     FROM (VALUES ${values.sql}) AS v(id, theme_id, similarity, reason)
     WHERE f.id = v.id::uuid`,
    values.params,
  );
}

/**
 * Moves feedback items to a theme (a person's move, a split, a consolidation re-seat); an item a
 * person places by hand counts as themed from then on.
 */
export async function moveFeedback(
  manager: EntityManager,
  feedbackIds: readonly string[],
  themeId: string,
): Promise<void> {
  const ids = feedbackIds.filter(isUuid);
  if (ids.length === 0) return;
  await manager.query(
    'UPDATE feedback SET theme_id = $2, themed_at = COALESCE(themed_at, now()) WHERE id = ANY($1::uuid[])',
    [ids, themeId],
  );
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

/** Applies a consolidation pass to the feedback rows; answers the themes whose membership changed. */
export async function applyConsolidation(
  manager: EntityManager,
  report: ConsolidationReport,
): Promise<Set<string>> {
  const affected = new Set<string>();
  for (const { from, into } of report.merged) {
    await mergeFeedback(manager, from, into);
    affected.add(from).add(into);
  }
  for (const split of report.split) {
    await moveFeedback(manager, split.itemIds, split.newThemeId);
    affected.add(split.themeId).add(split.newThemeId);
  }
  // Re-seated items and noise items absorbed back, grouped by the theme they go to.
  const byTarget = new Map<string, string[]>();
  const moveTo = (themeId: string, itemId: string) => {
    const list = byTarget.get(themeId);
    if (list) list.push(itemId);
    else byTarget.set(themeId, [itemId]);
  };
  for (const move of report.movedItems) {
    moveTo(move.to, move.itemId);
    affected.add(move.from).add(move.to);
  }
  for (const absorbed of report.absorbed) {
    moveTo(absorbed.themeId, absorbed.itemId);
    affected.add(absorbed.themeId);
  }
  for (const [themeId, ids] of byTarget) await moveFeedback(manager, ids, themeId);
  for (const noised of report.noised) affected.add(noised.themeId);
  return affected;
}
