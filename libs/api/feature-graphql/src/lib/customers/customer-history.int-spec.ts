/**
 * A customer across sources on real PostgreSQL: identities, feedback of every source, notices with
 * their action; the explorer's metric filter and source details; the sender settings, admin only.
 */
import { randomUUID } from 'node:crypto';
import { startGraphqlTestApp, type GraphqlTestApp } from '../../testing/graphql-test-app';
import { UserService } from '../users/user.service';

const PASSWORD = 'customer history passphrase';

describe('customer history, explorer filters and sender settings, on PostgreSQL', () => {
  let api: GraphqlTestApp;
  let admin: string;
  let lead: string;
  const ada = randomUUID();
  const ben = randomUUID();
  const actionA = randomUUID();
  const actionB = randomUUID();
  const surveyItem = randomUUID();
  const socialItem = randomUUID();
  const q = (sql: string, params: unknown[] = []) => api.db.dataSource.query(sql, params);
  const signIn = async (email: string) =>
    (
      (
        await api.call(
          'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
          { e: email, p: PASSWORD },
        )
      ).data?.['signIn'] as { token: string }
    ).token;

  beforeAll(async () => {
    api = await startGraphqlTestApp();
    const users = api.app.get(UserService);
    await users.create({
      email: 'admin@history.example',
      name: 'Ada Admin',
      role: 'admin',
      password: PASSWORD,
    });
    await users.create({
      email: 'lead@history.example',
      name: 'Lee Lead',
      role: 'cx_lead',
      password: PASSWORD,
    });
    admin = await signIn('admin@history.example');
    lead = await signIn('lead@history.example');
    await q(
      `INSERT INTO customers (id, email, name) VALUES ($1, 'ada@history.example', 'Ada'), ($2, 'ben@history.example', 'Ben')`,
      [ada, ben],
    );
    await q(
      `INSERT INTO customer_identities (id, customer_id, source, external_id)
       VALUES ($1, $2, 'survey', 'resp-ada'), ($3, $2, 'social:X', '@ada'), ($4, $5, 'survey', 'resp-ben')`,
      [randomUUID(), ada, randomUUID(), randomUUID(), ben],
    );
    await q(
      `INSERT INTO feedback (id, event_key, source, customer_id, occurred_at, received_at, text, metric, score, score_band, details)
       VALUES ($1, $2, 'survey', $3, '2026-10-01T10:00:00Z', '2026-10-01T10:00:05Z', 'checkout is slow', 'NPS', 3, 'detractor',
               '{"surveyId":"s-1","channel":"web","metadata":{"campaign":"autumn"},"redactions":[]}'::jsonb),
              ($4, $5, 'social', $3, '2026-10-02T10:00:00Z', '2026-10-02T10:00:05Z', 'still slow', NULL, NULL, NULL,
               '{"platform":"X","reach":{"followers":1200}}'::jsonb),
              ($6, $7, 'survey', $8, '2026-10-03T10:00:00Z', '2026-10-03T10:00:05Z', 'easy enough', 'CES', 6, 'easy', '{}'::jsonb)`,
      [
        surveyItem,
        `survey:${surveyItem}`,
        ada,
        socialItem,
        `social:${socialItem}`,
        randomUUID(),
        `survey:${randomUUID()}`,
        ben,
      ],
    );
    await q(
      `INSERT INTO actions (id, title, legacy_owner, status) VALUES ($1, 'Faster checkout', 'Priya', 'announced'), ($2, 'Clearer fees', 'Priya', 'announced')`,
      [actionA, actionB],
    );
    await q(
      `INSERT INTO notices (id, action_id, customer_id, status, subject, sent_at, created_at)
       VALUES ($1, $2, $3, 'sent', 'We made checkout faster', '2026-10-05T09:00:00Z', '2026-10-05T08:00:00Z'),
              ($4, $5, $3, 'suppressed', NULL, NULL, '2026-10-06T08:00:00Z')`,
      [randomUUID(), actionA, ada, randomUUID(), actionB],
    );
    await q(`UPDATE notices SET last_error = 'customer unsubscribed' WHERE status = 'suppressed'`);
  });
  afterAll(() => api?.close());

  it('shows one customer across sources: identities, feedback newest first, notices with their action', async () => {
    const answer = await api.call(
      `query($id: ID!) { customer(id: $id) {
         name feedbackCount identities { source externalId }
         feedback(first: 10) { edges { node { source text } } }
         notices { actionId actionTitle status subject sentAt reason }
       } }`,
      { id: ada },
      lead,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.['customer']).toEqual({
      name: 'Ada',
      feedbackCount: 2,
      identities: [
        { source: 'social:X', externalId: '@ada' },
        { source: 'survey', externalId: 'resp-ada' },
      ],
      feedback: {
        edges: [
          { node: { source: 'social', text: 'still slow' } },
          { node: { source: 'survey', text: 'checkout is slow' } },
        ],
      },
      notices: [
        {
          actionId: actionB,
          actionTitle: 'Clearer fees',
          status: 'SUPPRESSED',
          subject: null,
          sentAt: null,
          reason: 'customer unsubscribed',
        },
        {
          actionId: actionA,
          actionTitle: 'Faster checkout',
          status: 'SENT',
          subject: 'We made checkout faster',
          sentAt: '2026-10-05T09:00:00.000Z',
          reason: null,
        },
      ],
    });
  });

  it('filters feedback by metric, and shows an item’s source details', async () => {
    const byMetric = async (metric: string) =>
      (
        await api.call(
          'query($m: SurveyMetric) { feedbackItems(filter: { metric: $m }) { totalCount edges { node { text } } } }',
          { m: metric },
          lead,
        )
      ).data?.['feedbackItems'] as { totalCount: number; edges: { node: { text: string } }[] };
    expect(await byMetric('NPS')).toEqual({
      totalCount: 1,
      edges: [{ node: { text: 'checkout is slow' } }],
    });
    expect((await byMetric('CES')).edges.map((e) => e.node.text)).toEqual(['easy enough']);
    expect((await byMetric('CSAT')).totalCount).toBe(0);
    const item = await api.call(
      'query($id: ID!) { feedback(id: $id) { sourceDetails { key value } } }',
      { id: surveyItem },
      lead,
    );
    expect(item.data?.['feedback']).toEqual({
      sourceDetails: [
        { key: 'channel', value: 'web' },
        { key: 'metadata.campaign', value: 'autumn' },
        { key: 'surveyId', value: 's-1' },
      ],
    });
  });

  it('lets admins set the sender and template, validated, and only admins', async () => {
    const update = (input: Record<string, unknown>, token: string) =>
      api.call(
        'mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { senderName senderAddress noticeSubjectTemplate noticeBodyTemplate noticeWeeklyCap } }',
        { i: input },
        token,
      );
    const forbidden = await update({ senderName: 'Lee' }, lead);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await update({ senderAddress: 'Acme <care@acme.example>' }, admin);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toBe('senderAddress must be an email address');
    const badTemplate = await update({ noticeBodyTemplate: 'Hi {{firstname}}' }, admin);
    expect(badTemplate.errors?.[0]?.message).toBe(
      'noticeBodyTemplate has unknown placeholders: {{firstname}}',
    );
    const good = await update(
      {
        senderName: 'Acme care',
        senderAddress: 'care@acme.example',
        noticeSubjectTemplate: 'We changed {{change}}',
      },
      admin,
    );
    expect(good.data?.['updateSettings']).toEqual({
      senderName: 'Acme care',
      senderAddress: 'care@acme.example',
      noticeSubjectTemplate: 'We changed {{change}}',
      noticeBodyTemplate: null,
      noticeWeeklyCap: 3,
    });
    const cleared = await update({ senderName: '' }, admin);
    expect(cleared.data?.['updateSettings']).toMatchObject({
      senderName: null,
      senderAddress: 'care@acme.example',
    });
    const read = await api.call('{ settings { senderAddress noticeSubjectTemplate } }', {}, lead);
    expect(read.data?.['settings']).toEqual({
      senderAddress: 'care@acme.example',
      noticeSubjectTemplate: 'We changed {{change}}',
    });
  });
});
