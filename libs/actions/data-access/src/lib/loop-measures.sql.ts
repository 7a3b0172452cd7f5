import {
  OPEN_LOOP_AGE_BUCKETS,
  medianOfBuckets,
  planLoopWindow,
  share,
  type OpenLoopAgeLabel,
} from '@closedloop/actions-domain';
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

/** Median buckets (lower and upper middle item) each `loop_weekly_stats` row keeps, per latency. */
const STORED = ['action_lo', 'action_hi', 'ship_lo', 'ship_hi', 'notice_lo', 'notice_hi'] as const;
const noStored = STORED.map((c) => `NULL::smallint AS ${c}`).join(', ');

/** SQL pieces that pick and key the roll-up rows (alias `s`) and the facts (alias `i`). */
interface LoopSelection {
  readonly params: unknown[];
  readonly rollupWhere: string;
  readonly rollupKey: string;
  readonly factWhere: string;
  readonly factKey: string;
}

const OWNER_KEYS = `ARRAY(SELECT DISTINCT COALESCE(owner_id::text, '-') FROM actions)`;

function select(filter: LoopFilter, grouping: LoopGrouping, params: unknown[]): LoopSelection {
  const rollup: string[] = [];
  const fact: string[] = [];
  if (grouping === 'owner') {
    const owners = filter.ownerId ? `ARRAY[$${params.push(filter.ownerId)}]` : OWNER_KEYS;
    rollup.push(`s.owner_key = ANY(${owners})`);
    fact.push(`i.owner_key = ANY(${owners})`);
  } else {
    const owner = `$${params.push(filter.ownerId ?? '*')}`;
    rollup.push(`s.owner_key = ${owner}`);
    fact.push(`i.owner_key = ${owner}`);
  }
  if (filter.themeId) {
    const theme = `$${params.push(filter.themeId)}`;
    rollup.push(`s.theme_key = ${theme}`);
    fact.push(`i.theme_id = ${theme}`);
  } else {
    rollup.push(grouping === 'theme' ? `s.theme_key <> '*'` : `s.theme_key = '*'`);
  }
  if (filter.source) {
    const source = `$${params.push(filter.source)}`;
    rollup.push(`s.source = ${source}`);
    fact.push(`i.source = ${source}`);
  } else {
    rollup.push(grouping === 'source' ? `s.source <> '*'` : `s.source = '*'`);
  }
  const keys: Record<LoopGrouping, [string, string]> = {
    overall: ['NULL::text', 'NULL::text'],
    week: ['s.week', 'i.week'],
    source: ['s.source', 'i.source'],
    theme: [`NULLIF(s.theme_key, '')`, 'i.theme_id'],
    owner: [`NULLIF(s.owner_key, '-')`, `NULLIF(i.owner_key, '-')`],
  };
  const [rollupKey, factKey] = keys[grouping];
  return {
    params,
    rollupWhere: rollup.join(' AND '),
    rollupKey,
    factWhere: fact.join(' AND '),
    factKey,
  };
}

/**
 * The loop measures, read from roll-ups kept by triggers in the transactions that change the
 * lineage or an action (migration 1796400000000-loop-rollups): `loop_weekly_stats` (actioned and
 * told per owner, theme, ISO week and source) and `loop_weekly_latency` (the three latencies as
 * bucket counts) for the whole weeks in range; the part-weeks at either end, and the open loops
 * of whole weeks an age boundary falls in, from `loop_items` (one fact per actioned item and owner,
 * indexed by owner and time). One item in several actions counts once, with its earliest times
 * (per owner: once per owner). Medians are bucketed (see `bucketedMedian`); the denominators come
 * from `feedback_weekly_stats` or, for one theme, `theme_daily_stats`.
 */
