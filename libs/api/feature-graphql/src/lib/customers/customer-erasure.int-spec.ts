/**
 * GDPR erasure on a real PostgreSQL (`npm run stack:up`): after `eraseCustomer` a marker that was
 * in the customer's name, email, identity and feedback text is found in no text, JSON or search
 * column of any table, and no mail is left to send to them.
 */
import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { CustomerErasureService } from './customer-erasure.service';

const MARKER = `zqxmarker${randomUUID().slice(0, 8)}`;

describe('eraseCustomer on PostgreSQL', () => {
  let db: TestDatabase;
  let erasure: CustomerErasureService;
  const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);
  const ada = randomUUID();
  const ben = randomUUID();
  const theme = `theme-${randomUUID()}`;
  const adaFeedback = randomUUID();
  const benFeedback = randomUUID();
  const sentNotice = randomUUID();
  const pendingNotice = randomUUID();

  /** Every (table, column) holding text, JSON, arrays or search vectors whose value holds the marker. */
  const marked = async (): Promise<string[]> => {
    const columns: { table_name: string; column_name: string; data_type: string }[] = await q(
      `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
         AND (c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'tsvector', 'bytea'))
       ORDER BY 1, 2`,
    );
    expect(columns.length).toBeGreaterThan(40);
    const hits: string[] = [];
    for (const { table_name, column_name, data_type } of columns) {
      const value =
        data_type === 'bytea' ? `encode("${column_name}", 'escape')` : `"${column_name}"::text`;
      const rows: { n: number }[] = await q(
        `SELECT count(*)::int AS n FROM "${table_name}" WHERE strpos(lower(${value}), $1) > 0`,
        [MARKER.toLowerCase()],
      );
      if ((rows[0]?.n ?? 0) > 0) hits.push(`${table_name}.${column_name}`);
    }
    return hits;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    erasure = new CustomerErasureService(db.dataSource);
    await q('INSERT INTO customers (id, email, name) VALUES ($1, $2, $3), ($4, $5, $6)', [
      ada,
      `${MARKER}@example.com`,
      `Ada ${MARKER}`,
      ben,
      'ben@example.com',
      'Ben',
    ]);
    await q(
      `INSERT INTO customer_identities (id, customer_id, source, external_id) VALUES ($1, $2, 'survey', $3), ($4, $5, 'survey', 'ben-1')`,
      [randomUUID(), ada, `${MARKER}-ext`, randomUUID(), ben],
    );
    const phrases = ['payout failed', `${MARKER} payout`];
    await q(
      `INSERT INTO themes (id, space, label, label_source, status, key_phrases, engine_record)
       VALUES ($1, 'default', $2, 'generated', 'active', $3::jsonb, $4::jsonb)`,
      [
        theme,
        `${MARKER} payout`,
        JSON.stringify(phrases),
        JSON.stringify({
          id: theme,
          label: `${MARKER} payout`,
          keyPhrases: phrases,
          keyStems: [MARKER, 'payout'],
          phraseKeys: [`${MARKER} payout`, 'payout fail'],
          samples: [
            { id: adaFeedback, manual: false },
            { id: benFeedback, manual: false },
          ],
        }),
      ],
    );
    const insertFeedback = (id: string, customer: string, text: string, details: unknown) =>
      q(
        `INSERT INTO feedback (id, event_key, source, customer_id, occurred_at, received_at, text, details, theme_id,
                               embedding, theme_reason)
         VALUES ($1, $2, 'survey', $3, now(), now(), $4, $5::jsonb, $6, $7, $8::jsonb)`,
        [
          id,
          `survey:${id}`,
          customer,
          text,
          JSON.stringify(details),
          theme,
          Buffer.from(`vector ${text}`),
          JSON.stringify({ terms: text.split(' ') }),
        ],
      );
    await insertFeedback(adaFeedback, ada, `My ${MARKER} payout failed, call me`, {
      subject: `About ${MARKER}`,
      account: { segment: 'enterprise' },
    });
    await insertFeedback(benFeedback, ben, 'The payout failed again', {});
    const action = randomUUID();
    await q(
      `INSERT INTO actions (id, title, description, status) VALUES ($1, 'Faster payouts', '', 'announced')`,
      [action],
    );
    const other = randomUUID();
    await q(
      `INSERT INTO actions (id, title, description, status) VALUES ($1, 'Other', '', 'announced')`,
      [other],
    );
    await q(
      `INSERT INTO notices (id, action_id, customer_id, status, subject, text_body, html_body, message_id, sent_at)
       VALUES ($1, $2, $3, 'sent', $4, $4, $4, '<notice@x>', now())`,
      [sentNotice, action, ada, `Hi Ada ${MARKER}, you said ${MARKER}`],
    );
    await q(
      `INSERT INTO notices (id, action_id, customer_id, status) VALUES ($1, $2, $3, 'requested'), ($4, $2, $5, 'requested')`,
      [pendingNotice, other, ada, randomUUID(), ben],
    );
    await q(
      `INSERT INTO outbox (topic, message_key, payload) VALUES
         ('feedback.received.v1', $1, $2::jsonb), ('notice.requested.v1', $1, $3::jsonb), ('feedback.received.v1', $4, $5::jsonb)`,
      [
        ada,
        JSON.stringify({ customerId: ada, text: `My ${MARKER} payout failed, call me` }),
        JSON.stringify({ noticeId: pendingNotice, customerId: ada }),
        ben,
        JSON.stringify({ customerId: ben, text: 'The payout failed again' }),
      ],
    );
  });

  /** Dead letters: one holding Ada's email, one keyed by her identity, one of Ben's. */
  const deadLetters = { byEmail: randomUUID(), byIdentity: randomUUID(), bens: randomUUID() };
  beforeAll(async () => {
    const insertDeadLetter = (id: string, offset: number, key: string, value: unknown) =>
      q(
        `INSERT INTO dead_letters (id, dlq_topic, dlq_partition, dlq_offset, source_topic, reason, failed_at,
                                   message_key, value, headers)
         VALUES ($1, 'feedback.survey.dlq.v1', 0, $2, 'feedback.survey.v1', 'score: too high', now(), $3, $4, $5::jsonb)`,
        [id, offset, key, Buffer.from(JSON.stringify(value)), JSON.stringify({ 'correlation-id': key })],
      );
    await insertDeadLetter(deadLetters.byEmail, 1, 'survey:r-1', {
      customer: { email: `${MARKER}@example.com` },
      comment: 'too slow',
    });
    await insertDeadLetter(deadLetters.byIdentity, 2, `survey:${MARKER}-ext`, {
      customer: { externalId: `${MARKER}-ext` },
    });
    await insertDeadLetter(deadLetters.bens, 3, 'survey:ben-9', {
      customer: { email: 'ben@example.com' },
      comment: 'The payout failed again',
    });
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('finds the marker before erasure (the scan can fail)', async () => {
    expect(await marked()).toEqual(
      expect.arrayContaining([
        'customers.email',
        'customers.name',
        'customer_identities.external_id',
        'feedback.text',
        'feedback.details',
        'feedback.search_vector',
        'feedback.embedding',
        'themes.label',
        'themes.key_phrases',
        'themes.engine_record',
        'themes.search_text',
        'notices.text_body',
        'outbox.payload',
        'dead_letters.value',
        'dead_letters.message_key',
      ]),
    );
  });

  it('leaves none of the customer’s data in any table and stops their mail', async () => {
    const result = await erasure.erase(ada);
    expect(result).toEqual({
      customerId: ada,
      erasedAt: expect.any(Date),
      feedbackErased: 1,
      noticesSuppressed: 1,
      deadLettersErased: 2,
    });
    expect(await marked()).toEqual([]);
    const letters: { id: string; value: Buffer | null; status: string; reason: string }[] = await q(
      'SELECT id, value, status, reason FROM dead_letters WHERE id = ANY($1) ORDER BY dlq_offset',
      [[deadLetters.byEmail, deadLetters.byIdentity]],
    );
    expect(letters).toEqual([
      { id: deadLetters.byEmail, value: null, status: 'discarded', reason: 'score: too high' },
      { id: deadLetters.byIdentity, value: null, status: 'discarded', reason: 'score: too high' },
    ]);
    const [customer]: { email: string | null; name: string | null; erased_at: Date | null }[] =
      await q('SELECT email, name, erased_at FROM customers WHERE id = $1', [ada]);
    expect(customer).toEqual({ email: null, name: null, erased_at: expect.any(Date) });
    const notices: { id: string; status: string; text_body: string | null }[] = await q(
      'SELECT id, status, text_body FROM notices WHERE customer_id = $1 ORDER BY status',
      [ada],
    );
    expect(notices).toEqual([
      { id: sentNotice, status: 'sent', text_body: null },
      { id: pendingNotice, status: 'suppressed', text_body: null },
    ]);
    const [feedback]: { text: string | null; embedding: Buffer | null; details: unknown }[] =
      await q('SELECT text, embedding, details FROM feedback WHERE id = $1', [adaFeedback]);
    expect(feedback).toEqual({ text: null, embedding: null, details: {} });
  });

  it('keeps everyone else’s data and what other customers’ words support', async () => {
    const [benRow]: { email: string; text: string }[] = await q(
      'SELECT c.email, f.text FROM customers c JOIN feedback f ON f.customer_id = c.id WHERE c.id = $1',
      [ben],
    );
    expect(benRow).toEqual({ email: 'ben@example.com', text: 'The payout failed again' });
    const [themeRow]: {
      label: string;
      key_phrases: string[];
      engine_record: Record<string, unknown>;
    }[] = await q('SELECT label, key_phrases, engine_record FROM themes WHERE id = $1', [theme]);
    expect(themeRow?.key_phrases).toEqual(['payout failed']);
    expect(themeRow?.label).toBe('payout failed');
    expect(themeRow?.engine_record['samples']).toEqual([{ id: benFeedback, manual: false }]);
    expect(themeRow?.engine_record['keyStems']).toEqual(['payout']);
    const outbox: { message_key: string }[] = await q('SELECT message_key FROM outbox');
    expect(outbox).toEqual([{ message_key: ben }]);
    const [bens]: { status: string; value: Buffer }[] = await q(
      'SELECT status, value FROM dead_letters WHERE id = $1',
      [deadLetters.bens],
    );
    expect(bens?.status).toBe('open');
    expect(bens?.value.toString()).toContain('ben@example.com');
    const [{ n }]: { n: number }[] = await q(
      `SELECT count(*)::int AS n FROM notices WHERE customer_id = $1 AND status = 'requested'`,
      [ben],
    );
    expect(n).toBe(1);
  });

  it('is idempotent and refuses an unknown customer', async () => {
    const again = await erasure.erase(ada);
    expect(again.noticesSuppressed).toBe(0);
    expect(again.deadLettersErased).toBe(0);
    const error = await erasure.erase(randomUUID()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe('NOT_FOUND');
  });
});
