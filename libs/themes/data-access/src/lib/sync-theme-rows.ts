import { valuesList } from '@closedloop/persistence';
import type { ThemeView } from '@closedloop/themes-domain';
import type { EntityManager } from 'typeorm';

/** The columns a theme row mirrors from the engine, in a canonical JSON form for comparison. */
export function rowKey(view: ThemeView): string {
  return JSON.stringify([
    view.label,
    view.labelSource,
    view.status,
    view.pinned,
    view.size,
    view.topTerms,
    view.mergedInto ?? null,
    view.splitFrom ?? null,
  ]);
}

/**
 * Upserts the theme rows whose engine view changed since they were last written (`written`,
 * updated in place), in one statement.
 */
export async function syncThemeRows(
  manager: EntityManager,
  space: string,
  views: readonly ThemeView[],
  written: Map<string, string>,
): Promise<number> {
  const changed = views.filter((view) => written.get(view.id) !== rowKey(view));
  if (changed.length === 0) return 0;
  const values = valuesList(
    changed.map((v) => [
      v.id,
      space,
      v.label,
      v.labelSource,
      v.status,
      v.pinned,
      v.size,
      JSON.stringify(v.topTerms),
      v.mergedInto ?? null,
      v.splitFrom ?? null,
    ]),
  );
  await manager.query(
    `INSERT INTO themes (id, space, label, label_source, status, pinned, size, top_terms, merged_into, split_from)
     SELECT id, space, label, label_source, status, pinned::boolean, size::integer, top_terms::jsonb, merged_into, split_from
     FROM (VALUES ${values.sql}) AS v(id, space, label, label_source, status, pinned, size, top_terms, merged_into, split_from)
     ON CONFLICT (id) DO UPDATE SET label = EXCLUDED.label, label_source = EXCLUDED.label_source, status = EXCLUDED.status,
       pinned = EXCLUDED.pinned, size = EXCLUDED.size, top_terms = EXCLUDED.top_terms, merged_into = EXCLUDED.merged_into,
       split_from = EXCLUDED.split_from, updated_at = now()`,
    values.params,
  );
  for (const view of changed) written.set(view.id, rowKey(view));
  return changed.length;
}
