import { randomUUID } from 'node:crypto';
import { seedAnnouncement } from './support/announcement';
import { createRunDatabase, dropRunDatabase, query } from './support/database';
import { eventually } from './support/eventually';
import { freePort } from './support/private-postgres';
import { startPrivateSmtp, type PrivateSmtp } from './support/private-smtp';
import { startService, waitForHttp, type RunningService } from './support/services';
import { stackEnv } from './support/stack-env';

/**
 * The SMTP server taken away (SIGKILL) in the middle of an announcement, kept away a few seconds,
 * and started again on the same port with the same store. The notifier keeps running: the sends
 * refused while it is away go back for a retry after a backoff, and once the server is back every
 * customer gets exactly one email, nothing is left claimed or pending. A message whose connection
 * died while it was in the server's hands may or may not have been taken: that notice ends
 * `failed` as unconfirmed and is not sent again (at most once), and its customer has at most one.
 */
const run = randomUUID().slice(0, 8);
const dbName = `closedloop_smtp_outage_${run}`;
const CUSTOMERS = 300;
/** How long the SMTP server stays away. */
const DOWN_MS = 4_000;

interface Received {
  messageId: string;
  envelope: { to: string[] };
  headers: Record<string, unknown>;
}

describe('the notifier through an SMTP server outage', () => {
  let databaseUrl = '';
  let smtp: PrivateSmtp | undefined;
  let notifier: RunningService | undefined;

  const storedMessages = async (): Promise<number> =>
    ((await (await fetch(`${smtp?.apiUrl}/health`)).json()) as { messages: number }).messages;

  beforeAll(async () => {
    smtp = startPrivateSmtp(await freePort(), await freePort());
    await waitForHttp(`${smtp.apiUrl}/health`, smtp, 20_000);
    databaseUrl = await createRunDatabase(dbName);
  }, 60_000);

  afterAll(async () => {
    await notifier?.stop('SIGKILL');
    await smtp?.remove();
    if (databaseUrl) await dropRunDatabase(dbName);
  }, 60_000);

  it('sends every customer exactly one email when the SMTP server goes away mid-announcement and comes back', async () => {
    const server = smtp as PrivateSmtp;
    const healthPort = await freePort();
    notifier = startService('notifier', {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: stackEnv.kafkaBrokers,
      HOST: '127.0.0.1',
      HEALTH_PORT: String(healthPort),
      RUN_MIGRATIONS: 'true',
      UNSUBSCRIBE_SECRET: `smtp-outage-unsubscribe-secret-${run}`,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(server.smtpPort),
      NOTICE_DIGEST_MINUTES: '0',
      NOTICE_SWEEP_SECONDS: '1',
      NOTICE_CLAIM_LEASE_SECONDS: '3',
      // Slow enough that the outage lands mid-announcement, with several sends in flight.
      NOTIFIER_MAX_PER_SECOND: '40',
      NOTIFIER_CONCURRENCY: '4',
      // Short backoffs, and enough attempts to outlast the outage: none gives up.
      NOTICE_RETRY_INITIAL_MS: '200',
      NOTICE_RETRY_MAX_MS: '1000',
      NOTICE_RETRY_MAX_ATTEMPTS: '100',
    });
    await waitForHttp(`http://127.0.0.1:${healthPort}/health/ready`, notifier, 90_000);

    await seedAnnouncement(databaseUrl, `outage-${run}`, CUSTOMERS);

    // Take the server away once a third has arrived.
    await eventually(
      async () => expect(await storedMessages()).toBeGreaterThanOrEqual(CUSTOMERS / 3),
      60_000,
    );
    await server.stop('SIGKILL');
    const stoppedAt = Date.now();
    await new Promise((r) => setTimeout(r, DOWN_MS));
    const duringOutage = await query<{ status: string; n: string }>(
      databaseUrl,
      `SELECT status, count(*) AS n FROM notices GROUP BY 1 ORDER BY 1`,
    );
    expect(notifier.process.exitCode).toBeNull();
    server.start();
    await waitForHttp(`${server.apiUrl}/health`, server, 20_000);
    const downMs = Date.now() - stoppedAt;
    // The store survived the kill: what arrived before is still there, and it was not all.
    const atOutage = await storedMessages();
    expect(atOutage).toBeGreaterThanOrEqual(CUSTOMERS / 3);
    expect(atOutage).toBeLessThan(CUSTOMERS);

    // Every notice reaches a final state.
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
      message_id: string | null;
      attempts: number;
      next_attempt_at: Date | null;
      last_error: string | null;
    }>(
      databaseUrl,
      `SELECT n.id, c.email, n.status, n.message_id, n.attempts, n.next_attempt_at, n.last_error
       FROM notices n JOIN customers c ON c.id = n.customer_id`,
    );
    const messages = (await (await fetch(`${server.apiUrl}/api/messages`)).json()) as Received[];

    expect(notices.length).toBe(CUSTOMERS);
    // Sent, or failed as unconfirmed: only the few in the server's hands when it died (at most
    // one per SMTP connection).
    const unconfirmed = notices.filter((n) => n.status === 'failed');
    expect(notices.filter((n) => n.status !== 'sent' && n.status !== 'failed')).toEqual([]);
    for (const n of unconfirmed) expect(n.last_error).toMatch(/^unconfirmed: /);
    expect(unconfirmed.length).toBeLessThanOrEqual(4);
    // Nothing left claimed or scheduled for another attempt.
    expect(notices.filter((n) => n.next_attempt_at !== null)).toEqual([]);
    // One email per sent notice, at most one per unconfirmed one, by recipient and by notice
    // header; no Message-ID twice.
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(messages.length);
    const byRecipient = new Map<string, Received[]>();
    for (const m of messages) {
      for (const to of m.envelope.to) byRecipient.set(to, [...(byRecipient.get(to) ?? []), m]);
    }
    const byNotice = new Map<unknown, number>();
    for (const m of messages) {
      const id = m.headers['x-closedloop-notice'];
      byNotice.set(id, (byNotice.get(id) ?? 0) + 1);
    }
    for (const notice of notices) {
      const received = byRecipient.get(notice.email) ?? [];
      const expected = notice.status === 'sent' ? 1 : Math.min(received.length, 1);
      expect({ email: notice.email, count: received.length }).toEqual({
        email: notice.email,
        count: expected,
      });
      if (received.length === 0) continue;
      expect(received[0]?.headers['x-closedloop-notice']).toBe(notice.id);
      expect(received[0]?.messageId).toBe(notice.message_id);
      expect(byNotice.get(notice.id)).toBe(1);
    }
    expect(messages.length).toBeGreaterThanOrEqual(CUSTOMERS - unconfirmed.length);
    expect(messages.length).toBeLessThanOrEqual(CUSTOMERS);
    const retried = notices.filter((n) => n.attempts > 1).length;
    // The outage was felt: some sends failed and were tried again.
    expect(retried).toBeGreaterThan(0);
    console.log(
      `SMTP server killed with ${atOutage}/${CUSTOMERS} messages stored, away ${downMs} ms ` +
        `(notices then: ${duringOutage.map((r) => `${r.status} ${r.n}`).join(', ')}); ` +
        `after: ${messages.length} messages, ${CUSTOMERS - unconfirmed.length} notices sent, ${unconfirmed.length} unconfirmed, ` +
        `${retried} needed more than one attempt ` +
        `(most attempts: ${Math.max(...notices.map((n) => n.attempts))})`,
    );
  }, 300_000);
});
