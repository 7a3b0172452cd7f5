import {
  ThemeEngine,
  type ThemeEngineOptions,
  type ThemeEngineSnapshot,
  type ThemeView,
} from '@closedloop/themes-domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { syncThemeRows } from './sync-theme-rows';

/** Today every installation has one theme space; the column leaves room for more (per brand, per product). */
export const DEFAULT_THEME_SPACE = 'default';

interface CachedSpace {
  readonly revision: string;
  readonly engine: ThemeEngine;
  /** The theme rows as last written, to write only what changed. */
  readonly written: Map<string, string>;
}

/**
 * Gives one writer at a time the theme engine of a theme space, inside the caller's transaction:
 * takes the space's advisory lock (held to commit), reloads the engine when another writer saved
 * since (a fresh revision per save), runs the work, then saves the engine and mirrors its themes
 * into the `themes` table in the same transaction. So two pipeline instances, or the pipeline and
 * a CX lead's edit, never work on diverging copies and never open the same new theme twice.
 */
export class ThemeSpaceStore {
  private readonly cache = new Map<string, CachedSpace>();

  constructor(private readonly engineOptions: Partial<ThemeEngineOptions> = {}) {}

  async withSpace<T>(
    manager: EntityManager,
    space: string,
    work: (engine: ThemeEngine, touched: Set<string>) => T | Promise<T>,
  ): Promise<T> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `closedloop.theme-space:${space}`,
    ]);
    const cached = await this.current(manager, space);
    // Until this transaction's save is known, the in-memory engine may run ahead of the database.
    this.cache.delete(space);
    const touched = new Set<string>();
    const result = await work(cached.engine, touched);
    const revision = randomUUID();
    await manager.query(
      `INSERT INTO theme_space_states (space, revision, snapshot, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (space) DO UPDATE SET revision = EXCLUDED.revision, snapshot = EXCLUDED.snapshot, updated_at = now()`,
      [space, revision, JSON.stringify(cached.engine.snapshot())],
    );
    await syncThemeRows(manager, space, themeViews(cached.engine, touched), cached.written);
    // The caller's commit may still fail: then the stored revision differs and the next call reloads.
    this.cache.set(space, { ...cached, revision });
    return result;
  }

  /**
   * Reads from the space's engine as last saved (quotes, split proposals), without the lock and
   * without saving: the work must not change the engine.
   */
  async read<T>(
    manager: EntityManager,
    space: string,
    work: (engine: ThemeEngine) => T,
  ): Promise<T> {
    const cached = await this.current(manager, space);
    this.cache.set(space, cached);
    return work(cached.engine);
  }

  /** Forgets cached engines, e.g. when a test resets the database. */
  clear(): void {
    this.cache.clear();
  }

  /** The space's engine as last saved: the cached one while its revision is the stored one. */
  private async current(manager: EntityManager, space: string): Promise<CachedSpace> {
    const [state]: { revision: string }[] = await manager.query(
      'SELECT revision FROM theme_space_states WHERE space = $1',
      [space],
    );
    const cached = this.cache.get(space);
    return cached && cached.revision === state?.revision
      ? cached
      : this.load(manager, space, state?.revision);
  }

  private async load(
    manager: EntityManager,
    space: string,
    revision: string | undefined,
  ): Promise<CachedSpace> {
    if (revision === undefined) {
      return {
        revision: '',
        engine: new ThemeEngine({ ...this.engineOptions, themeIdPrefix: `${space}:theme-` }),
        written: new Map(),
      };
    }
    const [row]: { snapshot: ThemeEngineSnapshot }[] = await manager.query(
      'SELECT snapshot FROM theme_space_states WHERE space = $1',
      [space],
    );
    const engine = ThemeEngine.restore(row?.snapshot as ThemeEngineSnapshot);
    const written = new Map<string, string>();
    const rows: { id: string; row: string }[] = await manager.query(
      `SELECT id, json_build_array(label, label_source, status, pinned, size, top_terms, merged_into, split_from)::text AS row
       FROM themes WHERE space = $1`,
      [space],
    );
    // Re-serialised so they compare like with like with rowKey (PostgreSQL spaces its JSON text).
    for (const r of rows) written.set(r.id, JSON.stringify(JSON.parse(r.row)));
    return { revision, engine, written };
  }
}

/** Every live theme and every theme the work touched (merged and noise ones included). */
function themeViews(engine: ThemeEngine, touched: ReadonlySet<string>): ThemeView[] {
  const views = new Map(engine.themes().map((view) => [view.id, view]));
  for (const id of touched) {
    const view = engine.theme(id);
    if (view) views.set(id, view);
  }
  return [...views.values()];
}
