import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createApiKey, createRunDatabase, dropRunDatabase, query } from './support/database';
import { eventually } from './support/eventually';
import type { GraphqlResponse } from './support/graphql-client';
import { mailTo } from './support/smtp-inbox';
import { startService, waitForHttp, type RunningService } from './support/services';
import { stackEnv } from './support/stack-env';

/**
 * The logs of api, pipeline and notifier on the real stack at LOG_LEVEL=debug: JSON line by line;
 * one correlation id, sent by the caller as `x-correlation-id`, on the lines of all three, on the
 * stored feedback, the notice and the email; and no secret or personal data in any of them
 * (docs/architecture.md, "Logs and correlation").
 */
const run = randomUUID().slice(0, 8);
const dbName = `closedloop_logs_${run}`;
const API_PORT = 3340;
const api = `http://127.0.0.1:${API_PORT}`;
const correlationId = `journey-${run}.logs`;

const adminEmail = `admin-${run}@example.com`;
const adminPassword = `log admin passphrase ${run}`;
const unsubscribeSecret = `logs-unsubscribe-secret-${run}`;
const customerEmail = `grace-${run}@example.com`;
const mentionedEmail = `billing-${run}@example.org`;
const phone = `+44 20 7946 ${run.replace(/\D/g, '7').slice(0, 4).padEnd(4, '7')}`;
const sentence = `The lavender invoice ${run} vanished twice before checkout`;

type Line = Record<string, unknown>;

/** POSTs a GraphQL operation with our correlation id; answers the body and the id sent back. */
async function post<T>(
  operation: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<{ body: GraphqlResponse<T>; echoed: string | null }> {
  const response = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-correlation-id': correlationId,
    },
    body: JSON.stringify({ query: operation, variables }),
  });
  return {
    body: (await response.json()) as GraphqlResponse<T>,
    echoed: response.headers.get('x-correlation-id'),
  };
}

