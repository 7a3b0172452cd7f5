import {
  defineTopic,
  FeedbackEnrichedEventSchema,
  type FeedbackEnrichedEvent,
} from '@closedloop/contracts';
import { KafkaMessageBus, subscription } from '@closedloop/messaging';
import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { ThemeSpaceStore } from '@closedloop/themes-data-access';
import {
  encoderDirectoryFromEnv,
  loadSentenceEncoder,
  type SentenceEncoder,
} from '@closedloop/themes-encoder';
import { randomUUID } from 'node:crypto';
import { themeFeedbackBatch, type EnrichedItem } from './theme-feedback-batch';

const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

const TOPICS: readonly (readonly string[])[] = [
  [
    'my new card has not arrived yet',
    'still waiting for my card to arrive',
    'card ordered two weeks ago and not arrived',
    'when will my new card arrive',
    'the card I ordered never arrived',
  ],
  [
    'the exchange rate you gave me was wrong',
    'why is the exchange rate so bad today',
    'wrong exchange rate applied to my transfer',
    'exchange rate on my payment looks wrong',
    'what exchange rate do you use for euros',
  ],
  [
    'I want a refund for this purchase',
    'how long does a refund take',
    'my refund has not shown up',
    'refund for a cancelled order is missing',
    'please refund the duplicate charge',
  ],
];

/** Complaints about twelve unrelated things. */
const DISTINCT_COMPLAINTS = [
  'the courier lost my parcel',
  'the mobile app crashes on the login screen',
  'the invoice pdf will not download',
  'my loyalty points balance is missing',
  'the store is closed on sundays',
  'the printer ink cartridge is leaking',
  'the hotel room air conditioning is too noisy',
  'the parking garage gate was stuck',
  'the coffee in your cafe tastes burnt',
  'your website is only in english, please add spanish',
  'the train was forty minutes late',
  'the gym showers had no hot water',
];

