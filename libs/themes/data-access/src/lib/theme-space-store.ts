import {
  ThemeEngine,
  type EngineChanges,
  type EngineGlobalState,
  type NoiseRecord,
  type StoredItem,
  type ThemeEngineOptions,
  type ThemeRecord,
} from '@closedloop/themes-domain';
import type { EntityManager } from 'typeorm';
import { loadStoredItems } from './stored-items';
import { saveEngineChanges } from './save-engine-changes';

/** Today every installation has one theme space; the column leaves room for more (per brand, per product). */
export const DEFAULT_THEME_SPACE = 'default';

interface CachedSpace {
  readonly engine: ThemeEngine;
  /** The version this process last saved (or loaded). */
  readonly version: string;
  /** The transaction of that save: whether it committed decides if the engine can be trusted. */
  readonly transactionId: string | null;
}

interface SpaceRow {
  version: string;
  global_state: EngineGlobalState;
  saved_status: string | null;
}

interface ThemeRecordRow {
  engine_record: Omit<ThemeRecord, 'sum'>;
  engine_sum: Buffer;
}

/**
 * Gives one writer at a time the theme engine of a theme space, inside the caller's transaction.
 * It takes the space's advisory lock (held to commit), brings its cached engine up to date (a full
 * load the first time or after its own save rolled back; otherwise only the themes other writers
 * saved since, by version), runs the work, and saves what changed in the same transaction. So
 * two pipeline instances, or the pipeline and a CX lead's edit, never work on diverging copies
 * and never open the same new theme twice.
 */
export class ThemeSpaceStore {
  private readonly cache = new Map<string, CachedSpace>();

  constructor(private readonly engineOptions: Partial<ThemeEngineOptions> = {}) {}

  async withSpace<T>(
    manager: EntityManager,
    space: string,
    work: (engine: ThemeEngine) => T | Promise<T>,
  ): Promise<T> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `closedloop.theme-space:${space}`,
    ]);
    const engine = await this.current(manager, space);
    // Until this transaction's save is known to commit, the engine may run ahead of the database.
    this.cache.delete(space);
    const result = await work(engine);
    const version = await saveEngineChanges(manager, space, engine.takeChanges());
    const [{ transaction_id }]: { transaction_id: string }[] = await manager.query(
      'SELECT txid_current()::text AS transaction_id',
    );
    this.cache.set(space, { engine, version, transactionId: transaction_id });
    return result;
  }

  /**
   * Reads from the space's engine as last saved (quotes, split proposals, explanations), without
   * the lock and without saving: the work must not change the engine.
   */
  async read<T>(
    manager: EntityManager,
    space: string,
    work: (engine: ThemeEngine) => T,
  ): Promise<T> {
    return work(await this.current(manager, space));
  }

  /** Forgets cached engines, e.g. when a test resets the database. */
  clear(): void {
    this.cache.clear();
  }

  /** The space's engine as last committed, from the cache when it can be trusted. */
  private async current(manager: EntityManager, space: string): Promise<ThemeEngine> {
    const cached = this.cache.get(space);
    const [row]: SpaceRow[] = await manager.query(
      `SELECT version::text AS version, global_state,
              CASE WHEN $2::text IS NULL THEN NULL ELSE txid_status($2::text::bigint) END AS saved_status
       FROM theme_space_states WHERE space = $1`,
      [space, cached?.transactionId ?? null],
    );
    if (!row) {
      const engine = new ThemeEngine({ ...this.engineOptions, themeIdPrefix: `${space}:theme-` });
      this.cache.set(space, { engine, version: '0', transactionId: null });
      return engine;
    }
    const trusted = cached && (cached.transactionId === null || row.saved_status === 'committed');
    if (cached && trusted && cached.version === row.version) return cached.engine;
    const engine =
      cached && trusted
        ? await this.catchUp(manager, space, cached, row)
        : await this.load(manager, space, row);
    this.cache.set(space, { engine, version: row.version, transactionId: null });
    return engine;
  }

  /** Applies what other writers saved after this process's own last save. */
  private async catchUp(
    manager: EntityManager,
    space: string,
    cached: CachedSpace,
    row: SpaceRow,
  ): Promise<ThemeEngine> {
    const themes = await this.themeRecords(manager, space, cached.version);
    const stored = await this.noiseRecords(manager, space);
    const held = new Set(cached.engine.noiseItems().map((item) => item.id));
    const inDatabase = new Set(stored.map((record) => record.id));
    const changes: EngineChanges = {
      global: row.global_state,
      themes,
      noiseAdded: stored.filter((record) => !held.has(record.id)),
      noiseRemoved: [...held].filter((id) => !inDatabase.has(id)),
    };
    cached.engine.load(changes, await this.itemsFor(manager, changes));
    return cached.engine;
  }

  private async load(manager: EntityManager, space: string, row: SpaceRow): Promise<ThemeEngine> {
    const changes: EngineChanges = {
      global: row.global_state,
      themes: await this.themeRecords(manager, space, '0'),
      noiseAdded: await this.noiseRecords(manager, space),
      noiseRemoved: [],
    };
    return ThemeEngine.restore(
      {
        ...changes,
        global: {
          ...changes.global,
          options: { ...changes.global.options, ...this.engineOptions },
        },
      },
      await this.itemsFor(manager, changes),
    );
  }

  private async themeRecords(
    manager: EntityManager,
    space: string,
    afterVersion: string,
  ): Promise<ThemeRecord[]> {
    const rows: ThemeRecordRow[] = await manager.query(
      `SELECT engine_record, engine_sum FROM themes
       WHERE space = $1 AND engine_version > $2::bigint AND engine_record IS NOT NULL`,
      [space, afterVersion],
    );
    return rows.map((r) => ({ ...r.engine_record, sum: float32sOf(r.engine_sum) }));
  }

  private async noiseRecords(manager: EntityManager, space: string): Promise<NoiseRecord[]> {
    const rows: { feedback_id: string; manual: boolean }[] = await manager.query(
      'SELECT feedback_id, manual FROM theme_noise_items WHERE space = $1 ORDER BY added_at, feedback_id',
      [space],
    );
    return rows.map((r) => ({ id: r.feedback_id, manual: r.manual }));
  }

  private itemsFor(
    manager: EntityManager,
    changes: EngineChanges,
  ): Promise<Map<string, StoredItem>> {
    const ids = new Set<string>();
    for (const theme of changes.themes) for (const sample of theme.samples) ids.add(sample.id);
    for (const noise of changes.noiseAdded) ids.add(noise.id);
    return loadStoredItems(manager, [...ids]);
  }
}

/** A bytea of little-endian float32 values. */
function float32sOf(bytes: Buffer): Float32Array {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}
