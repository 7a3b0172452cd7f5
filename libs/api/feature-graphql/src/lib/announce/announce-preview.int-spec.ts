/**
 * The announcement's audience on a real PostgreSQL (`npm run stack:up`): the preview and the send
 * use one SQL definition, with its filter, exclusions and the weekly cap.
 */
import { ActionRuleError } from '@closedloop/actions-domain';
import { InMemoryMessageBus } from '@closedloop/messaging';
import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { OutboxRelayService } from '@closedloop/platform';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { ActionService } from '../actions/action.service';
import { FeedbackSourceKind, SentimentLabel } from '../feedback/feedback-enums';
import { NoticeStatusValue } from '../notices/notice.model';
import { NoticeService } from '../notices/notice.service';
import { SettingsService } from '../settings/settings.service';

const ACTOR = { id: randomUUID(), label: 'Priya' };
const THEME = `theme-${randomUUID()}`;
/** Fixed ids, so the sample customer (the first told, by id) is known: Ada. */
const C = {
  ada: '00000000-0000-4000-8000-00000000000a',
  ben: '00000000-0000-4000-8000-00000000000b',
  unsubscribed: '00000000-0000-4000-8000-00000000000c',
  erased: '00000000-0000-4000-8000-00000000000d',
  noEmail: '00000000-0000-4000-8000-00000000000e',
  capped: '00000000-0000-4000-8000-00000000000f',
  told: '00000000-0000-4000-8000-000000000010',
};

