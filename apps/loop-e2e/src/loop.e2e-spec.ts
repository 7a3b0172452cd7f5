import {
  NoticeRequestedTopic,
  SurveyFeedbackTopic,
  deadLetterTopicName,
} from '@closedloop/contracts';
import { Kafka, Partitioners } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import {
  createApiKey,
  createRunDatabase,
  createUser,
  dropRunDatabase,
  query,
} from './support/database';
import { runTool } from './support/cli';
import { metricSum, scrape } from './support/prometheus';
import { eventually } from './support/eventually';
import { graphql, graphqlData, signIn } from './support/graphql-client';
import { kcatConsumeLatest, kcatProduce } from './support/kcat';
import { mailTo, receivedMail } from './support/smtp-inbox';
import { startService, waitForHttp, type RunningService } from './support/services';
import { stackEnv } from './support/stack-env';

const run = randomUUID().slice(0, 8);
/** How many customers the loop test's announcement reached (its action's theme decides). */
let announcedNotices = 1;
const dbName = `closedloop_e2e_${run}`;
const API_PORT = 3310;
const api = `http://127.0.0.1:${API_PORT}`;
const secret = `e2e-unsubscribe-secret-${run}`;

const SUBMIT = `mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { status eventKey correlationId } }`;
let apiKey = '';
/** A CX lead's session: the portal-side operations need one. */
let session = '';
/** An admin's session (erasure). */
let adminSession = '';
const BY_KEY = `query($k: String!) { feedbackByEventKey(eventKey: $k) { id text score scoreBand customer { id email name } } }`;

function surveyInput(externalId: string, email: string, comment: string, score = 3) {
  return {
    externalId,
    occurredAt: '2026-11-01T10:00:00Z',
    customerEmail: email,
    customerName: 'Ada Lovelace',
    surveyId: 'nps-e2e',
    metric: 'NPS',
    score,
    comment,
    channel: 'EMAIL',
  };
}

async function stored(eventKey: string) {
  let found: { id: string; customer: { id: string } } | null = null;
  await eventually(async () => {
    const data = await graphqlData<{ feedbackByEventKey: typeof found }>(
      api,
      BY_KEY,
      {
        k: eventKey,
      },
      session,
    );
    expect(data.feedbackByEventKey).not.toBeNull();
    found = data.feedbackByEventKey;
  });
  return found as unknown as { id: string; text: string; customer: { id: string; email: string } };
}

