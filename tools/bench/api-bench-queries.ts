import type { Client } from 'pg';

/** One benchmarked GraphQL operation. `variables` may look ids up in the seeded database. */
export interface BenchQuery {
  readonly name: string;
  readonly query: string;
  readonly variables?: (db: Client) => Promise<Record<string, unknown>>;
}

const THEME_FIELDS = 'id label status volume negativeShare lastFeedbackAt keyPhrases';
const FEEDBACK_FIELDS =
  'id receivedAt occurredAt source text score scoreBand sentimentLabel journeyStage themeId customer { id name }';

/** The largest active theme of the seed, for filtered lists. */
const bigTheme = async (db: Client) =>
  (
    await db.query(
      `SELECT t.id FROM themes t JOIN theme_totals tt ON tt.theme_id = t.id
       WHERE t.status = 'active' ORDER BY tt.volume DESC LIMIT 1`,
    )
  ).rows[0]?.id as string;

/** The day the seed's data ends on (seed:perf --day, default). */
const SEED_DAY = process.env['BENCH_SEED_DAY'] ?? '2026-11-30';
const LOOP_FIELDS =
  'feedback actioned actionedShare told toldShare medianHoursToAction medianHoursToShip medianHoursToNotice openLoops { age count }';
const IMPACT_SIDE =
  'volume weeklyVolume meanSentiment negativeShare nps npsCustomers weeks { offset start volume meanSentiment }';
const IMPACT_SIDES = `before { ${IMPACT_SIDE} } after { ${IMPACT_SIDE} }`;

const daysUpTo = (day: string, days: number) => {
  const to = new Date(`${day}T00:00:00Z`);
  return { from: new Date(to.getTime() - days * 86_400_000).toISOString(), to: to.toISOString() };
};
const yearUpTo = (day: string) => daysUpTo(day, 364);

/** The shipped action with the most actioned feedback. */
const bigShippedAction = async (db: Client) =>
  (
    await db.query(
      `SELECT a.id FROM actions a JOIN action_lineage l ON l.action_id = a.id
       WHERE a.shipped_at IS NOT NULL GROUP BY a.id ORDER BY count(*) DESC LIMIT 1`,
    )
  ).rows[0]?.id as string;

/**
 * What bench:api measures, one line per operation: add a line to add one. The loop summary and
 * an action's impact join here once they exist (see docs/benchmarks.md).
 */
export const BENCH_QUERIES: readonly BenchQuery[] = [
  {
    name: 'theme list (50, by volume, totalCount)',
    query: `{ themes(first: 50, sort: VOLUME) { edges { cursor node { ${THEME_FIELDS} } } pageInfo { hasNextPage endCursor } totalCount } }`,
  },
  {
    name: 'theme list (50, by volume)',
    query: `{ themes(first: 50, sort: VOLUME) { edges { cursor node { ${THEME_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
  },
  {
    name: 'theme list (50, by negative share, min volume 100)',
    query: `{ themes(first: 50, sort: NEGATIVE_SHARE, filter: { minVolume: 100 }) { edges { node { ${THEME_FIELDS} } } pageInfo { endCursor } } }`,
  },
  {
    name: 'theme list (50, recent, search "login")',
    query: `{ themes(first: 50, sort: RECENT, filter: { search: "login" }) { edges { node { ${THEME_FIELDS} } } totalCount } }`,
  },
  {
    name: 'feedback list (50, newest)',
    query: `{ feedbackItems(first: 50) { edges { cursor node { ${FEEDBACK_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
  },
  {
    name: 'feedback list (50, second page via cursor)',
    query: `query($after: String) { feedbackItems(first: 50, after: $after) { edges { node { ${FEEDBACK_FIELDS} } } pageInfo { endCursor } } }`,
    variables: async (db) => {
      const row = (
        await db.query(
          `SELECT to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS key, id
           FROM feedback ORDER BY received_at DESC, id DESC OFFSET 49 LIMIT 1`,
        )
      ).rows[0] as { key: string; id: string };
      return { after: Buffer.from(JSON.stringify([row.key, row.id])).toString('base64url') };
    },
  },
  {
    name: 'feedback list (50, largest theme, totalCount)',
    query: `query($themeId: ID) { feedbackItems(first: 50, filter: { themeId: $themeId }) { edges { node { ${FEEDBACK_FIELDS} } } totalCount } }`,
    variables: async (db) => ({ themeId: await bigTheme(db) }),
  },
  {
    name: 'feedback list (50, social + negative)',
    query: `{ feedbackItems(first: 50, filter: { source: SOCIAL, sentimentLabel: NEGATIVE }) { edges { node { ${FEEDBACK_FIELDS} } } } }`,
  },
  {
    name: 'feedback list (50, text search "refund")',
    query: `{ feedbackItems(first: 50, filter: { search: "refund" }) { edges { node { ${FEEDBACK_FIELDS} } } } }`,
  },
  {
    name: 'customers (50, search "customer-12")',
    query: `{ customers(first: 50, filter: { search: "customer-12" }) { edges { node { id email name feedbackCount } } } }`,
  },
  {
    name: 'loop summary (year: overall + weekly)',
    query: `query($f: LoopFilterInput!) { loopMeasures(filter: $f) { overall { ${LOOP_FIELDS} } weekly { key ${LOOP_FIELDS} } } }`,
    variables: async () => ({ f: yearUpTo(SEED_DAY) }),
  },
  {
    name: 'loop summary (90 days, one source)',
    query: `query($f: LoopFilterInput!) { loopMeasures(filter: $f) { overall { ${LOOP_FIELDS} } weekly { key ${LOOP_FIELDS} } } }`,
    variables: async () => ({ f: { ...daysUpTo(SEED_DAY, 90), source: 'survey' } }),
  },
  {
    name: 'action impact (largest shipped action, 8 weeks)',
    query: `query($id: ID!) { actionImpact(actionId: $id, windowWeeks: 8) { shipDay windowWeeks ${IMPACT_SIDES} } }`,
    variables: async (db) => ({ id: await bigShippedAction(db) }),
  },
  {
    name: 'overview: loop flow (90 days, 6 themes)',
    query: `query($r: OverviewRangeInput!) { loopFlow(range: $r, themes: 6) { total nodes { id kind label count } links { source target count } } }`,
    variables: async () => ({ r: daysUpTo(SEED_DAY, 90) }),
  },
  {
    name: 'overview: NPS, CSAT, sentiment by week (90 days)',
    query: `query($r: OverviewRangeInput!) { satisfactionTrend(range: $r) { week npsResponses nps csatResponses csat sentimentItems meanSentiment } }`,
    variables: async () => ({ r: daysUpTo(SEED_DAY, 90) }),
  },
  {
    name: 'experience map (90 days)',
    query: `query($r: OverviewRangeInput!) { experienceMap(range: $r) { source journeyStage volume meanSentiment } }`,
    variables: async () => ({ r: daysUpTo(SEED_DAY, 90) }),
  },
];
