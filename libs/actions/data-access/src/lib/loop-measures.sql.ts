import { OPEN_LOOP_AGE_BUCKETS, share, type OpenLoopAgeLabel } from '@closedloop/actions-domain';
import type { EntityManager } from 'typeorm';

export interface LoopFilter {
  readonly from: Date;
  readonly to: Date;
  readonly source?: string | null;
  readonly themeId?: string | null;
  readonly ownerId?: string | null;
}

export interface LoopRow {
  /** The week (Monday, `YYYY-MM-DD`), the source, theme id or owner id; null for the overall row. */
  readonly key: string | null;
  readonly feedback: number;
  readonly actioned: number;
  readonly actionedShare: number | null;
  readonly told: number;
  readonly toldShare: number | null;
  readonly medianHoursToAction: number | null;
  readonly medianHoursToShip: number | null;
  readonly medianHoursToNotice: number | null;
  readonly openLoops: Readonly<Record<OpenLoopAgeLabel, number>>;
}

export type LoopGrouping = 'overall' | 'week' | 'source' | 'theme' | 'owner';

const WEEK = `to_char(date_trunc('week', i.occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;

/**
 * The loop measures, computed from `action_lineage` (only actioned feedback, indexed by time,
 * theme and action) and the denominators from roll-ups: `feedback_weekly_stats` (per week and
 * source, a few rows a week) or, for one theme, `theme_daily_stats` (its primary key). One item in
 * several actions counts once, with its earliest times (per owner: once per owner). Medians are
 * exact (percentile_cont) over the actioned items in scope. An item is told when its customer's
 * notice about the action was delivered (status `sent`, at `sent_at`), not merely queued; see docs/architecture.md for the
 * sizes this serves and the histogram roll-up to use beyond them.
 */
export async function loopMeasures(
  manager: EntityManager,
  filter: LoopFilter,
  grouping: LoopGrouping,
  now: Date,
): Promise<LoopRow[]> {
  const params: unknown[] = [filter.from, filter.to, now];
  const where = ['l.occurred_at >= $1', 'l.occurred_at < $2'];
  if (filter.source) where.push(`l.source = $${params.push(filter.source)}`);
  if (filter.themeId) where.push(`l.theme_id = $${params.push(filter.themeId)}`);
  if (filter.ownerId) where.push(`a.owner_id = $${params.push(filter.ownerId)}`);
  const itemKey =
    grouping === 'owner'
      ? 'a.owner_id::text'
      : grouping === 'theme'
        ? 'l.theme_id'
        : grouping === 'source'
          ? 'l.source'
          : 'NULL::text';
  const groupKey = grouping === 'week' ? WEEK : grouping === 'overall' ? 'NULL::text' : 'i.k';
  const buckets = OPEN_LOOP_AGE_BUCKETS.map(
    (b, n) =>
      `count(*) FILTER (WHERE i.noticed_at IS NULL AND $3::timestamptz - i.occurred_at >= interval '${b.fromDays} days'${
        Number.isFinite(b.toDays)
          ? ` AND $3::timestamptz - i.occurred_at < interval '${b.toDays} days'`
          : ''
      })::int AS open_${n}`,
  ).join(',\n       ');
  // GREATEST ignores NULLs, so a missing time must stay NULL explicitly (percentile_cont skips NULLs).
  const hours = (column: string) =>
    `CASE WHEN ${column} IS NOT NULL THEN GREATEST(0, extract(epoch FROM (${column} - i.occurred_at)) / 3600) END`;
  const rows: Record<string, unknown>[] = await manager.query(
    `WITH items AS (
       SELECT l.feedback_id, ${itemKey} AS k, min(l.occurred_at) AS occurred_at, min(l.actioned_at) AS actioned_at,
              min(a.shipped_at) FILTER (WHERE a.shipped_at >= l.occurred_at) AS shipped_at, min(ns.sent_at) AS noticed_at
       FROM action_lineage l JOIN actions a ON a.id = l.action_id
       LEFT JOIN notices ns ON ns.action_id = l.action_id AND ns.customer_id = l.customer_id AND ns.status = 'sent'
       WHERE ${where.join(' AND ')}
       GROUP BY l.feedback_id, ${itemKey})
     SELECT ${groupKey} AS key, count(*)::int AS actioned, count(i.noticed_at)::int AS told,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours('i.actioned_at')}) AS to_action,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours('i.shipped_at')}) AS to_ship,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours('i.noticed_at')}) AS to_notice,
       ${buckets}
     FROM items i GROUP BY 1 ORDER BY 1`,
    params,
  );
  const totals = await denominators(
    manager,
    filter,
    grouping,
    rows.map((r) => r['key'] as string | null),
  );
  const keys =
    grouping === 'week' || grouping === 'overall' || grouping === 'source'
      ? [...new Set([...totals.keys(), ...rows.map((r) => r['key'] as string | null)])]
      : rows.map((r) => r['key'] as string | null);
  const byKey = new Map(rows.map((r) => [r['key'] as string | null, r]));
  return keys
    .sort((a, b) => String(a).localeCompare(String(b)))
    .map((key) => {
      const r = byKey.get(key);
      const actioned = Number(r?.['actioned'] ?? 0);
      const told = Number(r?.['told'] ?? 0);
      const feedback = grouping === 'owner' ? (totals.get(null) ?? 0) : (totals.get(key) ?? 0);
      const num = (v: unknown) =>
        v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10;
      const openLoops = Object.fromEntries(
        OPEN_LOOP_AGE_BUCKETS.map((b, n) => [b.label, Number(r?.[`open_${n}`] ?? 0)]),
      ) as Record<OpenLoopAgeLabel, number>;
      return {
        key,
        feedback,
        actioned,
        actionedShare: share(actioned, feedback),
        told,
        toldShare: share(told, actioned),
        medianHoursToAction: num(r?.['to_action']),
        medianHoursToShip: num(r?.['to_ship']),
        medianHoursToNotice: num(r?.['to_notice']),
        openLoops,
      };
    });
}

/** All feedback in scope per key, from the roll-ups. */
async function denominators(
  manager: EntityManager,
  filter: LoopFilter,
  grouping: LoopGrouping,
  keys: readonly (string | null)[],
): Promise<Map<string | null, number>> {
  const weekFrom = `date_trunc('week', $1::timestamptz AT TIME ZONE 'UTC')::date`;
  const params: unknown[] = [filter.from, filter.to];
  let sql: string;
  if (filter.themeId || grouping === 'theme') {
    const themes = filter.themeId ? [filter.themeId] : keys.filter((k): k is string => k !== null);
    params.push(themes);
    const src = filter.source ? ` AND s.source = $${params.push(filter.source)}` : '';
    const key =
      grouping === 'week'
        ? `to_char(date_trunc('week', s.day), 'YYYY-MM-DD')`
        : grouping === 'theme'
          ? 's.theme_id'
          : grouping === 'source'
            ? 's.source'
            : 'NULL::text';
    sql = `SELECT ${key} AS key, sum(s.volume)::int AS volume FROM theme_daily_stats s
           WHERE s.theme_id = ANY($3::text[]) AND s.day >= ($1::timestamptz AT TIME ZONE 'UTC')::date
             AND s.day < ($2::timestamptz AT TIME ZONE 'UTC')::date${src} GROUP BY 1`;
  } else {
    const src = filter.source ? ` AND w.source = $${params.push(filter.source)}` : '';
    const key =
      grouping === 'week'
        ? `to_char(w.week, 'YYYY-MM-DD')`
        : grouping === 'source'
          ? 'w.source'
          : 'NULL::text';
    sql = `SELECT ${key} AS key, sum(w.volume)::int AS volume FROM feedback_weekly_stats w
           WHERE w.week >= ${weekFrom} AND w.week < $2::timestamptz${src} GROUP BY 1`;
  }
  const rows: { key: string | null; volume: number }[] = await manager.query(sql, params);
  return new Map(rows.map((r) => [r.key, Number(r.volume)]));
}
