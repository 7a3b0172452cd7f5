import { valuesList } from '@closedloop/persistence';
import type { EngineChanges } from '@closedloop/themes-domain';
import type { EntityManager } from 'typeorm';
import { byteaLiteral } from './bytea-literal';
import { carryActionLinks } from './carry-action-links';

/**
 * Writes a theme engine's change set in the caller's transaction and answers its version: the
 * global state, every changed theme (what people see and the engine's own record, tagged with
 * the version so other writers can catch up), and the noise pool's additions and removals.
 */
export async function saveEngineChanges(
  manager: EntityManager,
  space: string,
  changes: EngineChanges,
): Promise<string> {
  const [{ version }]: { version: string }[] = await manager.query(
    `SELECT nextval('theme_space_version_seq')::text AS version`,
  );
  await manager.query(
    `INSERT INTO theme_space_states (space, version, global_state, updated_at) VALUES ($1, $2::bigint, $3, now())
     ON CONFLICT (space) DO UPDATE SET version = EXCLUDED.version, global_state = EXCLUDED.global_state, updated_at = now()`,
    [space, version, JSON.stringify(changes.global)],
  );
  if (changes.themes.length > 0) {
    const values = valuesList(
      changes.themes.map(({ sum, ...record }) => [
        record.id,
        space,
        record.label,
        record.labelSource,
        record.status,
        record.pinned,
        record.size,
        JSON.stringify(record.keyPhrases),
        record.mergedInto ?? null,
        record.splitFrom ?? null,
        JSON.stringify(record),
        byteaLiteral(new Uint8Array(sum.buffer, sum.byteOffset, sum.byteLength)),
        version,
      ]),
    );
    await manager.query(
      `INSERT INTO themes (id, space, label, label_source, status, pinned, size, key_phrases, merged_into, split_from,
                           engine_record, engine_sum, engine_version)
       SELECT id, space, label, label_source, status, pinned::boolean, size::integer, key_phrases::jsonb, merged_into,
              split_from, engine_record::jsonb, engine_sum::bytea, engine_version::bigint
       FROM (VALUES ${values.sql}) AS v(id, space, label, label_source, status, pinned, size, key_phrases, merged_into,
                                       split_from, engine_record, engine_sum, engine_version)
       ON CONFLICT (id) DO UPDATE SET label = EXCLUDED.label, label_source = EXCLUDED.label_source,
         status = EXCLUDED.status, pinned = EXCLUDED.pinned, size = EXCLUDED.size, key_phrases = EXCLUDED.key_phrases,
         merged_into = EXCLUDED.merged_into, split_from = EXCLUDED.split_from, engine_record = EXCLUDED.engine_record,
         engine_sum = EXCLUDED.engine_sum, engine_version = EXCLUDED.engine_version, updated_at = now()`,
      values.params,
    );
    // Every theme has a running-totals row from the start (the theme list is driven by them).
    await manager.query(
      'INSERT INTO theme_totals (theme_id) SELECT unnest($1::text[]) ON CONFLICT (theme_id) DO NOTHING',
      [changes.themes.map((t) => t.id)],
    );
  }
  await carryActionLinks(
    manager,
    changes.themes.flatMap((t) =>
      t.status === 'merged' && t.mergedInto ? [{ from: t.id, into: t.mergedInto }] : [],
    ),
  );
  if (changes.noiseRemoved.length > 0) {
    await manager.query(
      'DELETE FROM theme_noise_items WHERE space = $1 AND feedback_id = ANY($2::uuid[])',
      [space, changes.noiseRemoved],
    );
  }
  if (changes.noiseAdded.length > 0) {
    const values = valuesList(changes.noiseAdded.map((item) => [space, item.id, item.manual]));
    await manager.query(
      `INSERT INTO theme_noise_items (space, feedback_id, manual)
       SELECT space, feedback_id::uuid, manual::boolean FROM (VALUES ${values.sql}) AS v(space, feedback_id, manual)
       ON CONFLICT (space, feedback_id) DO UPDATE SET manual = EXCLUDED.manual`,
      values.params,
    );
  }
  return version;
}
