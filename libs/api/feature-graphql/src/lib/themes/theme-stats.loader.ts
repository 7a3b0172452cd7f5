import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ThemeStats } from './theme-stats.model';
import {
  foldThemeStats,
  RECENT_VOLUME_SQL,
  STATS_BY_SOURCE_SQL,
  type RecentVolumeRow,
  type SourceStatsRow,
} from './theme-stats.query';

interface Batch {
  readonly ids: Set<string>;
  readonly result: Promise<Map<string, ThemeStats>>;
}

/**
 * Loads ThemeStats for every theme a GraphQL operation resolves, in two statements per batch:
 * the `stats` field of each theme on a page asks within the same turn of the event loop, and
 * the batch runs once they all have. Batches are kept per request (keyed on its context), so
 * a page of 50 themes costs two queries, not a hundred.
 */
@Injectable()
export class ThemeStatsLoader {
  private readonly pending = new WeakMap<object, Batch>();

  constructor(private readonly dataSource: DataSource) {}

  load(request: object, themeId: string): Promise<ThemeStats> {
    let batch = this.pending.get(request);
    if (!batch) {
      const ids = new Set<string>();
      const result = new Promise<Map<string, ThemeStats>>((resolve, reject) => {
        setImmediate(() => {
          this.pending.delete(request);
          this.fetch([...ids]).then(resolve, reject);
        });
      });
      batch = { ids, result };
      this.pending.set(request, batch);
    }
    batch.ids.add(themeId);
    return batch.result.then((stats) => stats.get(themeId) as ThemeStats);
  }

  async fetch(themeIds: readonly string[]): Promise<Map<string, ThemeStats>> {
    const [sources, recent]: [SourceStatsRow[], RecentVolumeRow[]] = await Promise.all([
      this.dataSource.query(STATS_BY_SOURCE_SQL, [themeIds]),
      this.dataSource.query(RECENT_VOLUME_SQL, [themeIds]),
    ]);
    return foldThemeStats(themeIds, sources, recent);
  }
}