export async function loopMeasures(
  manager: EntityManager,
  filter: LoopFilter,
  grouping: LoopGrouping,
  now: Date,
): Promise<LoopRow[]> {
  const plan = planLoopWindow(filter.from, filter.to, now);
  const base: unknown[] = [
    filter.from,
    filter.to,
    now,
    plan.weeks,
    // A week an age boundary falls in puts its open loops in the recount's base bucket.
    plan.weeks.map(
      (w, n) => plan.recounts.find((r) => r.week === w)?.base ?? plan.ageClasses[n] ?? -1,
    ),
    plan.wholeFrom,
    plan.wholeTo,
  ];
  const sel = select(filter, grouping, base);
  const edges = `((i.occurred_at >= $1 AND i.occurred_at < $6) OR (i.occurred_at >= $7 AND i.occurred_at < $2))`;
  // Bounds the roll-ups' index scans ((owner, theme, source, week, …) keys) to the whole weeks.
  const weekRange = `s.week >= ($6::timestamptz AT TIME ZONE 'UTC')::date AND s.week < ($7::timestamptz AT TIME ZONE 'UTC')::date`;
  const weeks = `WITH wk AS (SELECT * FROM unnest($4::date[], $5::int[]) AS t(week, cls)),
    asked AS (SELECT $3::timestamptz AS now)`;
  // Each item's open-loop bucket; `untold` is left out where the rows are all untold already;
  // `moveFrom` takes each item back out of the bucket its week's roll-up row put it in.
  const factOpen = (untold: string, moveFrom: number | null = null) =>
    OPEN_LOOP_AGE_BUCKETS.map(
      (b, n) =>
        `((${untold}$3::timestamptz - i.occurred_at >= interval '${b.fromDays} days'${
          Number.isFinite(b.toDays)
            ? ` AND $3::timestamptz - i.occurred_at < interval '${b.toDays} days'`
            : ''
        })::int${moveFrom === n ? ' - 1' : ''}) AS open_${n}`,
    ).join(', ');
  // Weeks an age boundary falls in: the shorter side of the boundary, item by item (at most three
  // weeks; literal ranges made here from dates, so each is an index range).
  const recounts = plan.recounts
    .map(
      (r) => `
       UNION ALL
       SELECT ${sel.factKey}, 0, 0, ${factOpen('', r.base)}, ${noStored}
       FROM loop_items i WHERE ${sel.factWhere} AND NOT i.told
         AND i.occurred_at >= timestamptz '${r.from.toISOString()}'
         AND i.occurred_at ${r.toIncluded ? '<=' : '<'} timestamptz '${r.to.toISOString()}'`,
    )
    .join('');
  const rollupOpen = OPEN_LOOP_AGE_BUCKETS.map(
    (_, n) => `CASE WHEN wk.cls = ${n} THEN s.actioned - s.told ELSE 0 END AS open_${n}`,
  ).join(', ');
  // Weeks are grouped as dates and named at the end.
  const outerKey = grouping === 'week' ? `to_char(key, 'YYYY-MM-DD')` : 'key';
  const sums = OPEN_LOOP_AGE_BUCKETS.map((_, n) => `sum(open_${n})::int AS open_${n}`).join(', ');
  const rows: Record<string, unknown>[] = await manager.query(
    `${weeks}
     SELECT ${outerKey} AS key, sum(actioned)::int AS actioned, sum(told)::int AS told, ${sums},
       ${STORED.map((c) => `min(${c}) AS ${c}`).join(', ')} FROM (
       SELECT ${sel.rollupKey} AS key, s.actioned, s.told, ${rollupOpen}, ${STORED.map((c) => `s.${c}`).join(', ')}
       FROM loop_weekly_stats s JOIN wk ON wk.week = s.week WHERE ${sel.rollupWhere} AND ${weekRange}
       UNION ALL
       SELECT ${sel.factKey}, 1, i.told::int, ${factOpen('NOT i.told AND ')}, ${noStored}
       FROM loop_items i WHERE ${sel.factWhere} AND ${edges}${recounts}) p
     GROUP BY p.key HAVING sum(actioned) > 0`,
    sel.params,
  );
  const latency: { key: string | null; measure: number; lo: number; hi: number }[] =
    await manager.query(
      `${weeks},
       h AS (
         SELECT key, measure, bucket, sum(n) AS n FROM (
           ${
             grouping === 'week'
               ? ''
               : `SELECT ${sel.rollupKey} AS key, s.measure, s.bucket, s.items AS n
           FROM loop_weekly_latency s JOIN wk ON wk.week = s.week WHERE ${sel.rollupWhere} AND ${weekRange}
           UNION ALL`
           }
           SELECT ${sel.factKey} AS key, m.measure, m.bucket, 1 AS n
           FROM loop_items i
           CROSS JOIN LATERAL (VALUES (1::smallint, i.b_action), (2::smallint, i.b_ship), (3::smallint, i.b_notice)) m(measure, bucket)
           WHERE ${sel.factWhere} AND ${edges} AND m.bucket IS NOT NULL) x
         GROUP BY 1, 2, 3 HAVING sum(n) > 0),
       c AS (
         SELECT h.*, sum(n) OVER (PARTITION BY key, measure ORDER BY bucket) AS cum,
                sum(n) OVER (PARTITION BY key, measure) AS total
         FROM h)
       SELECT ${outerKey} AS key, measure, min(bucket) FILTER (WHERE cum >= floor((total + 1) / 2)) AS lo,
              min(bucket) FILTER (WHERE cum >= floor(total / 2) + 1) AS hi
       FROM c GROUP BY c.key, c.measure`,
      sel.params,
    );
  const medians = new Map(
    latency.map((m) => [`${m.key}|${m.measure}`, medianOfBuckets(Number(m.lo), Number(m.hi))]),
  );
  const byKey = new Map(rows.map((r) => [r['key'] as string | null, r]));
  // A whole week's medians are kept on its roll-up row; part-weeks and merged ranges are computed.
  const median = (key: string | null, measure: number) => {
    const computed = medians.get(`${key}|${measure}`);
    if (computed !== undefined) return computed;
    const [lo, hi] = [STORED[(measure - 1) * 2], STORED[(measure - 1) * 2 + 1]];
    const r = grouping === 'week' ? byKey.get(key) : undefined;
    const [l, h] = [r?.[lo as string], r?.[hi as string]];
    return l === null || l === undefined || h === null || h === undefined
      ? null
      : medianOfBuckets(Number(l), Number(h));
  };
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
  return keys
    .sort((a, b) => String(a).localeCompare(String(b)))
    .map((key) => {
      const r = byKey.get(key);
      const actioned = Number(r?.['actioned'] ?? 0);
      const told = Number(r?.['told'] ?? 0);
      const feedback = grouping === 'owner' ? (totals.get(null) ?? 0) : (totals.get(key) ?? 0);
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
        medianHoursToAction: median(key, 1),
        medianHoursToShip: median(key, 2),
        medianHoursToNotice: median(key, 3),
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
