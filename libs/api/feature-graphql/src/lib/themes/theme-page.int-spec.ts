import { InMemoryMessageBus } from '@closedloop/messaging';
import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { rebuildDailyStats } from '@closedloop/themes-data-access';
import { DataSource } from 'typeorm';
import {
  createTestSession,
  postGraphql,
  startTestApi,
  type GraphqlResponse,
  type TestApi,
} from '../../test-support/start-test-api';

interface Stats {
  averageSentiment: number | null;
  nps: number | null;
  sources: { source: string; volume: number }[];
  recentVolume: number[];
}

describe('theme list figures, quotes by polarity and why-in-theme on a real PostgreSQL', () => {
  let db: TestDatabase;
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db.url, () => new InMemoryMessageBus());
    token = await createTestSession(db.dataSource);
    // Twelve themes; 'tp-01' is emerging. Theme tp-i has i items spread over its last i days.
    await db.dataSource.query(
      `INSERT INTO themes (id, space, label, label_source, status, size, key_phrases, emerging_since)
       SELECT 'tp-' || lpad(i::text, 2, '0'), 'default', 'Checkout trouble ' || i, 'machine', 'active', i,
              '["checkout error"]'::jsonb, CASE WHEN i = 1 THEN now() END
       FROM generate_series(1, 12) AS i`,
    );
    await db.dataSource.query(
      `INSERT INTO feedback (id, event_key, source, occurred_at, received_at, text, metric, score, score_band,
                             sentiment, sentiment_label, journey_stage, theme_id, theme_similarity, theme_reason)
       SELECT md5('tp' || t || '-' || j)::uuid, 'tp:' || t || ':' || j,
              CASE WHEN j % 3 = 0 THEN 'social' ELSE 'survey' END,
              date_trunc('day', now()) - (j - 1) * interval '1 day' + interval '1 hour',
              now(), 'Checkout fails at payment, try ' || j, 'NPS', CASE WHEN j % 2 = 0 THEN 9 ELSE 2 END,
              CASE WHEN j % 2 = 0 THEN 'promoter' ELSE 'detractor' END,
              CASE WHEN j % 2 = 0 THEN 0.6 ELSE -0.5 END,
              CASE WHEN j % 2 = 0 THEN 'positive' ELSE 'negative' END, 'buy',
              'tp-' || lpad(t::text, 2, '0'), 0.5 + j / 100.0,
              jsonb_build_object('kind', 'matched-theme', 'sharedTerms', jsonb_build_array('checkout'),
                                 'similarity', 0.5 + j / 100.0, 'threshold', 0.42)
       FROM generate_series(1, 12) AS t, generate_series(1, t) AS j`,
    );
    await db.dataSource.transaction((manager) =>
      rebuildDailyStats(
        manager,
        Array.from({ length: 12 }, (_, i) => `tp-${String(i + 1).padStart(2, '0')}`),
      ),
    );
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const data = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response: GraphqlResponse<T> = await postGraphql<T>(api, token, query, variables);
    expect(response.errors).toBeUndefined();
    return response.data as T;
  };

  it('gives each theme on a page its figures from two statements in all', async () => {
    const dataSource = api.app.get(DataSource);
    const spy = jest.spyOn(dataSource, 'query');
    try {
      const page = await data<{
        themes: { edges: { node: { id: string; volume: number; stats: Stats } }[] };
      }>(
        `{ themes(first: 12, filter: { search: "checkout" }) {
            edges { node { id volume stats { averageSentiment nps sources { source volume } recentVolume } } } } }`,
      );
      const dailyStatements = spy.mock.calls.filter(([sql]) =>
        String(sql).includes('theme_daily_stats'),
      );
      expect(dailyStatements).toHaveLength(2);
      const nodes = page.themes.edges.map((e) => e.node);
      expect(nodes).toHaveLength(12);
      const twelve = nodes.find((n) => n.id === 'tp-12');
      // Items 1..12, one a day: even ones positive promoters, odd ones negative detractors.
      expect(twelve?.stats.averageSentiment).toBeCloseTo(0.05, 3);
      expect(twelve?.stats.nps).toBe(0);
      expect(twelve?.stats.sources).toEqual([
        { source: 'survey', volume: 8 },
        { source: 'social', volume: 4 },
      ]);
      expect(twelve?.stats.recentVolume).toHaveLength(30);
      expect(twelve?.stats.recentVolume.slice(-12)).toEqual(new Array(12).fill(1));
      expect(twelve?.stats.recentVolume.slice(0, 18)).toEqual(new Array(18).fill(0));
      const one = nodes.find((n) => n.id === 'tp-01');
      expect(one?.stats).toEqual({
        averageSentiment: -0.5,
        nps: -100,
        sources: [{ source: 'survey', volume: 1 }],
        recentVolume: [...new Array(29).fill(0), 1],
      });
    } finally {
      spy.mockRestore();
    }
  });

  it('filters emerging themes', async () => {
    const emerging = await data<{ themes: { edges: { node: { id: string } }[] } }>(
      '{ themes(first: 50, filter: { emerging: true }) { edges { node { id } } } }',
    );
    expect(emerging.themes.edges.map((e) => e.node.id)).toEqual(['tp-01']);
    const calm = await data<{ themes: { edges: { node: { id: string } }[] } }>(
      '{ themes(first: 50, filter: { emerging: false, search: "checkout" }) { edges { node { id } } } }',
    );
    expect(calm.themes.edges.map((e) => e.node.id)).not.toContain('tp-01');
    expect(calm.themes.edges).toHaveLength(11);
  });

  it('answers complaints and praise separately, closest first, with sentiment and date', async () => {
    const result = await data<{
      theme: {
        negative: {
          feedbackId: string;
          text: string;
          sentimentLabel: string;
          occurredAt: string;
        }[];
        positive: { text: string; sentiment: number; similarity: number; source: string }[];
      };
    }>(
      `{ theme(id: "tp-05") {
          negative: quotes(count: 2, polarity: NEGATIVE) { feedbackId text sentimentLabel occurredAt }
          positive: quotes(count: 5, polarity: POSITIVE) { text sentiment similarity source }
      } }`,
    );
    expect(result.theme.negative.map((q) => q.text)).toEqual([
      'Checkout fails at payment, try 5',
      'Checkout fails at payment, try 3',
    ]);
    expect(result.theme.negative.every((q) => q.sentimentLabel === 'negative')).toBe(true);
    expect(Date.parse(result.theme.negative[0]?.occurredAt ?? '')).not.toBeNaN();
    expect(result.theme.positive).toEqual([
      {
        text: 'Checkout fails at payment, try 4',
        sentiment: 0.6,
        similarity: 0.54,
        source: 'survey',
      },
      {
        text: 'Checkout fails at payment, try 2',
        sentiment: 0.6,
        similarity: 0.52,
        source: 'survey',
      },
    ]);
  });

  it('says why each item is in its theme', async () => {
    const result = await data<{
      theme: { feedback: { text: string; themeReason: Record<string, unknown> | null }[] };
    }>(
      `{ theme(id: "tp-02") { feedback(first: 5) {
          text themeReason { kind sharedTerms similarity threshold nearestThemeId } } } }`,
    );
    expect(result.theme.feedback[0]).toEqual({
      text: 'Checkout fails at payment, try 1',
      themeReason: {
        kind: 'matched-theme',
        sharedTerms: ['checkout'],
        similarity: 0.51,
        threshold: 0.42,
        nearestThemeId: null,
      },
    });
  });
});