async function eventually(check: () => Promise<void>, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe('the theming stage on real PostgreSQL and Kafka', () => {
  let db: TestDatabase;
  let encoder: SentenceEncoder;
  beforeAll(async () => {
    db = await createTestDatabase();
    encoder = await loadSentenceEncoder({ directory: encoderDirectoryFromEnv(process.env) });
  });
  afterAll(async () => {
    await encoder?.close();
    await db?.drop();
  });
  const theme = (store: ThemeSpaceStore, space: string, items: readonly EnrichedItem[]) =>
    themeFeedbackBatch(db.dataSource, store, encoder, space, items);

  const q = async <T>(sql: string, params: unknown[] = []) =>
    (await db.dataSource.query(sql, params)) as T[];

  /** Stores feedback rows as intake would, and answers their enriched events. */
  async function feedback(
    count: number,
    tag: string,
    occurredAt = new Date().toISOString(),
    texts?: readonly string[],
  ): Promise<EnrichedItem[]> {
    const items: EnrichedItem[] = [];
    for (let i = 0; i < count; i++) {
      const topic = TOPICS[i % TOPICS.length] as readonly string[];
      const text = texts
        ? (texts[i % texts.length] as string)
        : (topic[Math.floor(i / TOPICS.length) % topic.length] as string);
      const event: FeedbackEnrichedEvent = {
        schemaVersion: 1,
        feedbackId: randomUUID(),
        eventKey: `survey:${tag}-${i}`,
        source: 'survey',
        customerId: null,
        occurredAt,
        text,
        metric: 'NPS',
        score: i % 11,
        scoreBand: i % 11 >= 9 ? 'promoter' : i % 11 >= 7 ? 'passive' : 'detractor',
        language: 'en',
        sentiment: -0.4,
        journeyStage: 'use',
      };
      await db.dataSource.query(
        `INSERT INTO feedback (id, event_key, source, occurred_at, received_at, text, metric, score, score_band, sentiment, journey_stage)
         VALUES ($1, $2, 'survey', $3, now(), $4, 'NPS', $5, $6, -0.4, 'use')`,
        [event.feedbackId, event.eventKey, occurredAt, text, event.score, event.scoreBand],
      );
      items.push({ event, correlationId: `corr-${tag}-${i}` });
    }
    return items;
  }

  /** Identical texts reaching any consumer must share one theme: a second copy of a new theme would split them. */
  async function expectOneThemePerText(eventKeys: string): Promise<void> {
    const rows = await q<{ text: string; themes: string }>(
      'SELECT text, count(DISTINCT theme_id) AS themes FROM feedback WHERE event_key LIKE $1 GROUP BY text',
      [eventKeys],
    );
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.themes !== '1')).toEqual([]);
  }

  it('places feedback in themes, keeps daily statistics, and enqueues theme.assigned.v1', async () => {
    const store = new ThemeSpaceStore();
    const items = await feedback(30, 'a');
    const outcome = await theme(store, 'space-a', items);
    expect(outcome.themed).toBe(30);

    const placed = await q<{ theme_id: string | null; n: string }>(
      "SELECT theme_id, count(*) AS n FROM feedback WHERE event_key LIKE 'survey:a-%' GROUP BY 1",
    );
    expect(placed.every((p) => p.theme_id !== null)).toBe(true);
    const themes = await q<{ id: string; label: string; size: number }>(
      "SELECT id, label, size FROM themes WHERE space = 'space-a' AND status = 'active'",
    );
    expect(themes.length).toBeGreaterThanOrEqual(3);
    expect(new Set(themes.map((t) => t.label)).size).toBe(themes.length);
    // The same words always land in the same theme, and the three topics never share one.
    await expectOneThemePerText('survey:a-%');
    const perTopic = await Promise.all(
      TOPICS.map((topic) =>
        q<{ theme_id: string }>(
          'SELECT DISTINCT theme_id FROM feedback WHERE text = ANY($1) AND event_key LIKE $2',
          [topic, 'survey:a-%'],
        ),
      ),
    );
    const seen = perTopic.map((rows) => new Set(rows.map((r) => r.theme_id)));
    for (const [i, a] of seen.entries())
      for (const b of seen.slice(i + 1)) expect([...a].filter((id) => b.has(id))).toEqual([]);
    const [stats] = await q<{ volume: string; detractors: string }>(
      "SELECT sum(volume) AS volume, sum(detractors) AS detractors FROM theme_daily_stats s JOIN themes t ON t.id = s.theme_id WHERE t.space = 'space-a'",
    );
    expect(Number(stats?.volume)).toBe(30);
    expect(Number(stats?.detractors)).toBe(
      items.filter((i) => i.event.scoreBand === 'detractor').length,
    );
    const [outbox] = await q<{ n: string }>(
      "SELECT count(*) AS n FROM outbox WHERE topic = 'theme.assigned.v1' AND payload->>'space' = 'space-a'",
    );
    expect(Number(outbox?.n)).toBe(30);
    const [reason] = await q<{ theme_reason: { sharedTerms: string[] } }>(
      "SELECT theme_reason FROM feedback WHERE event_key = 'survey:a-29'",
    );
    expect(reason?.theme_reason.sharedTerms.length).toBeGreaterThan(0);
  });

  it("stores each text's embedding, and a second store catches up with what the first saved", async () => {
    const first = new ThemeSpaceStore();
    const second = new ThemeSpaceStore();
    await theme(first, 'space-c', await feedback(12, 'c1'));
    const [stored] = await q<{ n: string }>(
      "SELECT count(*) AS n FROM feedback WHERE event_key LIKE 'survey:c1-%' AND octet_length(embedding) = 388",
    );
    expect(Number(stored?.n)).toBe(12);
    // The second store loads everything; then each only catches up on the other's saves.
    await theme(second, 'space-c', await feedback(12, 'c2'));
    await theme(first, 'space-c', await feedback(12, 'c3'));
    const views = async (store: ThemeSpaceStore) =>
      store.read(db.dataSource.manager, 'space-c', (engine) => ({
        items: engine.itemsSeen,
        themes: engine.themes(),
      }));
    const fresh = await views(new ThemeSpaceStore());
    expect(fresh.items).toBe(36);
    expect(await views(first)).toEqual(fresh);
    expect(await views(second)).toEqual(fresh);
  });

  it('reloads the engine when its own save was rolled back', async () => {
    const store = new ThemeSpaceStore();
    await theme(store, 'space-b', await feedback(9, 'b1'));
    const lost = await feedback(6, 'b2');
    await expect(
      db.dataSource.transaction(async (manager) => {
        await store.withSpace(manager, 'space-b', (engine) => {
          for (const item of lost) {
            engine.assign({
              id: item.event.feedbackId,
              text: item.event.text as string,
              vector: new Float32Array(384).fill(0.05),
            });
          }
        });
        throw new Error('the transaction fails after the save');
      }),
    ).rejects.toThrow('the transaction fails after the save');
    const seen = await store.read(db.dataSource.manager, 'space-b', (engine) => engine.itemsSeen);
    expect(seen).toBe(9);
  });

  it('changes nothing when the same events are delivered again', async () => {
    const store = new ThemeSpaceStore();
    const items = await feedback(15, 'r');
    await theme(store, 'space-r', items);
    const before = await q(
      "SELECT id, size, label FROM themes WHERE space = 'space-r' ORDER BY id",
    );
    const statsBefore = await q(
      'SELECT * FROM theme_daily_stats ORDER BY theme_id, day, source, journey_stage',
    );

    const again = await theme(new ThemeSpaceStore(), 'space-r', items);

    expect(again).toEqual({ themed: 0, skipped: 15, newThemes: 0, emerging: [] });
    expect(
      await q("SELECT id, size, label FROM themes WHERE space = 'space-r' ORDER BY id"),
    ).toEqual(before);
    expect(
      await q('SELECT * FROM theme_daily_stats ORDER BY theme_id, day, source, journey_stage'),
    ).toEqual(statsBefore);
  });

  it('flags a theme whose volume today is well above its own baseline as emerging', async () => {
    const store = new ThemeSpaceStore();
    const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString();
    await theme(store, 'space-e', await feedback(3, 'e-old', lastWeek));
    const burst = await theme(store, 'space-e', await feedback(30, 'e-new'));
    expect(burst.emerging.length).toBeGreaterThan(0);
    const rows = await q<{ id: string }>(
      "SELECT id FROM themes WHERE space = 'space-e' AND emerging_since IS NOT NULL",
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...burst.emerging].sort());
  });

  it('with two consumers on real Kafka, never opens the same new theme twice', async () => {
    const topic = defineTopic(
      `it.enriched-${randomUUID().slice(0, 8)}.v1`,
      FeedbackEnrichedEventSchema,
    );
    const groupId = `it-theming-${randomUUID()}`;
    const buses = [0, 1].map(
      (n) => new KafkaMessageBus({ brokers, clientId: `theming-int-${n}`, partitions: 4 }),
    );
    await buses[0]?.ensureTopics([topic]);
    const consumers = await Promise.all(
      buses.map((bus) => {
        // Each consumer has its own engine cache, as two pipeline processes would.
        const store = new ThemeSpaceStore();
        const place = (items: EnrichedItem[]) =>
          theme(store, 'space-k', items).then(() => undefined);
        return bus.startConsumer({
          groupId,
          maxBatchSize: 10,
          subscriptions: [
            subscription(
              topic,
              (event) => place([{ event, correlationId: null }]),
              (items) => place(items.map((i) => ({ event: i.value, correlationId: null }))),
            ),
          ],
        });
      }),
    );
    // Twelve unrelated complaints, each sent ten times: with one writer at a time each opens
    // exactly one theme, whichever consumer sees it first.
    const items = await feedback(120, 'k', new Date().toISOString(), DISTINCT_COMPLAINTS);
    // Keyed at random: copies of the same text reach both consumers through different partitions.
    await buses[1]?.publish(
      topic,
      items.map((i) => ({ key: randomUUID(), value: i.event })),
    );
    // And once more: a redelivery must change nothing.
    await buses[1]?.publish(
      topic,
      items.slice(0, 40).map((i) => ({ key: randomUUID(), value: i.event })),
    );

    await eventually(async () => {
      const [row] = await q<{ n: string }>(
        "SELECT count(*) AS n FROM feedback WHERE event_key LIKE 'survey:k-%' AND themed_at IS NOT NULL",
      );
      expect(Number(row?.n)).toBe(120);
    });
    await new Promise((r) => setTimeout(r, 1500));
    // Every copy of a text in one theme: the race that two writers without the lock lose shows
    // as a text split over two themes. Feedback points only at live themes, and there are as many
    // as distinct complaints, give or take two the engine may judge related.
    await expectOneThemePerText('survey:k-%');
    const [dangling] = await q<{ n: string }>(
      `SELECT count(*) AS n FROM feedback f JOIN themes t ON t.id = f.theme_id
       WHERE f.event_key LIKE 'survey:k-%' AND t.status <> 'active'`,
    );
    expect(Number(dangling?.n)).toBe(0);
    const [live] = await q<{ n: string }>(
      "SELECT count(*) AS n FROM themes WHERE space = 'space-k' AND status = 'active'",
    );
    expect(Number(live?.n)).toBeGreaterThanOrEqual(DISTINCT_COMPLAINTS.length - 2);
    expect(Number(live?.n)).toBeLessThanOrEqual(DISTINCT_COMPLAINTS.length);
    const [themes] = await q<{ n: string; labels: string }>(
      "SELECT count(*) AS n, count(DISTINCT label) AS labels FROM themes WHERE space = 'space-k' AND status = 'active'",
    );
    expect(Number(themes?.labels)).toBe(Number(themes?.n));
    const [stats] = await q<{ volume: string }>(
      "SELECT sum(volume) AS volume FROM theme_daily_stats s JOIN themes t ON t.id = s.theme_id WHERE t.space = 'space-k'",
    );
    expect(Number(stats?.volume)).toBe(120);
    // The running totals agree with the feedback rows, and every theme of the space has its row.
    const drift = await q<{ id: string }>(
      `SELECT t.id FROM themes t LEFT JOIN theme_totals tt ON tt.theme_id = t.id
       WHERE t.space = 'space-k' AND (tt.theme_id IS NULL
         OR tt.volume <> (SELECT count(*) FROM feedback f WHERE f.theme_id = t.id))`,
    );
    expect(drift).toEqual([]);
    const [events] = await q<{ n: string }>(
      "SELECT count(*) AS n FROM outbox WHERE topic = 'theme.assigned.v1' AND payload->>'space' = 'space-k'",
    );
    expect(Number(events?.n)).toBe(120);
    await Promise.all(consumers.map((c) => c.stop()));
    await Promise.all(buses.map((b) => b.close()));
  });
});
