import { valuesList } from '@closedloop/persistence';
import type { EntityManager } from 'typeorm';

/** One themed feedback item, as the daily statistics count it. */
export interface ThemedItemFacts {
  readonly themeId: string;
  readonly occurredAt: string;
  readonly source: string;
  readonly journeyStage: string;
  readonly sentiment: number | null;
  /** NPS band (promoter, passive, detractor) when the item is an NPS answer. */
  readonly npsBand: 'promoter' | 'passive' | 'detractor' | null;
}

/** Statistics rows are per UTC day of when the customer spoke. */
export const dayOf = (iso: string) => iso.slice(0, 10);

/** Adds items to their themes' daily statistics (volume, sentiment, NPS), in one statement. */
export async function addDailyStats(
  manager: EntityManager,
  items: readonly ThemedItemFacts[],
): Promise<void> {
  if (items.length === 0) return;
  const rows = new Map<string, { key: [string, string, string, string]; counts: number[] }>();
  for (const item of items) {
    const key: [string, string, string, string] = [
      item.themeId,
      dayOf(item.occurredAt),
      item.source,
      item.journeyStage,
    ];
    const id = key.join('\u0000');
    const row = rows.get(id) ?? { key, counts: [0, 0, 0, 0, 0, 0, 0] };
    const c = row.counts as [number, number, number, number, number, number, number];
    c[0] += 1;
    if (item.sentiment !== null) {
      c[1] += item.sentiment;
      c[2] += 1;
      if (item.sentiment <= -0.05) c[3] += 1;
    }
    if (item.npsBand === 'promoter') c[4] += 1;
    if (item.npsBand === 'passive') c[5] += 1;
    if (item.npsBand === 'detractor') c[6] += 1;
    rows.set(id, row);
  }
  const sorted = [...rows.values()].sort((a, b) => (a.key.join() < b.key.join() ? -1 : 1));
  const values = valuesList(sorted.map((r) => [...r.key, ...r.counts]));
  await manager.query(
    `INSERT INTO theme_daily_stats (theme_id, day, source, journey_stage, volume, sentiment_sum, sentiment_count,
                                    negative_count, promoters, passives, detractors)
     SELECT theme_id, day::date, source, journey_stage, volume::int, sentiment_sum::float8, sentiment_count::int,
            negative_count::int, promoters::int, passives::int, detractors::int
     FROM (VALUES ${values.sql}) AS v(theme_id, day, source, journey_stage, volume, sentiment_sum, sentiment_count,
                                     negative_count, promoters, passives, detractors)
     ON CONFLICT (theme_id, day, source, journey_stage) DO UPDATE SET
       volume = theme_daily_stats.volume + EXCLUDED.volume,
       sentiment_sum = theme_daily_stats.sentiment_sum + EXCLUDED.sentiment_sum,
       sentiment_count = theme_daily_stats.sentiment_count + EXCLUDED.sentiment_count,
       negative_count = theme_daily_stats.negative_count + EXCLUDED.negative_count,
       promoters = theme_daily_stats.promoters + EXCLUDED.promoters,
       passives = theme_daily_stats.passives + EXCLUDED.passives,
       detractors = theme_daily_stats.detractors + EXCLUDED.detractors`,
    values.params,
  );
  await addThemeTotals(manager, items);
}

