import type { ThemeStats } from './theme-stats.model';
import { npsOf } from './theme.rows';

export const SPARKLINE_DAYS = 30;

/** Totals per theme and source, from the daily roll-up, for many themes in one statement. */
export const STATS_BY_SOURCE_SQL = `SELECT theme_id, source, sum(volume) AS volume, sum(sentiment_sum) AS sentiment_sum,
    sum(sentiment_count) AS sentiment_count, sum(promoters) AS promoters, sum(passives) AS passives,
    sum(detractors) AS detractors
  FROM theme_daily_stats WHERE theme_id = ANY($1::text[]) GROUP BY theme_id, source`;

/** Daily volume per theme over the sparkline's days (UTC), for many themes in one statement. */
export const RECENT_VOLUME_SQL = `SELECT theme_id, (current_date - day) AS age, sum(volume) AS volume
  FROM theme_daily_stats
  WHERE theme_id = ANY($1::text[]) AND day > current_date - ${SPARKLINE_DAYS} AND day <= current_date
  GROUP BY theme_id, day`;

export interface SourceStatsRow {
  theme_id: string;
  source: string;
  volume: string | number;
  sentiment_sum: string | number;
  sentiment_count: string | number;
  promoters: string | number;
  passives: string | number;
  detractors: string | number;
}

export interface RecentVolumeRow {
  theme_id: string;
  /** Days before today: 0 is today. */
  age: string | number;
  volume: string | number;
}

/** Folds the two statements' rows into one ThemeStats per asked theme (empty figures when it has no rows). */
export function foldThemeStats(
  themeIds: readonly string[],
  sourceRows: readonly SourceStatsRow[],
  recentRows: readonly RecentVolumeRow[],
): Map<string, ThemeStats> {
  const acc = new Map(
    themeIds.map((id) => [
      id,
      {
        sentimentSum: 0,
        sentimentCount: 0,
        promoters: 0,
        passives: 0,
        detractors: 0,
        sources: [] as { source: string; volume: number }[],
        recent: new Array<number>(SPARKLINE_DAYS).fill(0),
      },
    ]),
  );
  for (const row of sourceRows) {
    const a = acc.get(row.theme_id);
    if (!a) continue;
    a.sentimentSum += Number(row.sentiment_sum);
    a.sentimentCount += Number(row.sentiment_count);
    a.promoters += Number(row.promoters);
    a.passives += Number(row.passives);
    a.detractors += Number(row.detractors);
    a.sources.push({ source: row.source, volume: Number(row.volume) });
  }
  for (const row of recentRows) {
    const a = acc.get(row.theme_id);
    const age = Number(row.age);
    if (!a || age < 0 || age >= SPARKLINE_DAYS) continue;
    a.recent[SPARKLINE_DAYS - 1 - age] += Number(row.volume);
  }
  const out = new Map<string, ThemeStats>();
  for (const [id, a] of acc) {
    out.set(id, {
      averageSentiment:
        a.sentimentCount > 0 ? Math.round((a.sentimentSum / a.sentimentCount) * 1000) / 1000 : null,
      nps: npsOf(a.promoters, a.passives, a.detractors),
      sources: a.sources
        .filter((s) => s.volume > 0)
        .sort((x, y) => y.volume - x.volume || x.source.localeCompare(y.source)),
      recentVolume: a.recent,
    });
  }
  return out;
}