describe('announce preview and audience on PostgreSQL', () => {
  let db: TestDatabase;
  let outbox: OutboxRelayService;
  let actions: ActionService;
  let settings: SettingsService;
  let actionX = '';
  let other = '';
  const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);

  const feedback = async (
    customer: string,
    source: string,
    at: string,
    text: string,
    sentiment: 'negative' | 'neutral' | 'positive',
    details: Record<string, unknown> = {},
  ) => {
    const id = randomUUID();
    await q(
      `INSERT INTO feedback (id, event_key, source, customer_id, occurred_at, received_at, text, sentiment_label, theme_id, details)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9::jsonb)`,
      [
        id,
        `${source}:${id}`,
        source,
        customer,
        new Date(`${at}T10:00:00Z`),
        text,
        sentiment,
        THEME,
        JSON.stringify(details),
      ],
    );
  };

  const newAction = async (title: string): Promise<string> => {
    const action = await actions.create(
      { title, description: '', themeIds: [THEME], feedbackIds: [] },
      ACTOR,
    );
    await q(`UPDATE actions SET status = 'shipped', shipped_at = now() WHERE id = $1`, [action.id]);
    return action.id;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    outbox = new OutboxRelayService(db.dataSource, new InMemoryMessageBus());
    actions = new ActionService(db.dataSource, outbox);
    settings = new SettingsService(db.dataSource);
    await q(
      `INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, 'priya@example.com', 'Priya', 'cx_lead', 'x')`,
      [ACTOR.id],
    );
    await q(
      `INSERT INTO themes (id, space, label, label_source, status) VALUES ($1, 'default', 'Payouts', 'manual', 'active')`,
      [THEME],
    );
    const customers: [string, string | null, string][] = [
      [C.ada, 'ada@example.com', 'Ada Lovelace'],
      [C.ben, 'ben@example.com', 'Ben'],
      [C.unsubscribed, 'u@example.com', 'Una'],
      [C.erased, 'e@example.com', 'Eve'],
      [C.noEmail, null, 'Ned'],
      [C.capped, 'cap@example.com', 'Cap'],
      [C.told, 'told@example.com', 'Tod'],
    ];
    for (const [id, email, name] of customers) {
      await q('INSERT INTO customers (id, email, name) VALUES ($1, $2, $3)', [id, email, name]);
    }
    await q('UPDATE customers SET unsubscribed_at = now() WHERE id = $1', [C.unsubscribed]);
    await q('UPDATE customers SET erased_at = now() WHERE id = $1', [C.erased]);
    await feedback(
      C.ada,
      'survey',
      '2026-06-01',
      'the <b>payout</b> was late & "lost"',
      'negative',
    );
    await feedback(C.ada, 'crm', '2026-06-02', 'crm note about payouts', 'neutral', {
      kind: 'ticket',
      account: { segment: 'enterprise' },
    });
    await feedback(C.ben, 'survey', '2026-06-10', 'payouts are fine now', 'positive');
    for (const c of [C.unsubscribed, C.erased, C.noEmail, C.capped, C.told]) {
      await feedback(c, 'survey', '2026-06-03', 'payout complaint', 'negative');
    }
    actionX = await newAction('Faster payouts');
    other = await newAction('Something else');
    // Already told about X; and three emails to Cap in the last 7 days (the default cap is 3).
    await q(
      `INSERT INTO notices (id, action_id, customer_id, status, sent_at) VALUES ($1, $2, $3, 'sent', now())`,
      [randomUUID(), actionX, C.told],
    );
    for (let n = 0; n < 3; n += 1) {
      const action = await newAction(`Earlier change ${n}`);
      await q(
        `INSERT INTO notices (id, action_id, customer_id, status, sent_at) VALUES ($1, $2, $3, 'sent', now() - interval '2 days')`,
        [randomUUID(), action, C.capped],
      );
    }
    // An email older than 7 days does not count.
    const old = await newAction('Old change');
    await q(
      `INSERT INTO notices (id, action_id, customer_id, status, sent_at) VALUES ($1, $2, $3, 'sent', now() - interval '8 days')`,
      [randomUUID(), old, C.ben],
    );
  });

  afterAll(async () => {
    await outbox?.beforeApplicationShutdown();
    await db?.drop();
  });

  const template = {
    subject: 'We fixed it, {{firstName}}',
    body: 'Hi {{firstName}},\n\nOn {{quoteDate}} you told us: "{{quote}}"\n\nWe listened: {{change}}.',
  };
  const excluded = (preview: { excluded: { reason: string; count: number }[] }) =>
    Object.fromEntries(preview.excluded.map((e) => [e.reason, e.count]));

  it('counts the audience, who is left out and why, and renders a sample with the customer’s own words', async () => {
    const preview = await actions.preview({ actionId: actionX, ...template });
    expect(preview.size).toBe(2); // Ada and Ben
    expect(excluded(preview)).toEqual({
      UNSUBSCRIBED: 1,
      ERASED: 1,
      NO_EMAIL: 1,
      ALREADY_TOLD: 1,
      OVER_CAP: 1,
    });
    const sample = preview.sample;
    expect(sample?.customer.id).toBe(C.ada);
    expect(sample?.subject).toBe('We fixed it, Ada');
    // Ada's latest words in scope: the CRM note of 06-02.
    expect(sample?.text).toContain('On 2026-06-02 you told us: "crm note about payouts"');
    expect(sample?.text).toContain('We listened: Faster payouts.');
    expect(sample?.html).toContain('Unsubscribe');
  });

  it('narrows by source, segment, dates and sentiment, and escapes the customer’s text in the HTML', async () => {
    const survey = await actions.preview({
      actionId: actionX,
      ...template,
      audience: { sources: [FeedbackSourceKind.SURVEY], sentiment: [SentimentLabel.NEGATIVE] },
    });
    expect(survey.size).toBe(1); // Ada (Ben's survey is positive)
    expect(survey.sample?.text).toContain('"the <b>payout</b> was late & "lost""');
    expect(survey.sample?.html).toContain(
      'the &lt;b&gt;payout&lt;/b&gt; was late &amp; &quot;lost&quot;',
    );
    expect(survey.sample?.html).not.toContain('<b>payout');
    const segment = await actions.preview({
      actionId: actionX,
      ...template,
      audience: { segment: 'enterprise' },
    });
    expect(segment.size).toBe(1);
    expect(segment.sample?.customer.id).toBe(C.ada);
    expect(excluded(segment)).toEqual({
      UNSUBSCRIBED: 0,
      ERASED: 0,
      NO_EMAIL: 0,
      ALREADY_TOLD: 0,
      OVER_CAP: 0,
    });
    const later = await actions.preview({
      actionId: actionX,
      ...template,
      audience: { from: new Date('2026-06-05T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z') },
    });
    expect(later.size).toBe(1);
    expect(later.sample?.customer.id).toBe(C.ben);
    const nobody = await actions.preview({
      actionId: actionX,
      ...template,
      audience: { segment: 'smb' },
    });
    expect(nobody).toEqual({ size: 0, excluded: expect.any(Array), sample: null });
    await expectApiError(
      actions.preview({
        actionId: actionX,
        ...template,
        audience: { from: new Date('2026-07-01T00:00:00Z'), to: new Date('2026-06-01T00:00:00Z') },
      }),
      'BAD_USER_INPUT',
      'audience.from',
    );
  });

  it('the cap counts emails, not notices: a digest of three changes is one email, pending notices one more', async () => {
    const digestCustomer = randomUUID();
    await q('INSERT INTO customers (id, email, name) VALUES ($1, $2, $3)', [
      digestCustomer,
      `digest-${randomUUID().slice(0, 8)}@example.com`,
      'Dee Gest',
    ]);
    await feedback(digestCustomer, 'survey', '2026-06-04', 'payout complaint', 'negative');
    const capBefore = excluded(await actions.preview({ actionId: actionX, ...template }))['OVER_CAP'];
    // One digest email naming three changes, two days ago (the default cap is 3).
    for (let n = 0; n < 3; n += 1) {
      await q(
        `INSERT INTO notices (id, action_id, customer_id, status, sent_at, message_id) VALUES ($1, $2, $3, 'sent', now() - interval '2 days', '<digest-1@x>')`,
        [randomUUID(), await newAction(`Digest change ${n}`), digestCustomer],
      );
    }
    expect(excluded(await actions.preview({ actionId: actionX, ...template }))['OVER_CAP']).toBe(capBefore);
    // A second email (one notice), then two notices still pending (one more email): 3 emails, capped.
    await q(
      `INSERT INTO notices (id, action_id, customer_id, status, sent_at, message_id) VALUES ($1, $2, $3, 'sent', now() - interval '1 day', '<single@x>')`,
      [randomUUID(), await newAction('Single change'), digestCustomer],
    );
    expect(excluded(await actions.preview({ actionId: actionX, ...template }))['OVER_CAP']).toBe(capBefore);
    for (let n = 0; n < 2; n += 1) {
      await q(`INSERT INTO notices (id, action_id, customer_id, status) VALUES ($1, $2, $3, 'requested')`, [
        randomUUID(),
        await newAction(`Pending change ${n}`),
        digestCustomer,
      ]);
    }
    expect(excluded(await actions.preview({ actionId: actionX, ...template }))['OVER_CAP']).toBe((capBefore ?? 0) + 1);
    // Leave the audience of the other tests as it was.
    await q('DELETE FROM notices WHERE customer_id = $1', [digestCustomer]);
    await q('DELETE FROM feedback WHERE customer_id = $1', [digestCustomer]);
    await q('DELETE FROM customers WHERE id = $1', [digestCustomer]);
  });

  it('the cap follows the noticeWeeklyCap setting', async () => {
    await settings.update({ noticeWeeklyCap: 4 }, 'test');
    expect(excluded(await actions.preview({ actionId: actionX, ...template }))['OVER_CAP']).toBe(0);
    expect((await actions.preview({ actionId: actionX, ...template })).size).toBe(3);
    await settings.update({ noticeWeeklyCap: 3 }, 'test');
    await expectApiError(
      settings.update({ noticeWeeklyCap: 51 }, 'test'),
      'BAD_USER_INPUT',
      'noticeWeeklyCap',
    );
  });

  it('announces to exactly the previewed customers, once', async () => {
    const audience = { sources: [FeedbackSourceKind.SURVEY] };
    const preview = await actions.preview({ actionId: actionX, ...template, audience });
    expect(preview.size).toBe(2);
    const result = await actions.announce({ actionId: actionX, ...template, audience }, ACTOR);
    expect(result.noticesQueued).toBe(preview.size);
    const queued: { customer_id: string }[] = await q(
      `SELECT customer_id FROM notices WHERE action_id = $1 AND status = 'requested' ORDER BY customer_id`,
      [actionX],
    );
    expect(queued.map((r) => r.customer_id)).toEqual([C.ada, C.ben]);
    const events: { n: number }[] = await q(
      `SELECT count(*)::int AS n FROM outbox WHERE topic = 'notice.requested.v1' AND payload ->> 'actionId' = $1`,
      [actionX],
    );
    expect(events[0]?.n).toBe(2);
    // Pressing send again: refused, nothing more queued.
    const again = await actions.announce({ actionId: actionX, ...template, audience }, ACTOR).then(
      () => null,
      (e: unknown) => e,
    );
    expect(again).toBeInstanceOf(ActionRuleError);
    const after: { n: number }[] = await q(
      'SELECT count(*)::int AS n FROM notices WHERE action_id = $1',
      [actionX],
    );
    expect(after[0]?.n).toBe(3); // Ada, Ben and the one told before
    const now = await actions.preview({ actionId: actionX, ...template });
    expect(now.size).toBe(0);
    expect(excluded(now)['ALREADY_TOLD']).toBe(3);
  });

  it('lists the recipients with status, a page at a time, and sums them up', async () => {
    const notices = new NoticeService(db.dataSource);
    await q(
      `UPDATE notices SET status = 'suppressed', last_error = 'customer unsubscribed' WHERE action_id = $1 AND customer_id = $2`,
      [actionX, C.ben],
    );
    const summary = await notices.summary(actionX);
    expect(summary).toEqual({
      total: 3,
      pending: 1,
      sent: 1,
      delivered: 1,
      failed: 0,
      suppressed: 1,
    });
    const first = await notices.recipients(actionX, 2, null, null);
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await notices.recipients(actionX, 2, first.pageInfo.endCursor, null);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const all = [...first.edges, ...second.edges].map((e) => e.node);
    expect(all.map((n) => n.customer.id).sort()).toEqual([C.ada, C.ben, C.told].sort());
    expect(all[0]?.customer.id).toBe(C.told); // queued first
    const suppressed = await notices.recipients(actionX, 10, null, [NoticeStatusValue.SUPPRESSED]);
    expect(suppressed.totalCount).toBe(1);
    expect(suppressed.edges[0]?.node).toMatchObject({
      status: 'suppressed',
      reason: 'customer unsubscribed',
      customer: { id: C.ben },
    });
    const sent = await notices.recipients(actionX, 10, null, [NoticeStatusValue.SENT]);
    expect(
      sent.edges.map((e) => [e.node.customer.id, e.node.reason, e.node.sentAt instanceof Date]),
    ).toEqual([[C.told, null, true]]);
    await expectApiError(
      notices.recipients(actionX, 10, 'garbage', null),
      'BAD_USER_INPUT',
      'after',
    );
    await expectApiError(notices.recipients(actionX, 0, null, null), 'BAD_USER_INPUT', 'first');
    await q(
      `UPDATE notices SET status = 'requested', last_error = NULL WHERE action_id = $1 AND customer_id = $2`,
      [actionX, C.ben],
    );
  });

  it('queued notices count towards the cap of a later announcement', async () => {
    await settings.update({ noticeWeeklyCap: 1 }, 'test');
    const preview = await actions.preview({ actionId: other, ...template });
    // Ada and Ben have a queued notice about X (Ben's old email is over 7 days ago), Cap three sent, Tod one.
    expect(excluded(preview)['OVER_CAP']).toBe(4);
    expect(preview.size).toBe(0);
    await expectApiError(
      actions.announce({ actionId: other, ...template }, ACTOR),
      'NOTHING_TO_ANNOUNCE',
    );
    await settings.update({ noticeWeeklyCap: 3 }, 'test');
  });

  const expectApiError = async (work: Promise<unknown>, code: string, field?: string) => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    if (error instanceof ActionRuleError) {
      expect(error.code).toBe(code);
      return;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe(code);
    if (field) expect((error as GraphQLError).extensions['field']).toBe(field);
  };
});
