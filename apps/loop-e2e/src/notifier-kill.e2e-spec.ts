import { randomUUID } from 'node:crypto';
import { createRunDatabase, dropRunDatabase, query } from './support/database';
import { eventually } from './support/eventually';
import { startPrivateSmtp, type PrivateSmtp } from './support/private-smtp';
import { startService, waitForHttp, type RunningService } from './support/services';
import { stackEnv } from './support/stack-env';

/**
 * A notifier really killed (SIGKILL) in the middle of an announcement, then started again: every
 * customer gets at most one email and every notice ends `sent`, except a notice whose message the
 * killed notifier had already handed to the SMTP server: that one is never sent again and ends
 * `failed` as unconfirmed (docs/architecture.md, "Never twice").
 */
const run = randomUUID().slice(0, 8);
const dbName = `closedloop_kill_${run}`;
const CUSTOMERS = 300;
const HEALTH_PORT = 3313;
const UNCONFIRMED = 'unconfirmed:';

interface Received {
  messageId: string;
  envelope: { to: string[] };
  headers: Record<string, unknown>;
}

describe('a notifier killed mid-batch and started again', () => {
  let databaseUrl = '';
  let smtp: PrivateSmtp | undefined;
  const services: RunningService[] = [];

  const notifierEnv = () => ({
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: stackEnv.kafkaBrokers,
    HOST: '127.0.0.1',
    HEALTH_PORT: String(HEALTH_PORT),
    RUN_MIGRATIONS: 'true',
    UNSUBSCRIBE_SECRET: `kill-unsubscribe-secret-${run}`,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp?.smtpPort),
    NOTICE_DIGEST_MINUTES: '0',
    NOTICE_SWEEP_SECONDS: '1',
    NOTICE_CLAIM_LEASE_SECONDS: '3',
    // Slow enough that the kill lands mid-batch, with several sends in flight.
    NOTIFIER_MAX_PER_SECOND: '40',
    NOTIFIER_CONCURRENCY: '4',
  });
  const stored = async (): Promise<number> =>
    ((await (await fetch(`${smtp?.apiUrl}/health`)).json()) as { messages: number }).messages;

  beforeAll(async () => {
    smtp = startPrivateSmtp(2642, 8142);
    await waitForHttp(`${smtp.apiUrl}/health`, smtp, 20_000);
    databaseUrl = await createRunDatabase(dbName);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop('SIGKILL')));
    await smtp?.remove();
    if (databaseUrl) await dropRunDatabase(dbName);
  }, 60_000);

  it('sends every customer at most one email, and every notice not in doubt exactly one', async () => {
    const first = startService('notifier', notifierEnv());
    services.push(first);
    await waitForHttp(`http://127.0.0.1:${HEALTH_PORT}/health/ready`, first, 90_000);

    // N customers with feedback linked to one action; the announcement as ActionService.announce
    // writes it: the notices and their notice.requested.v1 events in one transaction.
    const actionId = randomUUID();
    await query(
      databaseUrl,
      `INSERT INTO customers (id, email, name)
       SELECT gen_random_uuid(), 'kill-' || i || '-${run}@example.com', 'Customer ' || i FROM generate_series(1, $1) AS i`,
      [CUSTOMERS],
    );
    await query(
      databaseUrl,
      `INSERT INTO actions (id, title, legacy_owner, status, announced_at, notice_subject, notice_body)
       VALUES ($1, 'one-click reorder', 'E2E', 'announced', now(), 'We shipped {{change}}', 'Hi {{firstName}}, you said "{{quote}}".')`,
      [actionId],
    );
    await query(
      databaseUrl,
      `INSERT INTO feedback (id, event_key, source, customer_id, occurred_at, received_at, text)
       SELECT gen_random_uuid(), 'kill:' || c.id, 'survey', c.id, now() - interval '1 day', now(), 'Reordering <b>takes</b> forever'
       FROM customers c`,
    );
    await query(
      databaseUrl,
      `INSERT INTO action_feedback (action_id, feedback_id) SELECT $1, id FROM feedback`,
      [actionId],
    );
    await query(
      databaseUrl,
      `WITH created AS (
         INSERT INTO notices (id, action_id, customer_id, status)
         SELECT gen_random_uuid(), $1, id, 'requested' FROM customers RETURNING id, customer_id)
       INSERT INTO outbox (topic, message_key, payload)
       SELECT 'notice.requested.v1', customer_id::text,
              jsonb_build_object('schemaVersion', 1, 'noticeId', id, 'actionId', $1::uuid, 'customerId', customer_id, 'requestedAt', $2::text)
       FROM created`,
      [actionId, new Date().toISOString()],
    );

    // Kill it once a third has arrived: some but not all messages are at the SMTP server.
    await eventually(
      async () => expect(await stored()).toBeGreaterThanOrEqual(CUSTOMERS / 3),
      60_000,
    );
    first.process.kill('SIGKILL');
    await first.stop();
    const atKill = await stored();
    expect(atKill).toBeLessThan(CUSTOMERS);
    const inFlight = await query<{ status: string; handed: boolean; n: string }>(
      databaseUrl,
      `SELECT status, handed_at IS NOT NULL AS handed, count(*) AS n FROM notices GROUP BY 1, 2`,
    );
    expect(
      inFlight.filter((r) => r.status === 'requested' || r.status === 'sending').length,
    ).toBeGreaterThan(0);

    const second = startService('notifier', notifierEnv());
    services.push(second);
    await waitForHttp(`http://127.0.0.1:${HEALTH_PORT}/health/ready`, second, 90_000);
    // Every notice reaches a final state (stale claims are taken over after the 3 s lease).
    await eventually(async () => {
      const open = await query<{ n: string }>(
        databaseUrl,
        `SELECT count(*) AS n FROM notices WHERE status IN ('requested', 'sending')`,
      );
      expect(Number(open[0]?.n)).toBe(0);
    }, 90_000);
    await new Promise((r) => setTimeout(r, 2_000)); // a second email would arrive now

    const notices = await query<{
      id: string;
      email: string;
      status: string;
      last_error: string | null;
      message_id: string | null;
    }>(
      databaseUrl,
      `SELECT n.id, c.email, n.status, n.last_error, n.message_id FROM notices n JOIN customers c ON c.id = n.customer_id`,
    );
    const messages = (await (await fetch(`${smtp?.apiUrl}/api/messages`)).json()) as Received[];
    expect(messages.length).toBeGreaterThan(atKill); // the restarted notifier sent the rest

    const byRecipient = new Map<string, Received[]>();
    for (const m of messages) {
      for (const to of m.envelope.to) byRecipient.set(to, [...(byRecipient.get(to) ?? []), m]);
    }
    // Never two emails to one customer, never one Message-ID twice.
    expect([...byRecipient.values()].filter((list) => list.length > 1)).toEqual([]);
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(messages.length);

    const unconfirmed = notices.filter(
      (n) => n.status === 'failed' && n.last_error?.startsWith(UNCONFIRMED),
    );
    const sent = notices.filter((n) => n.status === 'sent');
    // Every notice ends sent, or failed as unconfirmed: only one the killed notifier had handed over.
    expect(sent.length + unconfirmed.length).toBe(CUSTOMERS);
    expect(unconfirmed.length).toBeLessThanOrEqual(Number(notifierEnv().NOTIFIER_CONCURRENCY));
    for (const notice of sent) {
      const received = byRecipient.get(notice.email) ?? [];
      expect({ email: notice.email, count: received.length }).toEqual({
        email: notice.email,
        count: 1,
      });
      expect(received[0]?.headers['x-closedloop-notice']).toBe(notice.id);
      expect(received[0]?.messageId).toBe(notice.message_id);
    }
    for (const notice of unconfirmed) {
      // Handed over when the notifier died: it may have arrived (once), and was not sent again.
      const received = byRecipient.get(notice.email) ?? [];
      expect(received.length).toBeLessThanOrEqual(1);
      if (received[0]) expect(received[0].headers['x-closedloop-notice']).toBe(notice.id);
    }
    // Every email is a notice of this announcement.
    const emails = new Set(notices.map((n) => n.email));
    expect([...byRecipient.keys()].filter((to) => !emails.has(to))).toEqual([]);
    console.log(
      `notifier killed with ${atKill}/${CUSTOMERS} messages stored; after restart: ${messages.length} messages, ` +
        `${sent.length} notices sent, ${unconfirmed.length} unconfirmed (handed over when killed)`,
    );
  }, 300_000);
});
