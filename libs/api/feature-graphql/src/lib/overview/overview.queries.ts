import type { EntityManager } from 'typeorm';

export interface OverviewRange {
  readonly from: Date;
  readonly to: Date;
}

export interface FlowRow {
  readonly row: 'link' | 'node';
  readonly source: string;
  readonly target: string | null;
  readonly count: number;
  readonly themeLabel: string | null;
}

/**
 * The loop as a flow, in one statement: each feedback item in the range (by when the customer
 * spoke) goes from its source to its theme group (the `topThemes` largest themes by volume in the
 * range, "other themes", or "not yet in a theme"), then to "has an action" (in the lineage of any
 * action, as the loop measures count it) or "no action yet"; actioned items whose action has
 * shipped (or whose customer was already told) go on to "shipped", and those whose customer was
 * sent a change notice to "told". Answers the links with their counts and the nodes with the
 * feedback reaching them (sources: leaving them), with theme labels.
 */
export async function loopFlowRows(
  manager: EntityManager,
  range: OverviewRange,
  topThemes: number,
): Promise<FlowRow[]> {
  const rows: Record<string, unknown>[] = await manager.query(
    `WITH lineage AS (
       SELECT al.feedback_id,
              bool_or(a.shipped_at IS NOT NULL OR al.noticed_at IS NOT NULL) AS shipped,
              bool_or(al.noticed_at IS NOT NULL) AS told
       FROM action_lineage al JOIN actions a ON a.id = al.action_id
       WHERE al.occurred_at >= $1 AND al.occurred_at < $2
       GROUP BY al.feedback_id),
     items AS (
       SELECT f.source, f.theme_id, l.feedback_id IS NOT NULL AS actioned,
              COALESCE(l.shipped, false) AS shipped, COALESCE(l.told, false) AS told
       FROM feedback f LEFT JOIN lineage l ON l.feedback_id = f.id
       WHERE f.occurred_at >= $1 AND f.occurred_at < $2),
     ranked AS (
       SELECT theme_id, row_number() OVER (ORDER BY count(*) DESC, theme_id) AS rank
       FROM items WHERE theme_id IS NOT NULL GROUP BY theme_id),
     g AS (
       SELECT 'source:' || i.source AS src,
              CASE WHEN i.theme_id IS NULL THEN 'theme:none'
                   WHEN r.rank <= $3 THEN 'theme:' || i.theme_id
                   ELSE 'theme:other' END AS theme,
              i.actioned, i.shipped, i.told, count(*)::int AS n
       FROM items i LEFT JOIN ranked r ON r.theme_id = i.theme_id
       GROUP BY 1, 2, 3, 4, 5),
     links AS (
       SELECT src AS source, theme AS target, sum(n)::int AS count FROM g GROUP BY 1, 2
       UNION ALL
       SELECT theme, CASE WHEN actioned THEN 'action:yes' ELSE 'action:no' END, sum(n)::int
       FROM g GROUP BY 1, 2
       UNION ALL
       SELECT 'action:yes', 'shipped', sum(n)::int FROM g WHERE actioned AND shipped HAVING sum(n) > 0
       UNION ALL
       SELECT 'shipped', 'told', sum(n)::int FROM g WHERE actioned AND shipped AND told HAVING sum(n) > 0),
     nodes AS (
       SELECT target AS id, sum(count)::int AS count FROM links GROUP BY 1
       UNION ALL
       SELECT source, sum(count)::int FROM links WHERE source LIKE 'source:%' GROUP BY 1)
     SELECT 'link' AS row, source, target, count, NULL AS theme_label FROM links
     UNION ALL
     SELECT 'node', n.id, NULL, n.count, t.label
     FROM nodes n LEFT JOIN themes t ON n.id = 'theme:' || t.id`,
    [range.from, range.to, topThemes],
  );
  return rows.map((r) => ({
    row: r['row'] as 'link' | 'node',
    source: r['source'] as string,
    target: (r['target'] as string | null) ?? null,
    count: Number(r['count']),
    themeLabel: (r['theme_label'] as string | null) ?? null,
  }));
}

export interface ExperienceRow {
  readonly source: string;
  readonly journeyStage: string;
  readonly volume: number;
  readonly meanSentiment: number | null;
}

/** Feedback per source and journey stage in the range, with its mean sentiment. */
export async function experienceRows(
  manager: EntityManager,
  range: OverviewRange,
): Promise<ExperienceRow[]> {
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT source, journey_stage, count(*)::int AS volume, avg(sentiment)::float8 AS mean
     FROM feedback
     WHERE occurred_at >= $1 AND occurred_at < $2 AND journey_stage IS NOT NULL
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [range.from, range.to],
  );
  return rows.map((r) => ({
    source: r['source'] as string,
    journeyStage: r['journey_stage'] as string,
    volume: Number(r['volume']),
    meanSentiment: r['mean'] === null ? null : Number(r['mean']),
  }));
}

export interface SatisfactionRow {
  readonly week: string;
  readonly npsResponses: number;
  readonly nps: number | null;
  readonly csatResponses: number;
  readonly csat: number | null;
  readonly sentimentItems: number;
  readonly meanSentiment: number | null;
}

/**
 * Per ISO week (Monday, UTC) of when the customer spoke: NPS (% promoters, 9–10, minus %
 * detractors, 0–6, of the NPS responses), CSAT (share of CSAT responses scoring 4–5) and the
 * mean sentiment of the items that have one. Only weeks with feedback.
 */
export async function satisfactionRows(
  manager: EntityManager,
  range: OverviewRange,
): Promise<SatisfactionRow[]> {
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT to_char(date_trunc('week', occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
            count(*) FILTER (WHERE metric = 'NPS' AND score IS NOT NULL)::int AS nps_n,
            (100.0 * (count(*) FILTER (WHERE metric = 'NPS' AND score >= 9)
                    - count(*) FILTER (WHERE metric = 'NPS' AND score <= 6))
              / NULLIF(count(*) FILTER (WHERE metric = 'NPS' AND score IS NOT NULL), 0))::float8 AS nps,
            count(*) FILTER (WHERE metric = 'CSAT' AND score IS NOT NULL)::int AS csat_n,
            (count(*) FILTER (WHERE metric = 'CSAT' AND score >= 4)::float8
              / NULLIF(count(*) FILTER (WHERE metric = 'CSAT' AND score IS NOT NULL), 0)) AS csat,
            count(sentiment)::int AS sentiment_n, avg(sentiment)::float8 AS sentiment
     FROM feedback
     WHERE occurred_at >= $1 AND occurred_at < $2
     GROUP BY 1 ORDER BY 1`,
    [range.from, range.to],
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    week: r['week'] as string,
    npsResponses: Number(r['nps_n']),
    nps: num(r['nps']),
    csatResponses: Number(r['csat_n']),
    csat: num(r['csat']),
    sentimentItems: Number(r['sentiment_n']),
    meanSentiment: num(r['sentiment']),
  }));
}
