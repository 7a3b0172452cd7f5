import { isEmerging } from '@closedloop/themes-domain';
import type { EntityManager } from 'typeorm';

/** Days of history a theme's baseline is taken from. */
export const EMERGING_BASELINE_DAYS = 28;

/**
 * Re-judges whether each given theme is emerging on `day` (its volume that day against its own
 * baseline over the earlier {@link EMERGING_BASELINE_DAYS} days, counted from the theme's first
 * day), and sets or clears `themes.emerging_since`. Answers the themes that became emerging.
 */
export async function refreshEmerging(
  manager: EntityManager,
  themeIds: Iterable<string>,
  day: string,
): Promise<string[]> {
  const ids = [...new Set(themeIds)].sort();
  if (ids.length === 0) return [];
  const rows: {
    theme_id: string;
    day: string;
    volume: string;
    first_day: string;
    emerging: boolean;
  }[] = await manager.query(
    `SELECT s.theme_id, to_char(s.day, 'YYYY-MM-DD') AS day, sum(s.volume) AS volume,
            to_char(min(s.day) OVER (PARTITION BY s.theme_id), 'YYYY-MM-DD') AS first_day,
            t.emerging_since IS NOT NULL AS emerging
     FROM theme_daily_stats s JOIN themes t ON t.id = s.theme_id
     WHERE s.theme_id = ANY($1::text[]) AND s.day BETWEEN $2::date - $3::int AND $2::date
     GROUP BY s.theme_id, s.day, t.emerging_since`,
    [ids, day, EMERGING_BASELINE_DAYS],
  );
  const byTheme = new Map<string, typeof rows>();
  for (const row of rows) byTheme.set(row.theme_id, [...(byTheme.get(row.theme_id) ?? []), row]);
  const started: string[] = [];
  const stopped: string[] = [];
  for (const [themeId, days] of byTheme) {
    const today = Number(days.find((d) => d.day === day)?.volume ?? 0);
    const firstDay = days[0]?.first_day ?? day;
    const earlier = earlierDays(firstDay, day).map((d) =>
      Number(days.find((row) => row.day === d)?.volume ?? 0),
    );
    const now = isEmerging(today, earlier);
    const was = days[0]?.emerging ?? false;
    if (now && !was) started.push(themeId);
    if (!now && was) stopped.push(themeId);
  }
  if (started.length > 0) {
    await manager.query('UPDATE themes SET emerging_since = now() WHERE id = ANY($1::text[])', [
      started,
    ]);
  }
  if (stopped.length > 0) {
    await manager.query('UPDATE themes SET emerging_since = NULL WHERE id = ANY($1::text[])', [
      stopped,
    ]);
  }
  return started;
}

/** The days from `firstDay` (at most the baseline window back) up to the day before `day`. */
function earlierDays(firstDay: string, day: string): string[] {
  const result: string[] = [];
  const end = Date.parse(`${day}T00:00:00Z`);
  const start = Math.max(
    Date.parse(`${firstDay}T00:00:00Z`),
    end - EMERGING_BASELINE_DAYS * 86_400_000,
  );
  for (let t = start; t < end; t += 86_400_000) result.push(new Date(t).toISOString().slice(0, 10));
  return result;
}
