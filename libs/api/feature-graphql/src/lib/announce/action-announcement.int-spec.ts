import { randomUUID } from 'node:crypto';
import { startGraphqlTestApp, type GraphqlTestApp } from '../../testing/graphql-test-app';
import { UserService } from '../users/user.service';

const PASSWORD = 'announcement test passphrase';
const ANNOUNCEMENT = `query($id: ID!) { action(id: $id) { status announcement {
  subject body audienceSize announcedById announcedBy announcedAt
  audience { sources segment from to sentiment }
  excluded { reason count } } } }`;

describe('Action.announcement over GraphQL, on real PostgreSQL', () => {
  let api: GraphqlTestApp;
  let token = '';
  let leadId = '';
  const theme = `theme-${randomUUID()}`;
  const q = (sql: string, params: unknown[] = []) => api.db.dataSource.query(sql, params);

  beforeAll(async () => {
    api = await startGraphqlTestApp();
    const lead = await api.app.get(UserService).create({
      email: 'lead@announcement.example',
      name: 'Priya Lead',
      role: 'cx_lead',
      password: PASSWORD,
    });
    leadId = lead.id;
    const signedIn = await api.call(
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
      { e: 'lead@announcement.example', p: PASSWORD },
    );
    token = (signedIn.data?.['signIn'] as { token: string }).token;
    await q(
      `INSERT INTO themes (id, space, label, label_source, status) VALUES ($1, 'default', 'Payouts', 'manual', 'active')`,
      [theme],
    );
    // Three customers with survey feedback in the theme, one unsubscribed; one with only CRM feedback.
    const customers: [string, string, boolean, string][] = [
      [randomUUID(), 'ada@announcement.example', false, 'survey'],
      [randomUUID(), 'ben@announcement.example', false, 'survey'],
      [randomUUID(), 'una@announcement.example', true, 'survey'],
      [randomUUID(), 'cris@announcement.example', false, 'crm'],
    ];
    for (const [id, email, unsubscribed, source] of customers) {
      await q('INSERT INTO customers (id, email, name, unsubscribed_at) VALUES ($1, $2, $3, $4)', [
        id,
        email,
        email.split('@')[0],
        unsubscribed ? new Date() : null,
      ]);
      const feedbackId = randomUUID();
      await q(
        `INSERT INTO feedback (id, event_key, source, customer_id, occurred_at, received_at, text, sentiment_label, theme_id)
         VALUES ($1, $2, $3, $4, '2026-06-01T10:00:00Z', now(), 'payouts are late', 'negative', $5)`,
        [feedbackId, `${source}:${feedbackId}`, source, id, theme],
      );
    }
  });
  afterAll(() => api?.close());

  it('is null until announced, then keeps the notice, filter, audience size, exclusions and who announced when', async () => {
    const created = await api.call(
      'mutation($i: CreateActionInput!) { createAction(input: $i) { id } }',
      { i: { title: 'Faster payouts', description: '', themeIds: [theme], feedbackIds: [] } },
      token,
    );
    expect(created.errors).toBeUndefined();
    const actionId = (created.data?.['createAction'] as { id: string }).id;
    await q(`UPDATE actions SET status = 'shipped', shipped_at = now() WHERE id = $1`, [actionId]);
    const before = await api.call(ANNOUNCEMENT, { id: actionId }, token);
    expect(before.errors).toBeUndefined();
    expect(before.data?.['action']).toEqual({ status: 'SHIPPED', announcement: null });

    const subject = 'We fixed {{change}}';
    const body = 'Hi {{firstName}}, you said "{{quote}}".';
    const started = Date.now();
    const announced = await api.call(
      'mutation($i: AnnounceActionInput!) { announceAction(input: $i) { noticesQueued } }',
      {
        i: {
          actionId,
          subject,
          body,
          audience: { sources: ['SURVEY'], sentiment: ['NEGATIVE'], from: '2026-05-01T00:00:00.000Z' },
        },
      },
      token,
    );
    expect(announced.errors).toBeUndefined();
    expect(announced.data?.['announceAction']).toEqual({ noticesQueued: 2 });

    const after = await api.call(ANNOUNCEMENT, { id: actionId }, token);
    expect(after.errors).toBeUndefined();
    const { announcement } = after.data?.['action'] as {
      announcement: { announcedAt: string; excluded: { reason: string; count: number }[] } & Record<string, unknown>;
    };
    expect(announcement).toEqual({
      subject,
      body,
      audienceSize: 2,
      announcedById: leadId,
      announcedBy: 'Priya Lead',
      announcedAt: expect.any(String),
      audience: {
        sources: ['SURVEY'],
        segment: null,
        from: '2026-05-01T00:00:00.000Z',
        to: null,
        sentiment: ['NEGATIVE'],
      },
      excluded: [
        { reason: 'UNSUBSCRIBED', count: 1 },
        { reason: 'ERASED', count: 0 },
        { reason: 'NO_EMAIL', count: 0 },
        { reason: 'ALREADY_TOLD', count: 0 },
        { reason: 'OVER_CAP', count: 0 },
      ],
    });
    const at = Date.parse(announcement.announcedAt);
    expect(at).toBeGreaterThanOrEqual(started - 1_000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1_000);
  });
});
