/**
 * The overview's queries on a real PostgreSQL (`npm run stack:up`), on a small data set whose
 * answers are worked out by hand below.
 */
import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { OverviewService } from './overview.service';

interface Item {
  readonly name: string;
  readonly source: 'survey' | 'social' | 'crm' | 'staff';
  readonly theme: string | null;
  readonly stage: string | null;
  readonly at: string;
  readonly sentiment: number | null;
  readonly metric: 'NPS' | 'CSAT' | null;
  readonly score: number | null;
}

/*
 * June 2026 (weeks from Monday 06-01, 06-08, 06-15), 10:00 UTC; f0 is in May, outside the range.
 *   T1: f1 survey onboard −0.5 NPS 2 · f2 survey onboard −0.3 NPS 10 · f3 crm use 0.2 · f4 social use 0.6
 *   T2: f5 survey support −0.6 CSAT 5 · f6 survey support 0.4 CSAT 2 · f7 staff support (no sentiment)
 *   T3: f8 survey use 0.1 NPS 8 · f9 social use −0.2          T4: f10 survey buy 0.3 CSAT 4
 *   no theme: f11 survey (no stage) 0 NPS 9 · f12 crm support −1
 * Action A (shipped): f0, f1, f2, f3; customers of f1 and f3 told. Action B (not shipped): f1, f5.
 * Action C (shipped): f8, nobody told.
 */
const ITEMS: Item[] = [
  {
    name: 'f0',
    source: 'survey',
    theme: 'T1',
    stage: 'onboard',
    at: '05-20',
    sentiment: 0.9,
    metric: 'NPS',
    score: 10,
  },
  {
    name: 'f1',
    source: 'survey',
    theme: 'T1',
    stage: 'onboard',
    at: '06-01',
    sentiment: -0.5,
    metric: 'NPS',
    score: 2,
  },
  {
    name: 'f2',
    source: 'survey',
    theme: 'T1',
    stage: 'onboard',
    at: '06-02',
    sentiment: -0.3,
    metric: 'NPS',
    score: 10,
  },
  {
    name: 'f3',
    source: 'crm',
    theme: 'T1',
    stage: 'use',
    at: '06-09',
    sentiment: 0.2,
    metric: null,
    score: null,
  },
  {
    name: 'f4',
    source: 'social',
    theme: 'T1',
    stage: 'use',
    at: '06-10',
    sentiment: 0.6,
    metric: null,
    score: null,
  },
  {
    name: 'f5',
    source: 'survey',
    theme: 'T2',
    stage: 'support',
    at: '06-03',
    sentiment: -0.6,
    metric: 'CSAT',
    score: 5,
  },
  {
    name: 'f6',
    source: 'survey',
    theme: 'T2',
    stage: 'support',
    at: '06-09',
    sentiment: 0.4,
    metric: 'CSAT',
    score: 2,
  },
  {
    name: 'f7',
    source: 'staff',
    theme: 'T2',
    stage: 'support',
    at: '06-10',
    sentiment: null,
    metric: null,
    score: null,
  },
  {
    name: 'f8',
    source: 'survey',
    theme: 'T3',
    stage: 'use',
    at: '06-11',
    sentiment: 0.1,
    metric: 'NPS',
    score: 8,
  },
  {
    name: 'f9',
    source: 'social',
    theme: 'T3',
    stage: 'use',
    at: '06-16',
    sentiment: -0.2,
    metric: null,
    score: null,
  },
  {
    name: 'f10',
    source: 'survey',
    theme: 'T4',
    stage: 'buy',
    at: '06-17',
    sentiment: 0.3,
    metric: 'CSAT',
    score: 4,
  },
  {
    name: 'f11',
    source: 'survey',
    theme: null,
    stage: null,
    at: '06-17',
    sentiment: 0,
    metric: 'NPS',
    score: 9,
  },
  {
    name: 'f12',
    source: 'crm',
    theme: null,
    stage: 'support',
    at: '06-18',
    sentiment: -1,
    metric: null,
    score: null,
  },
];

