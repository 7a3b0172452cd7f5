import { InMemoryMessageBus } from '@closedloop/messaging';
import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { addDailyStats, rebuildDailyStats } from '@closedloop/themes-data-access';
import {
  createTestSession,
  postGraphql,
  startTestApi,
  type GraphqlResponse,
  type TestApi,
} from '../../test-support/start-test-api';

const ADA = '00000000-0000-4000-8000-00000000000a';
const GRACE = '00000000-0000-4000-8000-00000000000b';

interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

describe('paginated lists on a real PostgreSQL', () => {
  let db: TestDatabase;
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db.url, () => new InMemoryMessageBus());
    token = await createTestSession(db.dataSource);
    await db.dataSource.query(
      `INSERT INTO customers (id, email, name, created_at) VALUES
         ($1, 'ada@example.com', 'Ada Lovelace', '2026-10-01T00:00:00.000001Z'),
         ($2, 'grace@example.org', 'Grace Hopper', '2026-10-01T00:00:00.000001Z')`,
      [ADA, GRACE],
    );
    // 130 items, three at each instant (microseconds included) so pages must break ties by id.
    await db.dataSource.query(
      `INSERT INTO feedback (id, event_key, source, customer_id, occurred_at, received_at, text, score_band,
                             language, sentiment, sentiment_label, journey_stage, theme_id)
       SELECT md5('fb' || i)::uuid, 'test:' || i, (ARRAY['survey','social','crm','staff'])[i % 4 + 1],
              CASE i % 3 WHEN 0 THEN $1::uuid WHEN 1 THEN $2::uuid END,
              '2026-10-31T10:00:00.000001Z'::timestamptz + (i % 7) * interval '1 hour',
              '2026-11-01T10:00:00.000001Z'::timestamptz + (i / 3) * interval '1 minute' + interval '0.000002 s',
              CASE WHEN i % 10 = 0 THEN 'The login page is broken again' ELSE 'Great service, item ' || i END,
              (ARRAY['promoter','passive','detractor'])[i % 3 + 1],
              CASE WHEN i % 6 = 0 THEN 'de' ELSE 'en' END,
              CASE WHEN i % 5 = 0 THEN -0.6 ELSE 0.4 END,
              CASE WHEN i % 5 = 0 THEN 'negative' ELSE 'positive' END,
              (ARRAY['buy','use','support','renew'])[i % 4 + 1],
              CASE WHEN i % 2 = 0 THEN 'theme-even' WHEN i % 7 = 0 THEN 'theme-seven' END
       FROM generate_series(1, 130) AS i`,
      [ADA, GRACE],
    );
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const gql = <T>(query: string, variables: Record<string, unknown> = {}) =>
    postGraphql<T>(api, token, query, variables);
  const data = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response: GraphqlResponse<T> = await gql<T>(query, variables);
    expect(response.errors).toBeUndefined();
    return response.data as T;
  };
  const ids = async (sql: string, params: unknown[] = []) =>
    ((await db.dataSource.query(sql, params)) as { id: string }[]).map((r) => r.id);

  /** Reads every page of a list, checking each page's size and cursor. */
  async function readAll<T extends { id: string }>(
    pageOf: (after: string | null) => Promise<Page<T>>,
    size: number,
  ): Promise<{ ids: string[]; totalCount: number; pages: number }> {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    let totalCount = -1;
    for (;;) {
      const page: Page<T> = await pageOf(after);
      pages += 1;
      totalCount = page.totalCount;
      expect(page.edges.length).toBeLessThanOrEqual(size);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(size);
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]?.cursor);
      after = page.pageInfo.endCursor;
      if (pages > 100) throw new Error('paging does not end');
    }
    return { ids: seen, totalCount, pages };
  }

  const FEEDBACK_PAGE = `query($first: Int!, $after: String, $filter: FeedbackFilterInput) {
    feedbackItems(first: $first, after: $after, filter: $filter) {
      edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount
    }
  }`;
  const feedbackPages = (filter: Record<string, unknown> | null, size: number) =>
    readAll(
      async (after) =>
        (
          await data<{ feedbackItems: Page<{ id: string }> }>(FEEDBACK_PAGE, {
            first: size,
            after,
            filter,
          })
        ).feedbackItems,
      size,
    );

  it('pages through all feedback newest received first, without skips or repeats across tied instants', async () => {
    const expected = await ids('SELECT id FROM feedback ORDER BY received_at DESC, id DESC');
    const all = await feedbackPages(null, 7);
    expect(all.ids).toEqual(expected);
    expect(new Set(all.ids).size).toBe(130);
    expect(all.totalCount).toBe(130);
    expect(all.pages).toBe(Math.ceil(130 / 7));
  });

  it.each([
    ['source', { source: 'CRM' }, "source = 'crm'"],
    ['theme', { themeId: 'theme-seven' }, "theme_id = 'theme-seven'"],
    ['customer', { customerId: ADA }, `customer_id = '${ADA}'`],
    ['sentiment', { sentimentLabel: 'NEGATIVE' }, "sentiment_label = 'negative'"],
    ['score band', { scoreBand: 'detractor' }, "score_band = 'detractor'"],
    ['language', { language: 'de' }, "language = 'de'"],
    ['journey stage', { journeyStage: 'SUPPORT' }, "journey_stage = 'support'"],
    [
      'occurred range',
      { occurredFrom: '2026-10-31T12:00:00Z', occurredTo: '2026-10-31T14:00:00Z' },
      "occurred_at >= '2026-10-31T12:00:00Z' AND occurred_at < '2026-10-31T14:00:00Z'",
    ],
    ['text search', { search: 'LOGIN broken' }, "text LIKE '%login page is broken%'"],
    [
      'several at once',
      { source: 'SURVEY', themeId: 'theme-even', sentimentLabel: 'POSITIVE' },
      "source = 'survey' AND theme_id = 'theme-even' AND sentiment_label = 'positive'",
    ],
  ])('filters by %s, over pages, with the filtered totalCount', async (_, filter, where) => {
    const expected = await ids(
      `SELECT id FROM feedback WHERE ${where} ORDER BY received_at DESC, id DESC`,
    );
    expect(expected.length).toBeGreaterThan(0);
    const all = await feedbackPages(filter, 4);
    expect(all.ids).toEqual(expected);
    expect(all.totalCount).toBe(expected.length);
  });

  it('refuses a malformed cursor or page size as BAD_USER_INPUT naming the field', async () => {
    const notOurs = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    for (const after of ['garbage', notOurs]) {
      const response = await gql(FEEDBACK_PAGE, { first: 5, after });
      expect(response.errors?.[0]?.extensions).toEqual(
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
      );
    }
    const tooMany = await gql(FEEDBACK_PAGE, { first: 201 });
    expect(tooMany.errors?.[0]?.extensions).toEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }),
    );
    const themes = await gql('{ themes(after: "garbage") { totalCount } }');
    expect(themes.errors?.[0]?.extensions).toEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
    );
  });

  describe('themes', () => {
    beforeAll(async () => {
      // 23 themes with running totals; volumes and shares tie in places, one has no feedback yet.
      await db.dataSource.query(
        `INSERT INTO themes (id, space, label, label_source, status, size, key_phrases, created_at)
         SELECT 'th-' || lpad(i::text, 2, '0'), 'default',
                CASE WHEN i % 4 = 0 THEN 'Login trouble ' || i ELSE 'Delivery times ' || i END, 'machine',
                CASE WHEN i % 9 = 0 THEN 'noise' ELSE 'active' END, i % 5,
                CASE WHEN i % 3 = 0 THEN '["refund request"]'::jsonb ELSE '["late parcel"]'::jsonb END,
                '2026-10-01T00:00:00.000001Z'::timestamptz + i * interval '1 hour'
         FROM generate_series(1, 23) AS i`,
      );
      await db.dataSource.query(
        `INSERT INTO theme_totals (theme_id, volume, negative_count, last_feedback_at)
         SELECT 'th-' || lpad(i::text, 2, '0'), (i % 5) * 10, i % 3,
                '2026-11-01T00:00:00.000001Z'::timestamptz + (i % 4) * interval '1 day'
         FROM generate_series(1, 22) AS i`,
      );
      await db.dataSource.query("INSERT INTO theme_totals (theme_id) VALUES ('th-23')");
    });

    const THEME_PAGE = `query($first: Int!, $after: String, $filter: ThemeFilterInput, $sort: ThemeSort) {
      themes(first: $first, after: $after, filter: $filter, sort: $sort) {
        edges { cursor node { id volume negativeShare lastFeedbackAt } }
        pageInfo { hasNextPage endCursor } totalCount
      }
    }`;
    const themePages = (sort: string, filter: Record<string, unknown> | null) =>
      readAll(
        async (after) =>
          (
            await data<{ themes: Page<{ id: string }> }>(THEME_PAGE, {
              first: 4,
              after,
              filter,
              sort,
            })
          ).themes,
        4,
      );
    const FROM =
      "FROM themes t JOIN theme_totals tt ON tt.theme_id = t.id WHERE t.space = 'default'";

    it.each([
      ['VOLUME', 'tt.volume'],
      ['RECENT', "COALESCE(tt.last_feedback_at, 'epoch')"],
      ['NEGATIVE_SHARE', 'tt.negative_count::float8 / GREATEST(tt.volume, 1)'],
    ])('sorts by %s with keyset cursors over ties', async (sort, key) => {
      const expected = await ids(
        `SELECT t.id ${FROM} AND t.status = 'active' ORDER BY ${key} DESC, t.id DESC`,
      );
      const all = await themePages(sort, null);
      expect(all.ids).toEqual(expected);
      expect(all.totalCount).toBe(expected.length);
    });

    it('filters by status, label or key phrase, and minimum volume', async () => {
      const noise = await themePages('VOLUME', { status: 'NOISE' });
      expect(noise.ids.sort()).toEqual(['th-09', 'th-18']);
      const search = await themePages('VOLUME', { search: 'login' });
      expect(search.ids.sort()).toEqual(['th-04', 'th-08', 'th-12', 'th-16', 'th-20']);
      const phrase = await themePages('VOLUME', { search: 'REFUND' });
      expect(phrase.ids.sort()).toEqual(['th-03', 'th-06', 'th-12', 'th-15', 'th-21']);
      const big = await themePages('VOLUME', { minVolume: 30 });
      expect(big.ids).toEqual(
        await ids(
          `SELECT t.id ${FROM} AND t.status = 'active' AND tt.volume >= 30 ORDER BY tt.volume DESC, t.id DESC`,
        ),
      );
      expect(big.totalCount).toBe(big.ids.length);
      const first = await data<{
        themes: Page<{ id: string; volume: number; negativeShare: number }>;
      }>(THEME_PAGE, { first: 1, filter: { search: 'Delivery times 14' } });
      expect(first.themes.edges[0]?.node).toEqual(
        expect.objectContaining({ id: 'th-14', volume: 40, negativeShare: 0.05 }),
      );
    });

    it('keeps the running totals with the daily statistics', async () => {
      await db.dataSource.transaction(async (manager) => {
        await addDailyStats(manager, [
          {
            themeId: 'theme-even',
            occurredAt: '2026-11-02T10:00:00.000Z',
            source: 'survey',
            journeyStage: 'use',
            sentiment: -0.5,
            npsBand: null,
          },
          {
            themeId: 'theme-even',
            occurredAt: '2026-11-03T10:00:00.000Z',
            source: 'crm',
            journeyStage: 'use',
            sentiment: 0.5,
            npsBand: null,
          },
        ]);
      });
      const [added] = await db.dataSource.query(
        "SELECT volume, negative_count, last_feedback_at FROM theme_totals WHERE theme_id = 'theme-even'",
      );
      expect(added).toEqual({
        volume: 2,
        negative_count: 1,
        last_feedback_at: new Date('2026-11-03T10:00:00.000Z'),
      });
      await db.dataSource.transaction((manager) => rebuildDailyStats(manager, ['theme-even']));
      const [rebuilt] = await db.dataSource.query(
        `SELECT volume, negative_count, last_feedback_at = (SELECT max(occurred_at) FROM feedback WHERE theme_id = 'theme-even') AS latest
         FROM theme_totals WHERE theme_id = 'theme-even'`,
      );
      expect(rebuilt).toEqual({ volume: 65, negative_count: 13, latest: true });
      await db.dataSource.transaction((manager) => rebuildDailyStats(manager, ['th-22']));
      const [emptied] = await db.dataSource.query(
        "SELECT volume, negative_count, last_feedback_at FROM theme_totals WHERE theme_id = 'th-22'",
      );
      expect(emptied).toEqual({ volume: 0, negative_count: 0, last_feedback_at: null });
    });
  });

  describe('customers', () => {
    const CUSTOMER_PAGE = `query($first: Int!, $after: String, $filter: CustomerFilterInput) {
      customers(first: $first, after: $after, filter: $filter) {
        edges { cursor node { id email feedbackCount } } pageInfo { hasNextPage endCursor } totalCount
      }
    }`;

    beforeAll(async () => {
      await db.dataSource.query(
        `INSERT INTO customers (id, email, name, created_at)
         SELECT md5('c' || i)::uuid, 'person' || i || '@example.net', 'Person ' || i,
                '2026-09-01T00:00:00.000001Z'::timestamptz + (i / 2) * interval '1 hour'
         FROM generate_series(1, 11) AS i`,
      );
    });

    it('pages through customers newest first with feedback counts, searching email or name', async () => {
      const all = await readAll(
        async (after) =>
          (
            await data<{ customers: Page<{ id: string; feedbackCount: number }> }>(CUSTOMER_PAGE, {
              first: 3,
              after,
            })
          ).customers,
        3,
      );
      expect(all.ids).toEqual(
        await ids('SELECT id FROM customers ORDER BY created_at DESC, id DESC'),
      );
      expect(all.totalCount).toBe(13);
      const hopper = await data<{ customers: Page<{ id: string; feedbackCount: number }> }>(
        CUSTOMER_PAGE,
        { first: 5, filter: { search: 'HOPPER' } },
      );
      expect(hopper.customers.edges.map((e) => e.node)).toEqual([
        { id: GRACE, email: 'grace@example.org', feedbackCount: 44 },
      ]);
      const byEmail = await data<{ customers: Page<{ id: string }> }>(CUSTOMER_PAGE, {
        first: 50,
        filter: { search: 'example.net' },
      });
      expect(byEmail.customers.totalCount).toBe(11);
      const crm = await data<{ customers: Page<{ id: string }> }>(CUSTOMER_PAGE, {
        first: 50,
        filter: { source: 'CRM' },
      });
      expect(crm.customers.edges.map((e) => e.node.id).sort()).toEqual([ADA, GRACE].sort());
    });

    it('answers one customer with its feedback, paged', async () => {
      const result = await data<{
        customer: { email: string; feedbackCount: number; feedback: Page<{ id: string }> };
      }>(
        `query($id: ID!) { customer(id: $id) { email feedbackCount
           feedback(first: 10, filter: { source: STAFF }) { edges { node { id } } totalCount } } }`,
        { id: ADA },
      );
      expect(result.customer.email).toBe('ada@example.com');
      expect(result.customer.feedbackCount).toBe(43);
      const expected = await ids(
        `SELECT id FROM feedback WHERE customer_id = $1 AND source = 'staff' ORDER BY received_at DESC, id DESC LIMIT 10`,
        [ADA],
      );
      expect(result.customer.feedback.edges.map((e) => e.node.id)).toEqual(expected);
      expect(result.customer.feedback.totalCount).toBe(
        Number(
          (
            await db.dataSource.query(
              `SELECT count(*) AS n FROM feedback WHERE customer_id = $1 AND source = 'staff'`,
              [ADA],
            )
          )[0].n,
        ),
      );
      expect(
        (await data<{ customer: null }>('{ customer(id: "nobody") { id } }')).customer,
      ).toBeNull();
    });
  });
});