/** Adds items to their themes' running totals (the theme_totals roll-up). */
async function addThemeTotals(
  manager: EntityManager,
  items: readonly ThemedItemFacts[],
): Promise<void> {
  const totals = new Map<string, { counts: [number, number, number, number]; last: string }>();
  for (const item of items) {
    const total = totals.get(item.themeId) ?? { counts: [0, 0, 0, 0], last: item.occurredAt };
    total.counts[0] += 1;
    if (item.sentiment !== null) {
      total.counts[1] += item.sentiment;
      total.counts[2] += 1;
      if (item.sentiment <= -0.05) total.counts[3] += 1;
    }
    if (Date.parse(item.occurredAt) > Date.parse(total.last)) total.last = item.occurredAt;
    totals.set(item.themeId, total);
  }
  const sorted = [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const values = valuesList(sorted.map(([themeId, t]) => [themeId, ...t.counts, t.last]));
  await manager.query(
    `INSERT INTO theme_totals (theme_id, volume, sentiment_sum, sentiment_count, negative_count, last_feedback_at)
     SELECT theme_id, volume::int, sentiment_sum::float8, sentiment_count::int, negative_count::int,
            last_feedback_at::timestamptz
     FROM (VALUES ${values.sql}) AS v(theme_id, volume, sentiment_sum, sentiment_count, negative_count, last_feedback_at)
     ON CONFLICT (theme_id) DO UPDATE SET
       volume = theme_totals.volume + EXCLUDED.volume,
       sentiment_sum = theme_totals.sentiment_sum + EXCLUDED.sentiment_sum,
       sentiment_count = theme_totals.sentiment_count + EXCLUDED.sentiment_count,
       negative_count = theme_totals.negative_count + EXCLUDED.negative_count,
       last_feedback_at = GREATEST(theme_totals.last_feedback_at, EXCLUDED.last_feedback_at)`,
    values.params,
  );
}

/**
 * Rebuilds the daily statistics of themes from their feedback rows, after items moved between
 * themes (a merge, a split, a person's move, a consolidation pass), and their theme_totals.
 */
export async function rebuildDailyStats(
  manager: EntityManager,
  themeIds: Iterable<string>,
): Promise<void> {
  const ids = [...new Set(themeIds)].sort();
  if (ids.length === 0) return;
  await manager.query('DELETE FROM theme_daily_stats WHERE theme_id = ANY($1::text[])', [ids]);
  await manager.query(
    `INSERT INTO theme_daily_stats (theme_id, day, source, journey_stage, volume, sentiment_sum, sentiment_count,
                                    negative_count, promoters, passives, detractors)
     SELECT theme_id, (occurred_at AT TIME ZONE 'UTC')::date, source, COALESCE(journey_stage, 'use'), count(*),
            COALESCE(sum(sentiment), 0), count(sentiment), count(*) FILTER (WHERE sentiment <= -0.05),
            count(*) FILTER (WHERE metric = 'NPS' AND score_band = 'promoter'),
            count(*) FILTER (WHERE metric = 'NPS' AND score_band = 'passive'),
            count(*) FILTER (WHERE metric = 'NPS' AND score_band = 'detractor')
     FROM feedback WHERE theme_id = ANY($1::text[])
     GROUP BY 1, 2, 3, 4`,
    [ids],
  );
  // Every theme keeps its totals row (zeros once it has no feedback): the theme list walks them.
  await manager.query(
    `INSERT INTO theme_totals (theme_id, volume, negative_count, sentiment_sum, sentiment_count, last_feedback_at)
     SELECT ids.id, COALESCE(a.volume, 0), COALESCE(a.negative_count, 0), COALESCE(a.sentiment_sum, 0),
            COALESCE(a.sentiment_count, 0), a.last_feedback_at
     FROM unnest($1::text[]) AS ids(id) LEFT JOIN (
       SELECT theme_id, count(*) AS volume, count(*) FILTER (WHERE sentiment <= -0.05) AS negative_count,
              sum(sentiment) AS sentiment_sum, count(sentiment) AS sentiment_count, max(occurred_at) AS last_feedback_at
       FROM feedback WHERE theme_id = ANY($1::text[]) GROUP BY theme_id
     ) AS a ON a.theme_id = ids.id
     ON CONFLICT (theme_id) DO UPDATE SET volume = EXCLUDED.volume, negative_count = EXCLUDED.negative_count,
       sentiment_sum = EXCLUDED.sentiment_sum, sentiment_count = EXCLUDED.sentiment_count,
       last_feedback_at = EXCLUDED.last_feedback_at`,
    [ids],
  );
}