async function postData<T>(
  operation: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<T> {
  const { body, echoed } = await post<T>(operation, variables, token);
  expect(echoed).toBe(correlationId);
  if (body.errors?.length || !body.data)
    throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Every non-empty line of a service's standard output (its log), each of which must be a JSON object. */
function jsonLines(service: RunningService): Line[] {
  const text = readFileSync(service.logFile ?? '', 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, index) => {
      try {
        const parsed: unknown = JSON.parse(line);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error('not an object');
        return parsed as Line;
      } catch {
        throw new Error(`${service.name} log line ${index + 1} is not a JSON object: ${line}`);
      }
    });
}

describe('structured logs with one correlation id from request to email, and nothing secret in them', () => {
  let databaseUrl = '';
  let apiKey = '';
  let session = '';
  const services: Record<'api' | 'pipeline' | 'notifier', RunningService | undefined> = {
    api: undefined,
    pipeline: undefined,
    notifier: undefined,
  };
  const running = () => Object.values(services).filter((s): s is RunningService => !!s);

  beforeAll(async () => {
    databaseUrl = await createRunDatabase(dbName);
    const common = {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: stackEnv.kafkaBrokers,
      UNSUBSCRIBE_SECRET: unsubscribeSecret,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
    };
    services.api = startService(
      'api',
      {
        ...common,
        PORT: String(API_PORT),
        RUN_MIGRATIONS: 'true',
        ADMIN_EMAIL: adminEmail,
        ADMIN_PASSWORD: adminPassword,
      },
      `logs-${run}-api.log`,
    );
    await waitForHttp(`${api}/health/ready`, services.api);
    apiKey = await createApiKey(databaseUrl, ['survey']);
    services.pipeline = startService(
      'pipeline',
      { ...common, HEALTH_PORT: '3341' },
      `logs-${run}-pipeline.log`,
    );
    services.notifier = startService(
      'notifier',
      {
        ...common,
        HEALTH_PORT: '3342',
        SMTP_HOST: stackEnv.smtpHost,
        SMTP_PORT: String(stackEnv.smtpPort),
        PUBLIC_URL: api,
        NOTICE_DIGEST_MINUTES: '0',
      },
      `logs-${run}-notifier.log`,
    );
    await waitForHttp('http://127.0.0.1:3341/health/ready', services.pipeline);
    await waitForHttp('http://127.0.0.1:3342/health/ready', services.notifier);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(running().map((s) => s.stop()));
    if (databaseUrl) await dropRunDatabase(dbName);
  }, 60_000);

  it('carries the caller’s correlation id through the loop and keeps secrets and personal data out of the logs', async () => {
    // Signing in with the admin password: neither the password nor the session may be logged.
    const signedIn = await post<{ signIn: { token: string } }>(
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
      { e: adminEmail, p: adminPassword },
      'none',
    );
    session = signedIn.body.data?.signIn.token ?? '';
    expect(session).not.toBe('');

    const submitted = await postData<{
      submitSurveyResponse: { status: string; correlationId: string };
    }>(
      `mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { status correlationId } }`,
      {
        input: {
          externalId: `logs-${run}`,
          occurredAt: '2026-11-01T10:00:00Z',
          customerEmail,
          customerName: 'Grace Hopper',
          surveyId: 'nps-logs',
          metric: 'NPS',
          score: 2,
          comment: `${sentence}. Write to ${mentionedEmail} or call ${phone}.`,
          channel: 'EMAIL',
        },
      },
      apiKey,
    );
    expect(submitted.submitSurveyResponse).toEqual({ status: 'ACCEPTED', correlationId });

    // Stored with the id, and themed (the action is made from its theme).
    let feedback:
      | { id: string; theme_id: string | null; correlation_id: string | null }
      | undefined;
    await eventually(async () => {
      [feedback] = await query<NonNullable<typeof feedback>>(
        databaseUrl,
        'SELECT id, theme_id, correlation_id FROM feedback WHERE event_key = $1',
        [`survey:logs-${run}`],
      );
      expect(feedback?.theme_id).toBeTruthy();
    }, 60_000);
    expect(feedback?.correlation_id).toBe(correlationId);

    const created = await postData<{ createAction: { id: string } }>(
      `mutation($input: CreateActionInput!) { createAction(input: $input) { id } }`,
      {
        input: {
          title: 'Keep invoices',
          description: 'Stop losing them',
          themeIds: [feedback?.theme_id],
          feedbackIds: [feedback?.id],
        },
      },
      session,
    );
    const actionId = created.createAction.id;
    for (const status of ['PLANNED', 'IN_PROGRESS', 'SHIPPED'])
      await postData(
        `mutation($input: ChangeActionStatusInput!) { changeActionStatus(input: $input) { status } }`,
        { input: { actionId, status } },
        session,
      );
    const announced = await postData<{ announceAction: { noticesQueued: number } }>(
      `mutation($input: AnnounceActionInput!) { announceAction(input: $input) { noticesQueued } }`,
      {
        input: {
          actionId,
          subject: 'We fixed {{change}}',
          body: 'Hi {{firstName}},\n\nYou said: "{{quote}}"\n\nWe changed: {{change}}.',
        },
      },
      session,
    );
    expect(announced.announceAction.noticesQueued).toBe(1);

    // The email and the notice carry the id.
    await eventually(async () => expect(await mailTo(customerEmail)).toHaveLength(1), 60_000);
    const [mail] = await mailTo(customerEmail);
    expect(mail?.headers['x-correlation-id']).toBe(correlationId);
    const notices = await query<{ correlation_id: string | null; status: string }>(
      databaseUrl,
      'SELECT n.correlation_id, n.status FROM notices n WHERE n.action_id = $1',
      [actionId],
    );
    expect(notices).toEqual([{ correlation_id: correlationId, status: 'sent' }]);

    // Each service logged under the id: the api the requests, the pipeline storing the feedback
    // (and tracking the delivery), the notifier sending the email.
    await eventually(() => {
      const under = (name: 'api' | 'pipeline' | 'notifier') =>
        jsonLines(services[name] as RunningService).filter(
          (line) => line['correlationId'] === correlationId,
        );
      const api = under('api');
      expect(api.map((l) => l['message'])).toContain('request completed');
      expect(api.every((l) => l['service'] === 'api')).toBe(true);
      const pipeline = under('pipeline');
      expect(pipeline.map((l) => l['context'])).toContain('IntakeConsumer');
      expect(pipeline.every((l) => l['service'] === 'pipeline')).toBe(true);
      const notifier = under('notifier');
      expect(notifier.map((l) => l['message'])).toContain('notice email sent');
      expect(notifier.every((l) => l['service'] === 'notifier')).toBe(true);
    }, 30_000);

    // Stop the services so everything they would log is written, then read it all.
    await Promise.all(running().map((s) => s.stop()));
    const all = running().flatMap((s) =>
      jsonLines(s).map((line) => ({ service: s.name, line, text: JSON.stringify(line) })),
    );
    expect(all.length).toBeGreaterThan(50);
    for (const entry of all) {
      expect(entry.line).toEqual(
        expect.objectContaining({
          level: expect.any(String),
          time: expect.any(String),
          service: entry.service,
        }),
      );
    }
    // Debug lines were really on: the test would otherwise prove little.
    expect(all.some((e) => e.line['level'] === 'debug')).toBe(true);
    const forbidden = {
      'admin password': adminPassword,
      'admin email': adminEmail,
      'API key': apiKey,
      'session token': session,
      'unsubscribe secret': unsubscribeSecret,
      'customer email': customerEmail,
      'email address in the feedback': mentionedEmail,
      'phone number in the feedback': phone,
      'sentence of the feedback': sentence,
    };
    // Standard error holds only what Node itself says (warnings); it must not leak either.
    const stderr = running().map((s) => ({
      service: `${s.name} (stderr)`,
      text: readFileSync(s.errorFile ?? '', 'utf8'),
    }));
    for (const [what, value] of Object.entries(forbidden)) {
      const leaks = [...all, ...stderr]
        .filter((e) => e.text.includes(value))
        .map((e) => `${e.service}: ${e.text}`);
      expect({ what, leaks }).toEqual({ what, leaks: [] });
    }
  });
});