const JUNE = { from: new Date('2026-06-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z') };

describe('overview queries on PostgreSQL', () => {
  let db: TestDatabase;
  let overview: OverviewService;
  const theme: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    overview = new OverviewService(db.dataSource);
    const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);
    for (const name of ['T1', 'T2', 'T3', 'T4']) {
      theme[name] = `theme-${randomUUID()}`;
      await q(
        `INSERT INTO themes (id, space, label, label_source, status) VALUES ($1, 'default', $2, 'manual', 'active')`,
        [theme[name], `label ${name}`],
      );
    }
    const item: Record<string, { id: string; at: Date; source: string; theme: string | null }> = {};
    for (const f of ITEMS) {
      const id = randomUUID();
      const at = new Date(`2026-${f.at}T10:00:00Z`);
      const themeId = f.theme ? (theme[f.theme] ?? null) : null;
      item[f.name] = { id, at, source: f.source, theme: themeId };
      await q(
        `INSERT INTO feedback (id, event_key, source, occurred_at, received_at, text, metric, score, sentiment, journey_stage, theme_id)
         VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10)`,
        [
          id,
          `${f.source}:${id}`,
          f.source,
          at,
          `feedback ${f.name}`,
          f.metric,
          f.score,
          f.sentiment,
          f.stage,
          themeId,
        ],
      );
    }
    const action = async (shipped: boolean, lineage: [string, boolean][]) => {
      const id = randomUUID();
      await q(
        `INSERT INTO actions (id, title, status, shipped_at) VALUES ($1, 'an action', $2, $3)`,
        [
          id,
          shipped ? 'shipped' : 'in_progress',
          shipped ? new Date('2026-06-20T10:00:00Z') : null,
        ],
      );
      for (const [name, told] of lineage) {
        const f = item[name];
        if (!f) throw new Error(name);
        await q(
          `INSERT INTO action_lineage (action_id, feedback_id, theme_id, source, occurred_at, actioned_at, noticed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            id,
            f.id,
            f.theme,
            f.source,
            f.at,
            new Date('2026-06-12T10:00:00Z'),
            told ? new Date('2026-06-25T10:00:00Z') : null,
          ],
        );
      }
    };
    await action(true, [
      ['f0', true],
      ['f1', true],
      ['f2', false],
      ['f3', true],
    ]);
    await action(false, [
      ['f1', false],
      ['f5', false],
    ]);
    await action(true, [['f8', false]]);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('follows the feedback of a range from sources through themes and actions to customers told', async () => {
    const flow = await overview.loopFlow(JUNE, 2);
    const [t1, t2] = [`theme:${theme['T1']}`, `theme:${theme['T2']}`];
    expect(flow.total).toBe(12);
    expect(flow.nodes.map((n) => [n.id, n.label, n.count])).toEqual([
      ['source:survey', 'Survey', 7],
      ['source:crm', 'CRM', 2],
      ['source:social', 'Social', 2],
      ['source:staff', 'Staff', 1],
      [t1, 'label T1', 4],
      [t2, 'label T2', 3],
      ['theme:other', 'Other themes', 3],
      ['theme:none', 'Not yet in a theme', 2],
      ['action:yes', 'Has an action', 5],
      ['action:no', 'No action yet', 7],
      ['shipped', 'Shipped', 4],
      ['told', 'Customers told', 2],
    ]);
    const links = flow.links
      .map((l) => `${l.source} > ${l.target} ${l.count}`)
      .sort()
      .join('\n');
    expect(links).toBe(
      [
        `action:yes > shipped 4`,
        `shipped > told 2`,
        `source:crm > ${t1} 1`,
        `source:crm > theme:none 1`,
        `source:social > ${t1} 1`,
        `source:social > theme:other 1`,
        `source:staff > ${t2} 1`,
        `source:survey > ${t1} 2`,
        `source:survey > ${t2} 2`,
        `source:survey > theme:none 1`,
        `source:survey > theme:other 2`,
        `${t1} > action:no 1`,
        `${t1} > action:yes 3`,
        `${t2} > action:no 2`,
        `${t2} > action:yes 1`,
        `theme:none > action:no 2`,
        `theme:other > action:no 2`,
        `theme:other > action:yes 1`,
      ]
        .sort()
        .join('\n'),
    );
  });

  it('names fewer themes when asked, and is empty for a range without feedback', async () => {
    const one = await overview.loopFlow(JUNE, 1);
    expect(one.nodes.find((n) => n.id === 'theme:other')?.count).toBe(6);
    expect(one.nodes.filter((n) => n.kind === 'theme').map((n) => n.id)).toEqual([
      `theme:${theme['T1']}`,
      'theme:other',
      'theme:none',
    ]);
    const may = await overview.loopFlow(
      { from: new Date('2026-05-20T00:00:00Z'), to: new Date('2026-05-21T00:00:00Z') },
      6,
    );
    expect(may.total).toBe(1);
    expect(may.nodes.map((n) => [n.id, n.count])).toEqual([
      ['source:survey', 1],
      [`theme:${theme['T1']}`, 1],
      ['action:yes', 1],
      ['shipped', 1],
      ['told', 1],
    ]);
    const empty = await overview.loopFlow(
      { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-02-01T00:00:00Z') },
      6,
    );
    expect(empty).toEqual({ total: 0, nodes: [], links: [] });
  });

  it('maps volume and mean sentiment per source and journey stage', async () => {
    const cells = await overview.experienceMap(JUNE);
    expect(cells.map((c) => [c.source, c.journeyStage, c.volume])).toEqual([
      ['crm', 'support', 1],
      ['crm', 'use', 1],
      ['social', 'use', 2],
      ['staff', 'support', 1],
      ['survey', 'buy', 1],
      ['survey', 'onboard', 2],
      ['survey', 'support', 2],
      ['survey', 'use', 1],
    ]);
    const mean = Object.fromEntries(
      cells.map((c) => [`${c.source}/${c.journeyStage}`, c.meanSentiment]),
    );
    expect(mean['crm/support']).toBeCloseTo(-1, 5);
    expect(mean['social/use']).toBeCloseTo(0.2, 5);
    expect(mean['staff/support']).toBeNull();
    expect(mean['survey/onboard']).toBeCloseTo(-0.4, 5);
    expect(mean['survey/support']).toBeCloseTo(-0.1, 5);
  });

  it('gives NPS, CSAT and mean sentiment per week', async () => {
    const weeks = await overview.satisfactionTrend(JUNE);
    expect(
      weeks.map((w) => [w.week, w.npsResponses, w.nps, w.csatResponses, w.csat, w.sentimentItems]),
    ).toEqual([
      ['2026-06-01', 2, 0, 1, 1, 3],
      ['2026-06-08', 1, 0, 1, 0, 4],
      ['2026-06-15', 1, 100, 1, 1, 4],
    ]);
    expect(weeks.map((w) => w.meanSentiment)).toEqual([
      expect.closeTo(-1.4 / 3, 5),
      expect.closeTo(0.325, 5),
      expect.closeTo(-0.225, 5),
    ]);
    const may = await overview.satisfactionTrend({
      from: new Date('2026-05-01T00:00:00Z'),
      to: new Date('2026-06-01T00:00:00Z'),
    });
    expect(may.map((w) => [w.week, w.nps, w.csat])).toEqual([['2026-05-18', 100, null]]);
  });

  it('refuses an empty, reversed or too long range and too many themes', async () => {
    const code = (work: Promise<unknown>) =>
      work.then(
        () => null,
        (e: unknown) => (e instanceof GraphQLError ? e.extensions['field'] : e),
      );
    expect(await code(overview.experienceMap({ from: JUNE.to, to: JUNE.from }))).toBe('range.to');
    expect(
      await code(
        overview.satisfactionTrend({ from: new Date('2024-01-01'), to: new Date('2026-06-01') }),
      ),
    ).toBe('range.to');
    expect(await code(overview.loopFlow(JUNE, 13))).toBe('themes');
  });
});
