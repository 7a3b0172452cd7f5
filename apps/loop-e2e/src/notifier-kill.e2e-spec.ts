import { randomUUID } from 'node:crypto';
import { seedAnnouncement } from './support/announcement';
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

    // N customers with feedback linked to one action, announced: a notice and its request each.
    await seedAnnouncement(databaseUrl, `kill-${run}`, CUSTOMERS);

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
