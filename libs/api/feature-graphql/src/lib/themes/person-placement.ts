import { isUuid } from '@closedloop/persistence';
import type { EntityManager } from 'typeorm';

/** How a person placed items: moved them into a theme, or split them out into a new one. */
export type PersonPlacement = 'moved' | 'split';

/**
 * Records on the items' stored reason that a person, not the engine, put them where they are
 * (keeping the engine's earlier reason under `previous`), so "why is this here" stays true.
 */
export async function recordPersonPlacement(
  manager: EntityManager,
  feedbackIds: readonly string[],
  kind: PersonPlacement,
): Promise<void> {
  const ids = feedbackIds.filter(isUuid);
  if (ids.length === 0) return;
  await manager.query(
    `UPDATE feedback SET theme_reason = jsonb_build_object('kind', $2::text, 'sharedTerms', '[]'::jsonb,
       'previous', theme_reason)
     WHERE id = ANY($1::uuid[])`,
    [ids, kind],
  );
}
