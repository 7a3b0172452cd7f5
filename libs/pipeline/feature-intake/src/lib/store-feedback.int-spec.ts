import type { InboundFeedbackEvent } from '@closedloop/contracts';
import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { randomUUID } from 'node:crypto';
import { enrichFeedback } from './enrich-feedback';
import { normaliseInboundEvent } from './normalise-inbound-event';
import { storeFeedback, storeFeedbackBatch, type FeedbackToStore } from './store-feedback';

const base = { schemaVersion: 1 as const, occurredAt: '2026-11-01T10:00:00Z' };
const survey = (externalId: string, email = 'ada@example.com'): InboundFeedbackEvent => ({
  ...base,
  externalId,
  source: 'survey',
  customer: { email, name: 'Ada' },
  survey: {
    surveyId: 'nps',
    metric: 'NPS',
    score: 2,
    comment: 'Terrible and far too slow. Call me on +44 20 7946 0958 or ada@example.com',
  },
});

describe('storeFeedback on a real PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  const store = (event: InboundFeedbackEvent, correlationId: string | null = null) => {
    const n = normaliseInboundEvent(event);
    return storeFeedback(db.dataSource, n, enrichFeedback(n), correlationId);
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number(((await db.dataSource.query(sql, params)) as { n: string }[])[0]?.n);

  it('stores once, redacted and enriched; the same event again is a duplicate with the same id', async () => {
    const first = await store(survey('r-1'), 'corr-1');
    const second = await store(survey('r-1'), 'corr-2');
    expect(first.outcome).toBe('stored');
    expect(second).toEqual({ outcome: 'duplicate', feedbackId: first.feedbackId });
    const [row] = await db.dataSource.query(
      'SELECT score_band, correlation_id, text, language, sentiment_label, journey_stage FROM feedback WHERE event_key = $1',
      ['survey:r-1'],
    );
    expect(row).toEqual(
      expect.objectContaining({
        score_band: 'detractor',
        correlation_id: 'corr-1',
        language: 'en',
        sentiment_label: 'negative',
        journey_stage: 'use',
      }),
    );
    expect(row.text).not.toContain('ada@example.com');
    expect(row.text).not.toContain('7946');
    expect(
      await count("SELECT count(*) AS n FROM outbox WHERE topic = 'feedback.enriched.v1'"),
    ).toBe(1);
  });

  it('stores one row when the same event arrives concurrently', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => store(survey('r-2'))));
    expect(results.filter((r) => r.outcome === 'stored')).toHaveLength(1);
    expect(new Set(results.map((r) => r.feedbackId)).size).toBe(1);
    expect(await count("SELECT count(*) AS n FROM feedback WHERE event_key = 'survey:r-2'")).toBe(
      1,
    );
  });

  it('ties one person together across email case, sources and identities', async () => {
    await store(survey('r-3', 'Grace@Example.com'));
    await store({
      ...base,
      externalId: 'ticket-9',
      source: 'crm',
      customer: { email: 'grace@example.com', externalId: 'contact-9' },
      crm: {
        kind: 'support_ticket',
        accountId: 'acct',
        contactId: 'contact-9',
        text: 'Login fails',
      },
    });
    await store({
      ...base,
      externalId: 'ticket-10',
      source: 'crm',
      customer: { externalId: 'contact-9' },
      crm: {
        kind: 'support_ticket',
        accountId: 'acct',
        contactId: 'contact-9',
        text: 'Still failing',
      },
    });
    expect(
      await count(
        "SELECT count(DISTINCT customer_id) AS n FROM feedback WHERE event_key IN ('survey:r-3', 'crm:ticket-9', 'crm:ticket-10')",
      ),
    ).toBe(1);
    const [ticket] = await db.dataSource.query(
      "SELECT journey_stage FROM feedback WHERE event_key = 'crm:ticket-9'",
    );
    expect(ticket.journey_stage).toBe('support');
  });

  it('flags a negative public post with high reach, and keeps anonymous staff reports anonymous', async () => {
    await store({
      ...base,
      externalId: 'post-1',
      source: 'social',
      social: {
        platform: 'x',
        authorHandle: '@loud',
        text: 'Worst service ever, never again. Avoid!',
        reach: { followers: 50_000, likes: 900 },
        isPublic: true,
      },
    });
    const [post] = await db.dataSource.query(
      "SELECT needs_public_answer, sentiment_label FROM feedback WHERE event_key = 'social:post-1'",
    );
    expect(post).toEqual({ needs_public_answer: true, sentiment_label: 'negative' });

    const promptId = randomUUID();
    await db.dataSource.query(
      "INSERT INTO research_prompts (id, question, created_by) VALUES ($1, 'What slows checkout?', 'lead')",
      [promptId],
    );
    await store({
      ...base,
      externalId: 'obs-1',
      source: 'staff',
      staff: { employeeId: 'e1', team: 'Store', observation: 'Card readers are slow', promptId },
    });
    const [obs] = await db.dataSource.query(
      "SELECT customer_id, prompt_id FROM feedback WHERE event_key = 'staff:obs-1'",
    );
    expect(obs).toEqual({ customer_id: null, prompt_id: promptId });

    // The same prompt written in upper case (a valid uuid all the same) is the same prompt.
    await store({
      ...base,
      externalId: 'obs-upper',
      source: 'staff',
      staff: {
        employeeId: 'e1',
        team: 'Store',
        observation: 'Card readers time out',
        promptId: promptId.toUpperCase(),
      },
    });
    const [upper] = await db.dataSource.query(
      "SELECT prompt_id FROM feedback WHERE event_key = 'staff:obs-upper'",
    );
    expect(upper).toEqual({ prompt_id: promptId });
  });

  it('refuses a staff report answering a prompt that does not exist, permanently', async () => {
    await expect(
      store({
        ...base,
        externalId: 'obs-2',
        source: 'staff',
        staff: { employeeId: 'e1', team: 'Store', observation: 'x', promptId: randomUUID() },
      }),
    ).rejects.toThrow(/no research prompt/);
  });

  describe('in batches', () => {
    const item = (event: InboundFeedbackEvent): FeedbackToStore => {
      const feedback = normaliseInboundEvent(event);
      return { feedback, enrichment: enrichFeedback(feedback), correlationId: null };
    };
    const crm = (externalId: string, contactId: string, email?: string): InboundFeedbackEvent => ({
      ...base,
      externalId,
      source: 'crm',
      customer: { externalId: contactId, ...(email ? { email } : {}) },
      crm: { kind: 'note', accountId: 'acct', contactId, text: `Note ${externalId}` },
    });

    it('answers one outcome per item in order: stored, duplicate of an earlier row, repeat within the batch', async () => {
      const earlier = await store(survey('b-0', 'batch0@example.com'));
      const outcomes = await storeFeedbackBatch(db.dataSource, [
        item(survey('b-1', 'batch1@example.com')),
        item(survey('b-0', 'batch0@example.com')),
        item(survey('b-1', 'batch1@example.com')),
        item(survey('b-2', 'batch1@example.com')),
      ]);
      expect(outcomes.map((o) => o.outcome)).toEqual([
        'stored',
        'duplicate',
        'duplicate',
        'stored',
      ]);
      expect(outcomes[1]?.feedbackId).toBe(earlier.feedbackId);
      expect(outcomes[2]?.feedbackId).toBe(outcomes[0]?.feedbackId);
      expect(
        await count(
          "SELECT count(*) AS n FROM feedback WHERE event_key IN ('survey:b-0', 'survey:b-1', 'survey:b-2')",
        ),
      ).toBe(3);
      expect(
        await count(
          "SELECT count(DISTINCT customer_id) AS n FROM feedback WHERE event_key IN ('survey:b-1', 'survey:b-2')",
        ),
      ).toBe(1);
      expect(
        await count(
          "SELECT count(*) AS n FROM outbox WHERE topic = 'feedback.enriched.v1' AND payload->>'eventKey' LIKE 'survey:b-%'",
        ),
      ).toBe(3);
    });

    it('gives one customer to one source identity, within a batch and across concurrent batches', async () => {
      const batches = Array.from({ length: 4 }, (_, b) =>
        Array.from({ length: 25 }, (_, i) =>
          item(
            crm(
              `n-${b}-${i}`,
              `contact-${i % 5}`,
              i % 2 === 0 ? `contact${i % 5}@example.com` : undefined,
            ),
          ),
        ),
      );
      await Promise.all(batches.map((batch) => storeFeedbackBatch(db.dataSource, batch)));
      const rows: { contact: string; customers: string }[] = await db.dataSource.query(
        `SELECT details->>'contactId' AS contact, count(DISTINCT customer_id) AS customers FROM feedback
         WHERE event_key LIKE 'crm:n-%' GROUP BY 1 ORDER BY 1`,
      );
      expect(rows).toEqual(
        Array.from({ length: 5 }, (_, i) => ({ contact: `contact-${i}`, customers: '1' })),
      );
      expect(await count("SELECT count(*) AS n FROM feedback WHERE event_key LIKE 'crm:n-%'")).toBe(
        100,
      );
      expect(
        await count(
          "SELECT count(*) AS n FROM customer_identities WHERE source = 'crm' AND external_id IN ('contact-0', 'contact-1', 'contact-2', 'contact-3', 'contact-4')",
        ),
      ).toBe(5);
    });

    it('stores overlapping batches delivered concurrently once each', async () => {
      const events = Array.from({ length: 60 }, (_, i) =>
        item(survey(`o-${i}`, `o${i % 7}@example.com`)),
      );
      const results = await Promise.all([
        storeFeedbackBatch(db.dataSource, events.slice(0, 40)),
        storeFeedbackBatch(db.dataSource, events.slice(20, 60)),
        storeFeedbackBatch(db.dataSource, events),
      ]);
      const stored = results.flat().filter((o) => o.outcome === 'stored').length;
      expect(stored).toBe(60);
      expect(
        await count("SELECT count(*) AS n FROM feedback WHERE event_key LIKE 'survey:o-%'"),
      ).toBe(60);
      expect(
        await count(
          "SELECT count(*) AS n FROM outbox WHERE topic = 'feedback.enriched.v1' AND payload->>'eventKey' LIKE 'survey:o-%'",
        ),
      ).toBe(60);
    });

    it('fails the whole batch when one staff report answers an unknown prompt, storing nothing of it', async () => {
      await expect(
        storeFeedbackBatch(db.dataSource, [
          item(survey('p-1', 'p1@example.com')),
          item({
            ...base,
            externalId: 'obs-9',
            source: 'staff',
            staff: { employeeId: 'e1', team: 'Store', observation: 'x', promptId: randomUUID() },
          }),
        ]),
      ).rejects.toThrow(/no research prompt/);
      expect(await count("SELECT count(*) AS n FROM feedback WHERE event_key = 'survey:p-1'")).toBe(
        0,
      );
    });
  });
});
