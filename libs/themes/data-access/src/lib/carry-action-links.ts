import type { EntityManager } from 'typeorm';

/**
 * A theme merged into another carries its actions along: its `action_themes` links move to the
 * surviving theme (kept once when the action had both) and the lineage rows follow. Runs inside
 * every save of the engine's changes, so merges by people (api) and by the pipeline's
 * consolidation behave the same.
 */
export async function carryActionLinks(
  manager: EntityManager,
  merges: readonly { readonly from: string; readonly into: string }[],
): Promise<void> {
  for (const { from, into } of merges) {
    await manager.query(
      `INSERT INTO action_themes (action_id, theme_id, linked_at, linked_by)
       SELECT action_id, $2, linked_at, linked_by FROM action_themes WHERE theme_id = $1
       ON CONFLICT (action_id, theme_id) DO NOTHING`,
      [from, into],
    );
    await manager.query('DELETE FROM action_themes WHERE theme_id = $1', [from]);
    await manager.query('UPDATE action_lineage SET theme_id = $2 WHERE theme_id = $1', [
      from,
      into,
    ]);
  }
}