describe('the thin loop on Kafka, PostgreSQL and SMTP', () => {
  let databaseUrl: string;
  const services: RunningService[] = [];

  beforeAll(async () => {
    const smtp = await fetch(`${stackEnv.smtpApiUrl}/health`).catch((e: unknown) => {
      throw new Error(
        `test SMTP server not reachable at ${stackEnv.smtpApiUrl} (npm run stack:up): ${String(e)}`,
      );
    });
    expect(smtp.ok).toBe(true);
    databaseUrl = await createRunDatabase(dbName);
    const common = {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: stackEnv.kafkaBrokers,
      UNSUBSCRIBE_SECRET: secret,
      HOST: '127.0.0.1',
    };
    const apiService = startService('api', {
      ...common,
      PORT: String(API_PORT),
      CORS_ORIGINS: 'https://portal.example.com',
      RUN_MIGRATIONS: 'true',
      // The first admin comes from the environment at start.
      ADMIN_EMAIL: `admin-${run}@example.com`,
      ADMIN_PASSWORD: `first admin passphrase ${run}`,
    });
    services.push(apiService);
    await waitForHttp(`${api}/health/ready`, apiService);
    apiKey = await createApiKey(databaseUrl, ['survey', 'social', 'crm', 'staff']);
    await createUser(databaseUrl, {
      email: `lead-${run}@example.com`,
      name: 'E2E Lead',
      role: 'cx_lead',
      password: `e2e passphrase ${run}`,
    });
    session = await signIn(api, `lead-${run}@example.com`, `e2e passphrase ${run}`);
    const admin = await signIn(api, `admin-${run}@example.com`, `first admin passphrase ${run}`);
    const me = await graphqlData<{ me: { role: string } }>(api, '{ me { role } }', {}, admin);
    expect(me.me.role).toBe('ADMIN');
    adminSession = admin;
    const pipeline = startService('pipeline', { ...common, HEALTH_PORT: '3311' });
    const notifier = startService('notifier', {
      ...common,
      HEALTH_PORT: '3312',
      SMTP_HOST: stackEnv.smtpHost,
      SMTP_PORT: String(stackEnv.smtpPort),
      PUBLIC_URL: api,
      NOTICE_DIGEST_MINUTES: '0',
    });
    services.push(pipeline, notifier);
    await waitForHttp('http://127.0.0.1:3311/health/ready', pipeline);
    await waitForHttp('http://127.0.0.1:3312/health/ready', notifier);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    if (databaseUrl) await dropRunDatabase(dbName);
  }, 60_000);

  it('stores a survey response submitted over GraphQL, and the same event twice is one row', async () => {
    const email = `ada-${run}@example.com`;
    const input = surveyInput(`twice-${run}`, email, 'Checkout keeps timing out');
    const first = await graphqlData<{ submitSurveyResponse: { status: string; eventKey: string } }>(
      api,
      SUBMIT,
      { input },
      apiKey,
    );
    expect(first.submitSurveyResponse).toEqual(
      expect.objectContaining({ status: 'ACCEPTED', eventKey: `survey:twice-${run}` }),
    );
    await graphqlData(api, SUBMIT, { input }, apiKey);

    const feedback = await stored(`survey:twice-${run}`);
    expect(feedback).toEqual(expect.objectContaining({ text: 'Checkout keeps timing out' }));
    expect(feedback.customer.email).toBe(email);
    // Give the second delivery every chance to land, then count.
    await new Promise((r) => setTimeout(r, 2000));
    const rows = await query<{ n: string }>(
      databaseUrl,
      'SELECT count(*) AS n FROM feedback WHERE event_key = $1',
      [`survey:twice-${run}`],
    );
    expect(rows[0]?.n).toBe('1');
  });

  it('refuses bad input over GraphQL naming the field, and produces nothing', async () => {
    const body = await graphql(
      api,
      SUBMIT,
      { input: surveyInput(`bad-${run}`, `bad-${run}@example.com`, 'x', 11) },
      apiKey,
    );
    expect(body.errors?.[0]?.extensions).toEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'score' }),
    );
    expect(body.errors?.[0]?.message).toContain('NPS score must be between 0 and 10, got 11');
  });

  it('works with kcat: kcat reads what api produced, and pipeline stores what kcat produced', async () => {
    await graphqlData(
      api,
      SUBMIT,
      { input: surveyInput(`kcat-read-${run}`, `kcat-${run}@example.com`, 'Produced by api') },
      apiKey,
    );
    await eventually(() => {
      const produced = kcatConsumeLatest(SurveyFeedbackTopic.name).find(
        (m) => m.key === `survey:kcat-read-${run}`,
      );
      expect(produced).toBeDefined();
      expect(JSON.parse(produced?.value ?? '{}')).toEqual(
        expect.objectContaining({
          schemaVersion: 1,
          source: 'survey',
          externalId: `kcat-read-${run}`,
        }),
      );
    });

    const event = {
      schemaVersion: 1,
      source: 'survey',
      externalId: `kcat-write-${run}`,
      occurredAt: '2026-11-02T09:30:00+01:00',
      customer: { email: `kcat-writer-${run}@example.com`, name: 'Grace Hopper' },
      survey: { surveyId: 'csat-e2e', metric: 'CSAT', score: 5, comment: 'Written by kcat' },
    };
    kcatProduce(SurveyFeedbackTopic.name, `survey:kcat-write-${run}`, JSON.stringify(event), {
      'correlation-id': `kcat-${run}`,
    });
    const feedback = await stored(`survey:kcat-write-${run}`);
    expect(feedback.text).toBe('Written by kcat');
  });

  it('dead-letters an invalid event with its reason, and the consumer keeps going', async () => {
    const badKey = `survey:invalid-${run}`;
    const invalid = JSON.stringify({
      schemaVersion: 1,
      source: 'survey',
      externalId: `invalid-${run}`,
      occurredAt: 'yesterday',
    });
    kcatProduce(SurveyFeedbackTopic.name, badKey, invalid);
    kcatProduce(SurveyFeedbackTopic.name, `survey:garbage-${run}`, '{"this is": not json');
    kcatProduce(
      SurveyFeedbackTopic.name,
      `survey:after-${run}`,
      JSON.stringify({
        schemaVersion: 1,
        source: 'survey',
        externalId: `after-${run}`,
        occurredAt: '2026-11-03T10:00:00Z',
        customer: { externalId: `respondent-${run}` },
        survey: { surveyId: 'ces-e2e', metric: 'CES', score: 6 },
      }),
    );
    await stored(`survey:after-${run}`);
    await eventually(() => {
      const dead = kcatConsumeLatest(deadLetterTopicName(SurveyFeedbackTopic.name));
      const invalidDead = dead.find((m) => m.key === badKey);
      expect(invalidDead?.value).toBe(invalid);
      expect(invalidDead?.headers).toContain('dlq-reason=schema violation: occurredAt:');
      expect(invalidDead?.headers).toContain('customer');
      const garbage = dead.find((m) => m.key === `survey:garbage-${run}`);
      expect(garbage?.headers).toContain('dlq-reason=malformed JSON');
    });
    const rows = await query<{ n: string }>(
      databaseUrl,
      'SELECT count(*) AS n FROM feedback WHERE event_key IN ($1, $2)',
      [badKey, `survey:garbage-${run}`],
    );
    expect(rows[0]?.n).toBe('0');

    // The pipeline's dead-letters stage keeps both; an admin sees them with their reasons.
    type Kept = { id: string; key: string; reason: string; status: string };
    const kept = async (): Promise<Kept[]> =>
      (
        await graphqlData<{ deadLetters: { edges: { node: Kept }[] } }>(
          api,
          'query($f: DeadLetterFilterInput) { deadLetters(first: 200, filter: $f) { edges { node { id key reason status } } } }',
          { f: { sourceTopic: SurveyFeedbackTopic.name } },
          adminSession,
        )
      ).deadLetters.edges.map((e) => e.node);
    let garbage: Kept | undefined;
    await eventually(async () => {
      const letters = await kept();
      expect(letters.find((l) => l.key === badKey)?.reason).toMatch(
        /^schema violation: occurredAt:/,
      );
      garbage = letters.find((l) => l.key === `survey:garbage-${run}`);
      expect(garbage?.status).toBe('OPEN');
    });
    // The CLI lists and replays them too; garbage replayed fails again and comes back as a new one.
    const cliEnv = { DATABASE_URL: databaseUrl, KAFKA_BROKERS: stackEnv.kafkaBrokers };
    const listed = await runTool(
      'tools/dead-letters/dead-letters-cli.ts',
      ['list', '--status', 'open', '--topic', SurveyFeedbackTopic.name],
      cliEnv,
    );
    expect(listed).toContain(`${garbage?.id}\t`);
    expect(listed).toContain(badKey);
    const replayed = await runTool(
      'tools/dead-letters/dead-letters-cli.ts',
      ['replay', garbage?.id ?? ''],
      cliEnv,
    );
    expect(replayed).toContain('replayed 1');
    await eventually(async () => {
      const again = (await kept()).filter((l) => l.key === `survey:garbage-${run}`);
      expect(again.map((l) => l.status).sort()).toEqual(['OPEN', 'REPLAYED']);
    });
  });

  it('closes the loop: action created, linked, shipped and announced; one email over SMTP, recorded', async () => {
    const email = `loop-${run}@example.com`;
    await graphqlData(
      api,
      SUBMIT,
      { input: surveyInput(`loop-${run}`, email, 'Paying by card <b>fails</b> & times out') },
      apiKey,
    );
    // The same feedback again, and a second response from the same customer: still one email.
    await graphqlData(
      api,
      SUBMIT,
      { input: surveyInput(`loop-${run}`, email, 'Paying by card <b>fails</b> & times out') },
      apiKey,
    );
    await graphqlData(
      api,
      SUBMIT,
      // Said earlier than the first response, so the notice quotes the first (the newest).
      {
        input: {
          ...surveyInput(`loop2-${run}`, email, 'Still slow at checkout', 5),
          occurredAt: '2026-10-30T10:00:00Z',
        },
      },
      apiKey,
    );
    const f1 = await stored(`survey:loop-${run}`);
    const f2 = await stored(`survey:loop2-${run}`);

    // The action is created from the theme the pipeline put the first response in.
    let themeId = '';
    await eventually(async () => {
      const rows = await query<{ theme_id: string | null }>(
        databaseUrl,
        'SELECT theme_id FROM feedback WHERE id = $1',
        [f1.id],
      );
      expect(rows[0]?.theme_id).toBeTruthy();
      themeId = rows[0]?.theme_id ?? '';
    }, 60_000);
    const created = await graphqlData<{
      createAction: { id: string; status: string; themes: { id: string }[] };
    }>(
      api,
      `mutation($input: CreateActionInput!) { createAction(input: $input) { id status themes { id } } }`,
      {
        input: {
          title: 'Fix card payments',
          description: 'Retry the gateway',
          themeIds: [themeId],
          feedbackIds: [f1.id],
        },
      },
      session,
    );
    expect(created.createAction.themes).toEqual([{ id: themeId }]);
    const actionId = created.createAction.id;
    expect(created.createAction.status).toBe('PROPOSED');
    await graphqlData(
      api,
      `mutation($a: ID!, $f: [ID!]!) { linkFeedbackToAction(actionId: $a, feedbackIds: $f) { id } }`,
      { a: actionId, f: [f2.id] },
      session,
    );

    const CHANGE = `mutation($input: ChangeActionStatusInput!) { changeActionStatus(input: $input) { status shippedAt } }`;
    const illegal = await graphql(api, CHANGE, { input: { actionId, status: 'SHIPPED' } }, session);
    expect(illegal.errors?.[0]?.extensions?.['code']).toBe('ILLEGAL_TRANSITION');
    expect(illegal.errors?.[0]?.extensions).toMatchObject({
      from: 'proposed',
      to: 'shipped',
      allowed: ['planned', 'in_progress', 'declined'],
    });
    for (const status of ['PLANNED', 'IN_PROGRESS', 'SHIPPED']) {
      await graphqlData(api, CHANGE, { input: { actionId, status } }, session);
    }

    const ANNOUNCE = `mutation($input: AnnounceActionInput!) { announceAction(input: $input) { noticesQueued action { status } } }`;
    const announce = {
      actionId,
      subject: 'We fixed {{change}}',
      body: 'Hi {{firstName}},\n\nYou said: "{{quote}}"\n\nWe changed: {{change}}.',
    };
    // The audience: every reachable customer of the action's theme and linked feedback; this
    // customer (two responses, one repeated) once, and whoever else the theme holds.
    const audience = await query<{ n: string }>(
      databaseUrl,
      `SELECT count(DISTINCT c.id) AS n FROM customers c JOIN feedback f ON f.customer_id = c.id
       WHERE c.email IS NOT NULL AND c.unsubscribed_at IS NULL AND c.erased_at IS NULL
         AND (f.theme_id = (SELECT theme_id FROM action_themes WHERE action_id = $1) OR f.id = ANY($2::uuid[]))`,
      [actionId, [f1.id, f2.id]],
    );
    const expectedNotices = Number(audience[0]?.n);
    announcedNotices = expectedNotices;
    expect(expectedNotices).toBeGreaterThanOrEqual(1);
    // The preview counts the same audience the send reaches, and renders a sample.
    const preview = await graphqlData<{
      announcePreview: {
        size: number;
        excluded: { reason: string; count: number }[];
        sample: { subject: string; text: string; html: string } | null;
      };
    }>(
      api,
      `query($input: AnnouncePreviewInput!) { announcePreview(input: $input) {
        size excluded { reason count } sample { subject text html } } }`,
      { input: announce },
      session,
    );
    expect(preview.announcePreview.size).toBe(expectedNotices);
    expect(preview.announcePreview.excluded.map((e) => e.reason)).toEqual([
      'UNSUBSCRIBED',
      'ERASED',
      'NO_EMAIL',
      'ALREADY_TOLD',
      'OVER_CAP',
    ]);
    expect(preview.announcePreview.sample?.subject).toBe('We fixed Fix card payments');
    expect(preview.announcePreview.sample?.html).not.toContain('<b>fails</b>');
    const announced = await graphqlData<{
      announceAction: { noticesQueued: number; action: { status: string } };
    }>(api, ANNOUNCE, { input: announce }, session);
    expect(announced.announceAction).toEqual({
      noticesQueued: expectedNotices,
      action: { status: 'ANNOUNCED' },
    });
    const twice = await graphql(api, ANNOUNCE, { input: announce }, session);
    expect(twice.errors?.[0]?.extensions?.['code']).toBe('ILLEGAL_TRANSITION');

    await eventually(async () => expect(await mailTo(email)).toHaveLength(1), 60_000);
    const [mail] = await mailTo(email);
    expect(mail?.subject).toBe('We fixed Fix card payments');
    expect(mail?.text).toContain('Hi Ada,');
    expect(mail?.html).toContain('&lt;b&gt;fails&lt;/b&gt; &amp; times out');
    expect(mail?.html).not.toContain('<b>fails</b>');
    const listUnsubscribe = String(mail?.headers['list-unsubscribe'] ?? '');
    expect(listUnsubscribe).toMatch(new RegExp(`^<${api}/unsubscribe/[^>]+>$`));
    expect(String(mail?.headers['list-unsubscribe-post'])).toBe('List-Unsubscribe=One-Click');

    const ACTION = `query($id: ID!) { action(id: $id) { status history { toStatus } noticeSummary { total sent pending } notices { status messageId attempts customer { email } }
      recipients(first: 50, status: [SENT]) { totalCount edges { node { status messageId reason sentAt customer { email } } } } } }`;
    await eventually(async () => {
      const data = await graphqlData<{
        action: {
          noticeSummary: { sent: number };
          notices: {
            status: string;
            messageId: string;
            attempts: number;
            customer: { email: string };
          }[];
          recipients: {
            totalCount: number;
            edges: {
              node: {
                status: string;
                messageId: string;
                reason: string | null;
                sentAt: string | null;
                customer: { email: string };
              };
            }[];
          };
        };
      }>(api, ACTION, { id: actionId }, session);
      expect(data.action.noticeSummary).toEqual({
        total: expectedNotices,
        sent: expectedNotices,
        pending: 0,
      });
      expect(data.action.notices.find((n) => n.customer.email === email)?.messageId).toBe(
        mail?.messageId,
      );
      expect(data.action.recipients.totalCount).toBe(expectedNotices);
      expect(
        data.action.recipients.edges.find((e) => e.node.customer.email === email)?.node,
      ).toMatchObject({
        status: 'SENT',
        messageId: mail?.messageId,
        reason: null,
        sentAt: expect.any(String),
      });
    });

    // Redeliver the notice request, as Kafka may after a crash: no second email.
    const notices = await query<{ id: string; customer_id: string; attempts: number }>(
      databaseUrl,
      'SELECT id, customer_id, attempts FROM notices WHERE action_id = $1 AND customer_id = $2',
      [actionId, f1.customer.id],
    );
    const kafka = new Kafka({
      clientId: 'e2e',
      brokers: stackEnv.kafkaBrokers.split(','),
      logLevel: 0,
    });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: NoticeRequestedTopic.name,
      messages: [
        {
          key: notices[0]?.customer_id ?? '',
          value: JSON.stringify({
            schemaVersion: 1,
            noticeId: notices[0]?.id,
            actionId,
            customerId: notices[0]?.customer_id,
            requestedAt: new Date().toISOString(),
          }),
        },
      ],
    });
    await producer.disconnect();
    await new Promise((r) => setTimeout(r, 4000));
    expect(await mailTo(email)).toHaveLength(1);
    const after = await query<{ attempts: number; status: string }>(
      databaseUrl,
      'SELECT attempts, status FROM notices WHERE action_id = $1 AND customer_id = $2',
      [actionId, f1.customer.id],
    );
    expect(after).toEqual([{ attempts: notices[0]?.attempts, status: 'sent' }]);

    // The pipeline's tracking stage counted the item in the weekly roll-up, and the measures and
    // the impact answer over GraphQL: both responses are actioned and, once the notifier reported
    // the notices sent, told.
    await eventually(async () => {
      const tracked = await query<{ tracked: boolean }>(
        databaseUrl,
        'SELECT tracked_at IS NOT NULL AS tracked FROM feedback WHERE id = $1',
        [f1.id],
      );
      expect(tracked[0]?.tracked).toBe(true);
    });
    // Told follows the delivery: the tracking stage marks the items once notice.delivered.v1 says sent.
    await eventually(async () => {
      const measures = await graphqlData<{
        loopMeasures: { overall: { actioned: number; told: number; toldShare: number } };
        actionImpact: { windowWeeks: number; after: { weeks: { offset: number }[] } } | null;
      }>(
        api,
        `query($filter: LoopFilterInput!, $a: ID!) {
          loopMeasures(filter: $filter) { overall { actioned told toldShare } }
          actionImpact(actionId: $a, windowWeeks: 2) { windowWeeks after { weeks { offset } } }
        }`,
        {
          filter: { from: '2026-10-26T00:00:00Z', to: '2026-11-09T00:00:00Z' },
          a: actionId,
        },
        session,
      );
      expect(measures.loopMeasures.overall.actioned).toBeGreaterThanOrEqual(2);
      expect(measures.loopMeasures.overall.told).toBeGreaterThanOrEqual(2);
      expect(measures.actionImpact?.windowWeeks).toBe(2);
      expect(measures.actionImpact?.after.weeks[0]?.offset).toBe(0);
    });

    // One-click unsubscribe (RFC 8058) from the header's URL.
    const unsubscribeUrl = listUnsubscribe.slice(1, -1);
    const response = await fetch(unsubscribeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    const customer = await query<{ unsubscribed_at: Date | null }>(
      databaseUrl,
      'SELECT unsubscribed_at FROM customers WHERE email = $1',
      [email],
    );
    expect(customer[0]?.unsubscribed_at).not.toBeNull();
    const forged = await fetch(
      unsubscribeUrl.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      { method: 'POST' },
    );
    expect(forged.status).toBe(404);

    // GDPR erasure by an admin: the customer's email, name and feedback text are gone.
    const erased = await graphqlData<{ eraseCustomer: { feedbackErased: number } }>(
      api,
      `mutation($id: ID!) { eraseCustomer(id: $id) { feedbackErased } }`,
      { id: f1.customer.id },
      adminSession,
    );
    expect(erased.eraseCustomer.feedbackErased).toBeGreaterThanOrEqual(2);
    const left = await query<{ email: string | null; texts: number }>(
      databaseUrl,
      `SELECT c.email, (SELECT count(*)::int FROM feedback f WHERE f.customer_id = c.id AND f.text IS NOT NULL) AS texts
       FROM customers c WHERE c.id = $1`,
      [f1.customer.id],
    );
    expect(left).toEqual([{ email: null, texts: 0 }]);
  });

  it('requires an API key for ingest and keeps each key to its scopes', async () => {
    const input = surveyInput(`auth-${run}`, `auth-${run}@example.com`, 'x');
    const none = await graphql(api, SUBMIT, { input });
    expect(none.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(none.errors?.[0]?.message).toContain('Missing API key');
    const wrong = await graphql(
      api,
      SUBMIT,
      { input },
      'clk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    );
    expect(wrong.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const crmOnly = await createApiKey(databaseUrl, ['crm']);
    const outside = await graphql(api, SUBMIT, { input }, crmOnly);
    expect(outside.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(outside.errors?.[0]?.message).toContain('may not submit survey feedback');
    await query(databaseUrl, 'UPDATE api_keys SET revoked_at = now() WHERE scopes = $1', [['crm']]);
    await new Promise((r) => setTimeout(r, 10_500));
    const revoked = await graphql(
      api,
      `
        mutation ($input: SubmitCrmRecordInput!) {
          submitCrmRecord(input: $input) {
            status
          }
        }
      `,
      {
        input: {
          externalId: `rev-${run}`,
          occurredAt: '2026-11-01T10:00:00Z',
          kind: 'NOTE',
          accountId: 'a',
          text: 'x',
          contactId: 'c',
        },
      },
      crmOnly,
    );
    expect(revoked.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const [used] = await query<{ last_used_at: Date | null }>(
      databaseUrl,
      'SELECT last_used_at FROM api_keys WHERE scopes = $1',
      [['crm']],
    );
    expect(used?.last_used_at).not.toBeNull();
  });

  it('takes in social, CRM and staff feedback over GraphQL: redacted, enriched, one customer across sources', async () => {
    const email = `multi-${run}@example.com`;
    const social = await graphqlData<{ submitSocialPost: { status: string; eventKey: string } }>(
      api,
      `mutation($input: SubmitSocialPostInput!) { submitSocialPost(input: $input) { status eventKey } }`,
      {
        input: {
          externalId: `post-${run}`,
          occurredAt: '2026-11-02T08:00:00Z',
          platform: 'X',
          authorHandle: `@multi${run}`,
          text: `Terrible app, it crashed twice and lost my order. Never again. Mail me at ${email}`,
          followers: 25000,
          likes: 12,
          isPublic: true,
          customerEmail: email,
        },
      },
      apiKey,
    );
    expect(social.submitSocialPost).toEqual({ status: 'ACCEPTED', eventKey: `social:post-${run}` });
    await graphqlData(
      api,
      `mutation($input: SubmitCrmRecordInput!) { submitCrmRecord(input: $input) { status } }`,
      {
        input: {
          externalId: `ticket-${run}`,
          occurredAt: '2026-11-02T09:00:00Z',
          kind: 'SUPPORT_TICKET',
          accountId: 'acct-1',
          contactId: `contact-${run}`,
          subject: 'Cannot log in',
          text: 'Password reset mail never arrives. Card 4111 1111 1111 1111 was charged.',
          customerEmail: email,
          plan: 'Pro',
        },
      },
      apiKey,
    );
    const prompt = await graphqlData<{ createResearchPrompt: { id: string } }>(
      api,
      `mutation { createResearchPrompt(question: "What slows down checkout in store?") { id } }`,
      {},
      session,
    );
    await graphqlData(
      api,
      `mutation($input: SubmitStaffReportInput!) { submitStaffReport(input: $input) { status } }`,
      {
        input: {
          externalId: `obs-${run}`,
          occurredAt: '2026-11-02T10:00:00Z',
          employeeId: 'emp-1',
          team: 'Store Berlin',
          observation: 'Customers wait at the card reader',
          promptId: prompt.createResearchPrompt.id,
        },
      },
      apiKey,
    );

    const FEEDBACK = `query($k: String!) { feedbackByEventKey(eventKey: $k) { text sentimentLabel journeyStage needsPublicAnswer language customer { id email } } }`;
    type Item = {
      text: string;
      sentimentLabel: string;
      journeyStage: string;
      needsPublicAnswer: boolean;
      language: string;
      customer: { id: string; email: string } | null;
    };
    const find = async (k: string) => {
      let item: Item | null = null;
      await eventually(async () => {
        item = (
          await graphqlData<{ feedbackByEventKey: Item | null }>(api, FEEDBACK, { k }, session)
        ).feedbackByEventKey;
        expect(item).not.toBeNull();
      });
      return item as unknown as Item;
    };
    const post = await find(`social:post-${run}`);
    expect(post).toEqual(
      expect.objectContaining({
        sentimentLabel: 'negative',
        needsPublicAnswer: true,
        language: 'en',
      }),
    );
    expect(post.text).not.toContain(email);
    const ticket = await find(`crm:ticket-${run}`);
    expect(ticket.journeyStage).toBe('support');
    expect(ticket.text).toContain('Cannot log in');
    expect(ticket.text).not.toContain('4111');
    expect(ticket.customer?.id).toBe(post.customer?.id);
    const report = await find(`staff:obs-${run}`);
    expect(report.customer).toBeNull();
    const answers = await graphqlData<{
      researchPrompt: { answerCount: number; answers: { text: string }[] };
    }>(
      api,
      `query($id: ID!) { researchPrompt(id: $id) { answerCount answers { text } } }`,
      {
        id: prompt.createResearchPrompt.id,
      },
      session,
    );
    expect(answers.researchPrompt).toEqual({
      answerCount: 1,
      answers: [{ text: 'Customers wait at the card reader' }],
    });
  });

  it('takes in social, CRM and staff events produced straight to Kafka with kcat', async () => {
    const events = [
      [
        'feedback.social.v1',
        `social:k-post-${run}`,
        {
          schemaVersion: 1,
          source: 'social',
          externalId: `k-post-${run}`,
          occurredAt: '2026-11-03T10:00:00Z',
          social: {
            platform: 'reddit',
            authorHandle: `u/k${run}`,
            text: 'Love the new dashboard!',
            reach: { followers: 10, likes: 2 },
            isPublic: true,
          },
        },
      ],
      [
        'feedback.crm.v1',
        `crm:k-churn-${run}`,
        {
          schemaVersion: 1,
          source: 'crm',
          externalId: `k-churn-${run}`,
          occurredAt: '2026-11-03T10:00:00Z',
          customer: { externalId: `k-contact-${run}` },
          crm: { kind: 'churn_reason', accountId: 'a-2', text: 'Moved to a cheaper competitor' },
        },
      ],
      [
        'feedback.staff.v1',
        `staff:k-obs-${run}`,
        {
          schemaVersion: 1,
          source: 'staff',
          externalId: `k-obs-${run}`,
          occurredAt: '2026-11-03T10:00:00Z',
          customer: { email: `k-named-${run}@example.com`, name: 'Named Customer' },
          staff: {
            employeeId: 'e-2',
            team: 'Support',
            observation: 'Asked twice for an invoice copy',
          },
        },
      ],
    ] as const;
    for (const [topic, key, value] of events) kcatProduce(topic, key, JSON.stringify(value));
    for (const [, key] of events) await stored(key);
    const [churn] = await query<{ journey_stage: string }>(
      databaseUrl,
      'SELECT journey_stage FROM feedback WHERE event_key = $1',
      [`crm:k-churn-${run}`],
    );
    expect(churn?.journey_stage).toBe('leave');
  });

  it('answers a mixed batch per event, and events in = stored + duplicates + rejected', async () => {
    const existing = surveyInput(`loop-${run}`, `loop-${run}@example.com`, 'again');
    const events = [
      { survey: surveyInput(`batch-1-${run}`, `b1-${run}@example.com`, 'Fine') },
      { survey: surveyInput(`batch-1-${run}`, `b1-${run}@example.com`, 'Fine') },
      { survey: existing },
      { survey: surveyInput(`batch-bad-${run}`, `bad-${run}@example.com`, 'x', 42) },
      {
        crm: {
          externalId: `batch-crm-${run}`,
          occurredAt: '2026-11-04T10:00:00Z',
          kind: 'ORDER',
          accountId: 'a',
          contactId: `bc-${run}`,
          text: 'Order arrived early',
        },
      },
      {
        staff: {
          externalId: `batch-staff-${run}`,
          occurredAt: '2026-11-04T10:00:00Z',
          employeeId: 'e',
          team: 't',
          observation: '',
        },
      },
      {},
    ];
    const BATCH = `mutation($events: [FeedbackEventInput!]!) { submitFeedbackBatch(events: $events) { accepted duplicates rejected results { index status eventKey field reason } } }`;
    const result = await graphqlData<{
      submitFeedbackBatch: {
        accepted: number;
        duplicates: number;
        rejected: number;
        results: { index: number; status: string; field: string | null; reason: string | null }[];
      };
    }>(api, BATCH, { events }, apiKey);
    const r = result.submitFeedbackBatch;
    expect(r.results.map((x) => x.status)).toEqual([
      'ACCEPTED',
      'DUPLICATE',
      'DUPLICATE',
      'REJECTED',
      'ACCEPTED',
      'REJECTED',
      'REJECTED',
    ]);
    expect(r.results[3]).toEqual(
      expect.objectContaining({
        field: 'score',
        reason: 'NPS score must be between 0 and 10, got 42',
      }),
    );
    expect(r.results[5]?.field).toBe('observation');
    expect(r.results[6]).toEqual(
      expect.objectContaining({
        field: 'source',
        reason: 'set exactly one of survey, social, crm, staff (got 0)',
      }),
    );
    expect(r.accepted + r.duplicates + r.rejected).toBe(events.length);
    await stored(`survey:batch-1-${run}`);
    await stored(`crm:batch-crm-${run}`);
    const [rows] = await query<{ n: string }>(
      databaseUrl,
      'SELECT count(*) AS n FROM feedback WHERE event_key LIKE $1',
      [`%batch%${run}`],
    );
    expect(Number(rows?.n)).toBe(r.accepted);
  });

  it('groups feedback into themes, and CX leads rename, pin, move, split, merge and set aside themes', async () => {
    const topics = {
      hours: [
        'the store closes too early on saturdays',
        'opening hours changed without any notice',
        'your shop should open earlier in the morning',
        'why is the store closed on public holidays',
        'please keep the branch open later in the evening',
        'the opening times on the website are wrong',
      ],
      language: [
        'the app is not available in spanish',
        'please translate the website into polish',
        'I cannot switch the app language to french',
        'no german version of the user guide',
        'the help pages are only in english',
        'add a portuguese translation please',
      ],
      points: [
        'loyalty points balance missing',
        'my loyalty points are missing',
        'points balance missing from loyalty account',
        'missing loyalty points after purchase',
        'loyalty balance shows missing points',
        'where are my missing loyalty points',
      ],
    };
    const events = Object.entries(topics).flatMap(([topic, texts]) =>
      texts.map((text, i) => ({
        survey: surveyInput(
          `theme-${topic}-${i}-${run}`,
          `theme-${topic}-${i}-${run}@example.com`,
          text,
          4,
        ),
      })),
    );
    const BATCH = `mutation($events: [FeedbackEventInput!]!) { submitFeedbackBatch(events: $events) { accepted } }`;
    expect(
      (
        await graphqlData<{ submitFeedbackBatch: { accepted: number } }>(
          api,
          BATCH,
          { events },
          apiKey,
        )
      ).submitFeedbackBatch.accepted,
    ).toBe(18);

    const placed = async () =>
      query<{ id: string; topic: string; theme_id: string | null }>(
        databaseUrl,
        "SELECT id, split_part(event_key, '-', 2) AS topic, theme_id FROM feedback WHERE event_key LIKE $1 AND themed_at IS NOT NULL ORDER BY event_key",
        [`survey:theme-%-${run}`],
      );
    await eventually(async () => expect(await placed()).toHaveLength(18), 60_000);
    const rows = await placed();
    const themeOf = (topic: string) => {
      const counts = new Map<string, number>();
      for (const r of rows.filter((x) => x.topic === topic && x.theme_id))
        counts.set(r.theme_id as string, (counts.get(r.theme_id as string) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] as string;
    };
    const [hours, language, points] = [themeOf('hours'), themeOf('language'), themeOf('points')];
    expect(new Set([hours, language, points]).size).toBe(3);

    const THEME = `query($id: ID!) { theme(id: $id) { id label labelSource status pinned size mergedInto splitFrom
      quotes(count: 2) { feedbackId text } days { day volume nps } bySource { key volume } mergedFrom { id } feedback(first: 100) { id themeId } } }`;
    type ThemeData = {
      id: string;
      label: string;
      labelSource: string;
      status: string;
      pinned: boolean;
      size: number;
      mergedInto: string | null;
      splitFrom: string | null;
      quotes: { feedbackId: string; text: string }[];
      days: { volume: number; nps: number | null }[];
      bySource: { key: string; volume: number }[];
      mergedFrom: { id: string }[];
      feedback: { id: string; themeId: string }[];
    };
    const theme = async (id: string) =>
      (await graphqlData<{ theme: ThemeData }>(api, THEME, { id }, session)).theme;

    const before = await theme(hours);
    expect(before.quotes.length).toBeGreaterThan(0);
    expect(before.quotes.every((q) => topics.hours.includes(q.text))).toBe(true);
    expect(before.bySource).toEqual([{ key: 'survey', volume: before.feedback.length }]);
    expect(before.days.reduce((sum, d) => sum + d.volume, 0)).toBe(before.feedback.length);
    expect(before.days[0]?.nps).toBe(-100);
    const listed = await graphqlData<{ themes: { edges: { node: { id: string } }[] } }>(
      api,
      '{ themes(first: 200) { edges { node { id } } } }',
      {},
      session,
    );
    expect(listed.themes.edges.map((e) => e.node.id)).toEqual(
      expect.arrayContaining([hours, language, points]),
    );

    const renamed = await graphqlData<{ renameTheme: { label: string; labelSource: string } }>(
      api,
      'mutation($id: ID!) { renameTheme(id: $id, label: "Opening hours") { label labelSource } }',
      { id: hours },
      session,
    );
    expect(renamed.renameTheme).toEqual({ label: 'Opening hours', labelSource: 'manual' });
    expect(
      (
        await graphqlData<{ pinTheme: { pinned: boolean } }>(
          api,
          'mutation($id: ID!) { pinTheme(id: $id) { pinned } }',
          { id: hours },
          session,
        )
      ).pinTheme.pinned,
    ).toBe(true);

    // A person moves one language complaint into the opening-hours theme.
    const languageItem = rows.find((r) => r.theme_id === language)?.id as string;
    await graphqlData(
      api,
      'mutation($ids: [ID!]!, $t: ID!) { moveFeedbackToTheme(feedbackIds: $ids, themeId: $t) { id } }',
      { ids: [languageItem], t: hours },
      session,
    );
    const [moved] = await query<{ theme_id: string }>(
      databaseUrl,
      'SELECT theme_id FROM feedback WHERE id = $1',
      [languageItem],
    );
    expect(moved?.theme_id).toBe(hours);

    // Split two points complaints out, then merge the new theme into the opening-hours theme.
    const pointsItems = rows
      .filter((r) => r.theme_id === points)
      .map((r) => r.id)
      .slice(0, 2);
    const split = await graphqlData<{ splitTheme: { id: string; splitFrom: string } }>(
      api,
      'mutation($id: ID!, $ids: [ID!]) { splitTheme(id: $id, feedbackIds: $ids) { id splitFrom } }',
      { id: points, ids: pointsItems },
      session,
    );
    expect(split.splitTheme.splitFrom).toBe(points);
    expect((await theme(split.splitTheme.id)).feedback.map((f) => f.id).sort()).toEqual(
      [...pointsItems].sort(),
    );
    await graphqlData(
      api,
      'mutation($t: ID!, $s: [ID!]!) { mergeThemes(targetId: $t, sourceIds: $s) { id } }',
      { t: hours, s: [split.splitTheme.id] },
      session,
    );
    const merged = await theme(split.splitTheme.id);
    expect(merged).toEqual(
      expect.objectContaining({ status: 'MERGED', mergedInto: hours, feedback: [] }),
    );
    const after = await theme(hours);
    // The engine may have merged an early fragment of the opening-hours topic into it already.
    expect(after.mergedFrom.map((t) => t.id)).toEqual(
      expect.arrayContaining([split.splitTheme.id]),
    );
    expect(after.feedback.map((f) => f.id)).toEqual(
      expect.arrayContaining([languageItem, ...pointsItems]),
    );
    expect(after.days.reduce((sum, d) => sum + d.volume, 0)).toBe(after.feedback.length);
    expect(after).toEqual(expect.objectContaining({ label: 'Opening hours', pinned: true }));

    expect(
      (
        await graphqlData<{ markThemeNoise: { status: string } }>(
          api,
          'mutation($id: ID!) { markThemeNoise(id: $id) { status } }',
          { id: language },
          session,
        )
      ).markThemeNoise.status,
    ).toBe('NOISE');

    const missing = await graphql(
      api,
      'mutation { renameTheme(id: "no-such-theme", label: "x") { id } }',
      {},
      session,
    );
    expect(missing.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'NOT_FOUND' }));
    const blank = await graphql(
      api,
      'mutation($id: ID!) { renameTheme(id: $id, label: "  ") { id } }',
      { id: hours },
      session,
    );
    expect(blank.errors?.[0]).toEqual(
      expect.objectContaining({
        message: 'label must be 1 to 80 characters',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'label' }),
      }),
    );
    const noisy = await graphql(
      api,
      'mutation($t: ID!, $s: [ID!]!) { mergeThemes(targetId: $t, sourceIds: $s) { id } }',
      { t: hours, s: [language] },
      session,
    );
    expect(noisy.errors?.[0]?.message).toBe(`Theme ${language} is noise`);
  });

  it('refuses an oversized batch, a too-complex query and a too-large body, naming the limit', async () => {
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({
      survey: surveyInput(`many-${i}-${run}`, `m-${run}@example.com`, 'x'),
    }));
    const batch = await graphql(
      api,
      `
        mutation ($events: [FeedbackEventInput!]!) {
          submitFeedbackBatch(events: $events) {
            accepted
          }
        }
      `,
      { events: tooMany },
      apiKey,
    );
    expect(batch.errors?.[0]?.message).toBe('A batch holds 1 to 1000 events; this one has 1001');
    const aliases = Array.from(
      { length: 1200 },
      (_, i) => `a${i}: feedbackItems(first: 1) { edges { node { id text } } }`,
    ).join(' ');
    const complex = await graphql(api, `{ ${aliases} }`, {}, session);
    expect(complex.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
    expect(complex.errors?.[0]?.message).toBe('Query is too complex: cost 6000, the limit is 5000');
    const response = await fetch(`${api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({
        query: '{ feedbackItems { totalCount } }',
        padding: 'x'.repeat(9 * 1024 * 1024),
      }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors[0]?.message).toMatch(/the limit is 8388608 bytes/);
  });

  it('keeps what the SMTP server received parseable and addressed only to this run’s customers', async () => {
    const mine = (await receivedMail()).filter((m) => m.envelope.to.some((t) => t.includes(run)));
    // One email per customer the action was announced to (its theme's customers), none twice.
    expect(mine.length).toBe(announcedNotices);
    expect(new Set(mine.flatMap((m) => m.envelope.to)).size).toBe(announcedNotices);
  });
  it('exposes Prometheus metrics on every service: GraphQL latency, messages in and out, dead letters, lag', async () => {
    const apiMetrics = await scrape(api);
    expect(
      metricSum(apiMetrics, 'closedloop_graphql_request_seconds_count', {
        service: 'api',
        type: 'mutation',
        operation: 'submitSurveyResponse',
        outcome: 'ok',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      metricSum(apiMetrics, 'closedloop_messages_produced_total', {
        topic: SurveyFeedbackTopic.name,
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(metricSum(apiMetrics, 'process_resident_memory_bytes')).toBeGreaterThan(0);

    const pipelineMetrics = await scrape('http://127.0.0.1:3311');
    const intake = {
      service: 'pipeline',
      topic: SurveyFeedbackTopic.name,
      group: 'closedloop.pipeline.intake',
    };
    expect(
      metricSum(pipelineMetrics, 'closedloop_messages_consumed_total', {
        ...intake,
        outcome: 'handled',
      }),
    ).toBeGreaterThanOrEqual(3);
    expect(
      metricSum(pipelineMetrics, 'closedloop_dead_letters_total', intake),
    ).toBeGreaterThanOrEqual(2);
    expect(
      metricSum(pipelineMetrics, 'closedloop_message_age_seconds_count', intake),
    ).toBeGreaterThanOrEqual(3);
    expect(
      metricSum(pipelineMetrics, 'closedloop_message_handling_seconds_count', intake),
    ).toBeGreaterThanOrEqual(1);
    expect(metricSum(pipelineMetrics, 'closedloop_consumer_lag_messages', intake)).not.toBeNull();

    const notifierMetrics = await scrape('http://127.0.0.1:3312');
    expect(
      metricSum(notifierMetrics, 'closedloop_messages_consumed_total', {
        service: 'notifier',
        outcome: 'handled',
      }),
    ).toBeGreaterThanOrEqual(1);
  });
  it('sends security headers, and answers cross-origin requests only from the configured origin', async () => {
    const response = await fetch(`${api}/health/live`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('x-powered-by')).toBeNull();

    const preflight = (origin: string) =>
      fetch(`${api}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const allowed = await preflight('https://portal.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.com');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight('https://evil.example.net');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
