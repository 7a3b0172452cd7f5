import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { randomUUID } from 'node:crypto';
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import type { DeliveryConfig } from './delivery.config';
import { smtpTransport, type MailTransport } from './mail-transport';
import { NoticeDeliveryService, UNCONFIRMED_REASON } from './notice-delivery.service';
import type { SendThrottle } from './send-throttle';
import { NoticeSweeper } from './notice-sweeper';
import { serverClosingAfterData } from './server-closing-after-data';
import type { OutboxRelayService } from '@closedloop/platform';
import { runWithCorrelationId } from '@closedloop/messaging';

/** Real PostgreSQL and the project's test SMTP server (`npm run stack:up`). */
const smtp = {
  host: process.env['SMTP_HOST'] ?? '127.0.0.1',
  port: Number(process.env['SMTP_PORT'] ?? 2525),
};
const smtpApi = process.env['SMTP_API_URL'] ?? 'http://127.0.0.1:8025';
const config: DeliveryConfig = {
  mailFrom: '"ClosedLoop" <loop@closedloop.local>',
  publicUrl: 'http://localhost:3000',
  unsubscribeSecret: 'integration-test-secret',
  messageIdDomain: 'closedloop.test',
  retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 100, factor: 2 },
  maxPerSecond: 1_000,
  digestMinutes: 0,
  sweepIntervalMs: 60_000,
  sendConcurrency: 2,
};

/** A port that refuses connections until `open()`, then forwards to the test SMTP server: an SMTP outage and its end. */
async function flakySmtp(): Promise<{
  port: number;
  open(): Promise<void>;
  close(): Promise<void>;
}> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  let server: Server | undefined;
  return {
    port,
    open: async () => {
      server = createServer((client) => {
        const upstream = connect(smtp.port, smtp.host);
        client.pipe(upstream).pipe(client);
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
      });
      await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
    },
    close: async () => {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}

interface Received {
  subject: string;
  html: string;
  envelope: { to: string[] };
  headers: Record<string, unknown>;
}
const mailTo = async (address: string): Promise<Received[]> => {
  const all = (await (await fetch(`${smtpApi}/api/messages`)).json()) as Received[];
  return all.filter((m) => m.envelope.to.includes(address));
};

describe('NoticeDeliveryService on PostgreSQL and SMTP', () => {
  let db: TestDatabase;
  let transport: MailTransport;
  let service: NoticeDeliveryService;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    const health = await fetch(`${smtpApi}/health`);
    expect(health.ok).toBe(true);
    db = await createTestDatabase();
    transport = smtpTransport({ ...smtp, secure: false });
    service = new NoticeDeliveryService(db.dataSource, transport, config);
  });
  afterAll(async () => {
    transport?.close();
    await db?.drop();
  });

  /** A customer, an announced action with a linked quote, and a requested notice. */
  async function givenNotice(
    email: string | null,
    opts: {
      unsubscribed?: boolean;
      customerId?: string;
      title?: string;
      quote?: string;
      correlationId?: string;
    } = {},
  ) {
    const customerId = opts.customerId ?? randomUUID();
    const actionId = randomUUID();
    const feedbackId = randomUUID();
    const noticeId = randomUUID();
    const q = (sql: string, params: unknown[]) => db.dataSource.query(sql, params);
    if (!opts.customerId) {
      await q('INSERT INTO customers (id, email, name, unsubscribed_at) VALUES ($1, $2, $3, $4)', [
        customerId,
        email,
        'Ada Lovelace',
        opts.unsubscribed ? new Date() : null,
      ]);
    }
    await q(
      `INSERT INTO actions (id, title, legacy_owner, status, notice_subject, notice_body) VALUES ($1, $2, 'Priya', 'announced', 'We shipped {{change}}', 'Hi {{firstName}}, you said "{{quote}}" on {{quoteDate}}.')`,
      [actionId, opts.title ?? 'faster checkout'],
    );
    await q(
      `INSERT INTO feedback (id, event_key, source, customer_id, occurred_at, received_at, text) VALUES ($1, $2, 'survey', $3, '2026-11-01T10:00:00Z', now(), $4)`,
      [
        feedbackId,
        `survey:${feedbackId}`,
        customerId,
        opts.quote ?? 'Checkout <script>alert(1)</script> is slow',
      ],
    );
    await q('INSERT INTO action_feedback (action_id, feedback_id) VALUES ($1, $2)', [
      actionId,
      feedbackId,
    ]);
    await q(
      `INSERT INTO notices (id, action_id, customer_id, status, correlation_id) VALUES ($1, $2, $3, 'requested', $4)`,
      [noticeId, actionId, customerId, opts.correlationId ?? null],
    );
    return {
      schemaVersion: 1 as const,
      noticeId,
      actionId,
      customerId,
      requestedAt: new Date().toISOString(),
    };
  }

  const noticeRow = async (id: string) =>
    (
      (await db.dataSource.query(
        'SELECT status, attempts, message_id, last_error FROM notices WHERE id = $1',
        [id],
      )) as {
        status: string;
        attempts: number;
        message_id: string | null;
        last_error: string | null;
      }[]
    )[0];

  it('sends one personal, escaped email with one-click unsubscribe, and records it', async () => {
    const email = `ada-${run}@example.com`;
    const event = await givenNotice(email);
    await expect(service.deliver(event)).resolves.toBe('sent');
    const [mail] = await mailTo(email);
    expect(mail?.subject).toBe('We shipped faster checkout');
    expect(mail?.html).toContain('Checkout &lt;script&gt;alert(1)&lt;/script&gt; is slow');
    expect(mail?.html).not.toContain('<script>');
    expect(String(mail?.headers['list-unsubscribe'])).toMatch(
      /^<http:\/\/localhost:3000\/unsubscribe\/.+>$/,
    );
    expect(await noticeRow(event.noticeId)).toEqual({
      status: 'sent',
      attempts: 1,
      message_id: `<notice-${event.noticeId}@closedloop.test>`,
      last_error: null,
    });
  });

  it('sends nothing more when the request is delivered again or twice at once', async () => {
    const email = `twice-${run}@example.com`;
    const event = await givenNotice(email);
    const outcomes = await Promise.allSettled([service.deliver(event), service.deliver(event)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'sent')).toHaveLength(1);
    await expect(service.deliver(event)).resolves.toBe('already-done');
    expect(await mailTo(email)).toHaveLength(1);
  });

  it('suppresses unsubscribed customers and customers without email', async () => {
    const email = `gone-${run}@example.com`;
    const unsubscribed = await givenNotice(email, { unsubscribed: true });
    await expect(service.deliver(unsubscribed)).resolves.toBe('suppressed');
    expect((await noticeRow(unsubscribed.noticeId))?.last_error).toBe('customer unsubscribed');
    const noEmail = await givenNotice(null);
    await expect(service.deliver(noEmail)).resolves.toBe('suppressed');
    expect(await mailTo(email)).toHaveLength(0);
  });

  it('sends nothing to an erased customer: erased before the request, or between the claim and the hand-over', async () => {
    // The erasure as CustomerErasureService does it: personal data gone, notices to send suppressed.
    const erase = (customerId: string) =>
      db.dataSource.query(
        `WITH c AS (UPDATE customers SET email = NULL, name = NULL, erased_at = now() WHERE id = $1 RETURNING id)
         UPDATE notices SET status = 'suppressed', claimed_at = NULL, last_error = 'customer erased'
         WHERE customer_id = (SELECT id FROM c) AND status IN ('requested', 'sending')`,
        [customerId],
      );
    const before = await givenNotice(`erased-before-${run}@example.com`);
    await db.dataSource.query(`UPDATE customers SET erased_at = now() WHERE id = $1`, [
      before.customerId,
    ]);
    await expect(service.deliver(before)).resolves.toBe('suppressed');
    expect((await noticeRow(before.noticeId))?.last_error).toBe('customer erased');

    const during = await givenNotice(`erased-during-${run}@example.com`);
    const erasing = new NoticeDeliveryService(db.dataSource, transport, config, {
      acquire: () => erase(during.customerId).then(() => undefined),
    } as unknown as SendThrottle);
    await expect(erasing.deliverCustomer(during.customerId, during.noticeId)).resolves.toBe(
      'nothing-due',
    );
    expect(await noticeRow(during.noticeId)).toEqual(
      expect.objectContaining({
        status: 'suppressed',
        last_error: 'customer erased',
        message_id: null,
      }),
    );
    await expect(service.deliver(during)).resolves.toBe('already-done');
    expect(await mailTo(`erased-before-${run}@example.com`)).toHaveLength(0);
    expect(await mailTo(`erased-during-${run}@example.com`)).toHaveLength(0);
  });

  it('keeps a notice for retry when SMTP is down, and sends it once SMTP is back', async () => {
    const email = `retry-${run}@example.com`;
    const event = await givenNotice(email);
    const down = smtpTransport({ host: '127.0.0.1', port: 1, secure: false });
    await expect(
      new NoticeDeliveryService(db.dataSource, down, config).deliver(event),
    ).rejects.toThrow(/ECONNREFUSED/);
    down.close();
    expect(await noticeRow(event.noticeId)).toEqual(
      expect.objectContaining({ status: 'requested', attempts: 1 }),
    );
    await expect(service.deliver(event)).resolves.toBe('sent');
    expect(await mailTo(email)).toHaveLength(1);
  });

  it('sends exactly once when the SMTP server comes back on the same address, and not again on redelivery', async () => {
    const email = `outage-${run}@example.com`;
    const event = await givenNotice(email);
    const flaky = await flakySmtp();
    const viaFlaky = smtpTransport({ host: '127.0.0.1', port: flaky.port, secure: false });
    const notifier = new NoticeDeliveryService(db.dataSource, viaFlaky, config);
    try {
      await expect(notifier.deliver(event)).rejects.toThrow(/ECONNREFUSED/);
      expect(await noticeRow(event.noticeId)).toEqual(
        expect.objectContaining({ status: 'requested', attempts: 1 }),
      );
      expect(await mailTo(email)).toHaveLength(0);
      await flaky.open();
      await expect(notifier.deliver(event)).resolves.toBe('sent');
      await expect(notifier.deliver(event)).resolves.toBe('already-done');
      await expect(service.deliver(event)).resolves.toBe('already-done');
    } finally {
      viaFlaky.close();
      await flaky.close();
    }
    const mails = await mailTo(email);
    expect(mails).toHaveLength(1);
    expect(await noticeRow(event.noticeId)).toEqual(
      expect.objectContaining({
        status: 'sent',
        attempts: 2,
        message_id: `<notice-${event.noticeId}@closedloop.test>`,
      }),
    );
  });

  it('never resends a notice whose connection was lost after the message went, before the reply: failed as unconfirmed', async () => {
    const email = `lost-reply-${run}@example.com`;
    const event = await givenNotice(email);
    const server = await serverClosingAfterData();
    const lossy = smtpTransport({
      host: '127.0.0.1',
      port: server.port,
      secure: false,
      maxConnections: 1,
    });
    try {
      await expect(
        new NoticeDeliveryService(db.dataSource, lossy, config).deliver(event),
      ).resolves.toBe('failed');
    } finally {
      lossy.close();
      await server.close();
    }
    const row = await noticeRow(event.noticeId);
    expect(row).toEqual(
      expect.objectContaining({
        status: 'failed',
        attempts: 1,
        message_id: `<notice-${event.noticeId}@closedloop.test>`,
      }),
    );
    expect(row?.last_error).toMatch(/^unconfirmed: Connection closed unexpectedly/);
    expect(server.taken()).toBe(1);
    await expect(service.deliver(event)).resolves.toBe('already-done');
    expect(await service.dueCustomers(1_000)).not.toContain(event.customerId);
    expect(await mailTo(email)).toHaveLength(0);
  });

  it('marks a notice failed with its reason once its attempts are used up, and never sends it later', async () => {
    const email = `exhausted-${run}@example.com`;
    const event = await givenNotice(email);
    const down = smtpTransport({ host: '127.0.0.1', port: 1, secure: false });
    const notifier = new NoticeDeliveryService(db.dataSource, down, config);
    await expect(notifier.deliver(event)).rejects.toThrow(/ECONNREFUSED/);
    await expect(notifier.deliver(event)).rejects.toThrow(/ECONNREFUSED/);
    await expect(notifier.deliver(event)).resolves.toBe('failed');
    down.close();
    const row = await noticeRow(event.noticeId);
    expect(row).toEqual(
      expect.objectContaining({ status: 'failed', attempts: 3, message_id: null }),
    );
    expect(row?.last_error).toMatch(/^gave up after 3 attempts: .*ECONNREFUSED/);
    await expect(service.deliver(event)).resolves.toBe('already-done');
    expect(await mailTo(email)).toHaveLength(0);
  });

  it('waits while another notifier holds a fresh claim, and takes over a stale claim of a killed notifier once', async () => {
    const email = `killed-${run}@example.com`;
    const event = await givenNotice(email);
    // A notifier claimed the notice and died before sending.
    await db.dataSource.query(
      `UPDATE notices SET status = 'sending', attempts = 1, claimed_at = now() WHERE id = $1`,
      [event.noticeId],
    );
    await expect(service.deliver(event)).resolves.toBe('claimed-elsewhere');
    expect(await service.dueCustomers(1_000)).not.toContain(event.customerId);
    expect(await mailTo(email)).toHaveLength(0);
    // The lease runs out.
    await db.dataSource.query(
      `UPDATE notices SET claimed_at = now() - interval '61 seconds' WHERE id = $1`,
      [event.noticeId],
    );
    expect(await service.dueCustomers(1_000)).toContain(event.customerId);
    const outcomes = await Promise.allSettled([service.deliver(event), service.deliver(event)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'sent')).toHaveLength(1);
    expect(await mailTo(email)).toHaveLength(1);
    expect(await noticeRow(event.noticeId)).toEqual(
      expect.objectContaining({ status: 'sent', attempts: 2 }),
    );
  });

  it('never sends again a notice whose killed notifier had handed it to the SMTP server: it ends failed as unconfirmed', async () => {
    const email = `handed-${run}@example.com`;
    const event = await givenNotice(email);
    // A notifier claimed the notice, handed its message to the SMTP server and died before recording the outcome.
    await db.dataSource.query(
      `UPDATE notices SET status = 'sending', attempts = 1, claimed_at = now() - interval '61 seconds',
              claim_token = gen_random_uuid(), handed_at = now() - interval '61 seconds', message_id = '<m@x>' WHERE id = $1`,
      [event.noticeId],
    );
    expect(await service.dueCustomers(1_000)).not.toContain(event.customerId);
    await expect(service.deliver(event)).resolves.toBe('claimed-elsewhere');
    await expect(service.resolveUnconfirmed()).resolves.toBeGreaterThanOrEqual(1);
    await expect(service.deliver(event)).resolves.toBe('already-done');
    expect(await mailTo(email)).toHaveLength(0);
    expect(await noticeRow(event.noticeId)).toEqual(
      expect.objectContaining({
        status: 'failed',
        message_id: '<m@x>',
        last_error: UNCONFIRMED_REASON,
      }),
    );
    const events: { n: string }[] = await db.dataSource.query(
      `SELECT count(*) AS n FROM outbox WHERE topic = 'notice.delivered.v1' AND payload::text LIKE $1`,
      [`%${event.noticeId}%`],
    );
    expect(Number(events[0]?.n)).toBe(1);
  });

  it('sends nothing when its claim was taken over before the hand-off, and the new holder sends once', async () => {
    const email = `overtaken-${run}@example.com`;
    const event = await givenNotice(email);
    let takeOver: Promise<unknown> | undefined;
    // The first notifier stalls (its claim goes stale and another takes it) just before handing the message over.
    const slowService = new NoticeDeliveryService(db.dataSource, transport, config, {
      acquire: async () => {
        await db.dataSource.query(
          `UPDATE notices SET claimed_at = now() - interval '61 seconds' WHERE id = $1`,
          [event.noticeId],
        );
        takeOver = service.deliverCustomer(event.customerId);
        await takeOver;
      },
    } as unknown as SendThrottle);
    await expect(slowService.deliverCustomer(event.customerId, event.noticeId)).resolves.toBe(
      'nothing-due',
    );
    await expect(takeOver).resolves.toBe('sent');
    expect(await mailTo(email)).toHaveLength(1);
    expect(await noticeRow(event.noticeId)).toEqual(
      expect.objectContaining({ status: 'sent', attempts: 2 }),
    );
  });

  it('marks a notice failed at once on a permanent (5xx) SMTP reply', async () => {
    const event = await givenNotice(`permanent-${run}@example.com`);
    const rejecting: MailTransport = {
      send: () =>
        Promise.reject(Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 })),
      close: () => undefined,
    };
    await expect(
      new NoticeDeliveryService(db.dataSource, rejecting, config).deliver(event),
    ).resolves.toBe('failed');
    expect(await noticeRow(event.noticeId)).toEqual(
      expect.objectContaining({
        status: 'failed',
        attempts: 1,
        last_error: '550 mailbox unavailable',
      }),
    );
  });

  it('leaves a notice suppressed, without bodies or a delivery event, when its customer is erased mid-send', async () => {
    const event = await givenNotice(`erased-${run}@example.com`);
    // The transport accepts the message while an admin erases the customer (eraseCustomer
    // suppresses every notice still to send) in the same moment.
    const erasingMidSend: MailTransport = {
      send: async () => {
        await db.dataSource.query(
          `UPDATE notices SET status = 'suppressed', last_error = 'customer erased', text_body = NULL, html_body = NULL
           WHERE id = $1`,
          [event.noticeId],
        );
        return { messageId: 'accepted' };
      },
      close: () => undefined,
    };
    const deliveredEvents = async () =>
      Number(
        (
          (await db.dataSource.query(
            `SELECT count(*) AS n FROM outbox WHERE topic = 'notice.delivered.v1' AND payload::text LIKE $1`,
            [`%${event.noticeId}%`],
          )) as { n: string }[]
        )[0]?.n,
      );
    await new NoticeDeliveryService(db.dataSource, erasingMidSend, config).deliver(event);
    const [row] = (await db.dataSource.query(
      'SELECT status, message_id, text_body, html_body FROM notices WHERE id = $1',
      [event.noticeId],
    )) as {
      status: string;
      message_id: string | null;
      text_body: string | null;
      html_body: string | null;
    }[];
    // The Message-ID is recorded when the message is handed to the SMTP server (it names no one).
    expect(row).toEqual({
      status: 'suppressed',
      message_id: `<notice-${event.noticeId}@${config.messageIdDomain}>`,
      text_body: null,
      html_body: null,
    });
    expect(await deliveredEvents()).toBe(0);
  });

  describe('digest', () => {
    const messageIds = async (ids: string[]) =>
      (await db.dataSource.query(
        'SELECT DISTINCT message_id, status FROM notices WHERE id = ANY($1::uuid[])',
        [ids],
      )) as {
        message_id: string;
        status: string;
      }[];

    it('sends one email naming both changes, each with its quote, when two actions were announced to one customer', async () => {
      const email = `digest-${run}@example.com`;
      const first = await givenNotice(email, {
        title: 'faster checkout',
        quote: 'Checkout is <b>slow</b>',
      });
      const second = await givenNotice(email, {
        customerId: first.customerId,
        title: 'dark mode',
        quote: 'Too bright at night',
      });
      await expect(service.deliver(first)).resolves.toBe('sent');
      await expect(service.deliver(second)).resolves.toBe('already-done');
      await expect(service.deliver(first)).resolves.toBe('already-done');
      const mails = await mailTo(email);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe('We made 2 changes you asked for');
      expect(mails[0]?.html).toContain('you said &quot;Checkout is &lt;b&gt;slow&lt;/b&gt;&quot;');
      expect(mails[0]?.html).toContain('you said &quot;Too bright at night&quot;');
      expect(mails[0]?.html.match(/Unsubscribe<\/a>/g)).toHaveLength(1);
      expect(await messageIds([first.noticeId, second.noticeId])).toEqual([
        { message_id: `<notice-${first.noticeId}@closedloop.test>`, status: 'sent' },
      ]);
    });

    it("carries the oldest notice's correlation id on the digest email, and each notice's own on its delivery event", async () => {
      const email = `correlated-${run}@example.com`;
      const first = await givenNotice(email, { correlationId: `announce-a-${run}` });
      const second = await givenNotice(email, {
        customerId: first.customerId,
        title: 'dark mode',
        correlationId: `announce-b-${run}`,
      });
      await db.dataSource.query(
        `UPDATE notices SET created_at = created_at - interval '1 minute' WHERE id = $1`,
        [first.noticeId],
      );
      // The request of the second arrives (as the bus runs it, under its header's id): one
      // email for both, named after the oldest notice.
      await expect(
        runWithCorrelationId(`announce-b-${run}`, () => service.deliver(second)),
      ).resolves.toBe('sent');
      const mails = await mailTo(email);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.headers['x-correlation-id']).toBe(`announce-a-${run}`);
      const events = (await db.dataSource.query(
        `SELECT payload->>'noticeId' AS notice_id, headers->>'correlation-id' AS correlation_id
         FROM outbox WHERE topic = 'notice.delivered.v1' AND payload->>'customerId' = $1`,
        [first.customerId],
      )) as { notice_id: string; correlation_id: string | null }[];
      expect(
        events.sort((a, b) => (a.correlation_id ?? '').localeCompare(b.correlation_id ?? '')),
      ).toEqual([
        { notice_id: first.noticeId, correlation_id: `announce-a-${run}` },
        { notice_id: second.noticeId, correlation_id: `announce-b-${run}` },
      ]);
    });

    it('sends no correlation header for a notice made without one', async () => {
      const email = `uncorrelated-${run}@example.com`;
      const event = await givenNotice(email);
      await expect(service.deliver(event)).resolves.toBe('sent');
      const [mail] = await mailTo(email);
      expect(mail?.headers['x-correlation-id']).toBeUndefined();
    });

    it('holds notices for the digest window, then the sweeper sends them together once', async () => {
      const email = `held-${run}@example.com`;
      const holding = new NoticeDeliveryService(db.dataSource, transport, {
        ...config,
        digestMinutes: 10,
      });
      const first = await givenNotice(email, { title: 'faster checkout' });
      await expect(holding.deliver(first)).resolves.toBe('held');
      const second = await givenNotice(email, { customerId: first.customerId, title: 'dark mode' });
      await expect(holding.deliver(second)).resolves.toBe('held');
      expect(await holding.dueCustomers(1_000)).not.toContain(first.customerId);
      expect(await mailTo(email)).toHaveLength(0);
      // The window passes.
      await db.dataSource.query(
        `UPDATE notices SET created_at = created_at - interval '11 minutes' WHERE customer_id = $1`,
        [first.customerId],
      );
      expect(await holding.dueCustomers(1_000)).toContain(first.customerId);
      const outcomes = await Promise.allSettled([
        holding.deliverCustomer(first.customerId),
        holding.deliverCustomer(first.customerId),
      ]);
      expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : 'rejected')).sort()).toEqual(
        ['nothing-due', 'sent'],
      );
      await expect(holding.deliver(second)).resolves.toBe('already-done');
      expect(await holding.dueCustomers(1_000)).not.toContain(first.customerId);
      const mails = await mailTo(email);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.html.match(/you said/g)).toHaveLength(2);
      expect(mails[0]?.subject).toBe('We made 2 changes you asked for');
    });

    it('sends one email when two notices of one customer are claimed at the same instant, however often it is tried', async () => {
      const holding = new NoticeDeliveryService(db.dataSource, transport, {
        ...config,
        digestMinutes: 10,
      });
      for (let round = 0; round < 10; round++) {
        const email = `race-${round}-${run}@example.com`;
        const first = await givenNotice(email, { title: 'faster checkout' });
        const second = await givenNotice(email, {
          customerId: first.customerId,
          title: 'dark mode',
        });
        // Each request names its own notice, so both are due at once, for two parallel claims.
        const outcomes = await Promise.all([
          holding.deliverCustomer(first.customerId, first.noticeId),
          holding.deliverCustomer(first.customerId, second.noticeId),
        ]);
        expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
        expect(await mailTo(email)).toHaveLength(1);
      }
    });

    it("sends at most one email per customer per calendar day: a notice due after the day's email waits for the next day", async () => {
      const email = `daily-${run}@example.com`;
      const first = await givenNotice(email, { title: 'faster checkout' });
      await expect(service.deliver(first)).resolves.toBe('sent');
      // Announced later the same day: held, not due, and no sweep or request sends it.
      const second = await givenNotice(email, { customerId: first.customerId, title: 'dark mode' });
      await expect(service.deliver(second)).resolves.toBe('held');
      expect(await service.dueCustomers(1_000)).not.toContain(first.customerId);
      await expect(service.deliverCustomer(first.customerId, second.noticeId)).resolves.toBe(
        'nothing-due',
      );
      expect(await mailTo(email)).toHaveLength(1);
      // The next day (the first email now dates from yesterday): the second goes out, once.
      await db.dataSource.query(
        `UPDATE notices SET sent_at = sent_at - interval '1 day' WHERE id = $1`,
        [first.noticeId],
      );
      expect(await service.dueCustomers(1_000)).toContain(first.customerId);
      await expect(service.deliver(second)).resolves.toBe('sent');
      await expect(service.deliver(second)).resolves.toBe('already-done');
      const mails = await mailTo(email);
      expect(mails).toHaveLength(2);
      expect(mails.map((m) => m.subject).sort()).toEqual([
        'We shipped dark mode',
        'We shipped faster checkout',
      ]);
    });

    it('counts the calendar day in the configured time zone', async () => {
      const zone = 'Pacific/Kiritimati'; // UTC+14: its days begin at 10:00 UTC
      const zoned = new NoticeDeliveryService(db.dataSource, transport, {
        ...config,
        digestTimeZone: zone,
      });
      // The customer's last email a minute before, or a minute after, the zone's day began.
      const secondAfterEmailAt = async (
        label: string,
        offset: '-1 minute' | '+1 minute',
        by: NoticeDeliveryService,
      ) => {
        const email = `zoned-${label}-${run}@example.com`;
        const first = await givenNotice(email, { title: 'faster checkout' });
        await expect(service.deliver(first)).resolves.toBe('sent');
        await db.dataSource.query(
          `UPDATE notices SET sent_at = (date_trunc('day', now() AT TIME ZONE $2) AT TIME ZONE $2) + $3::interval WHERE id = $1`,
          [first.noticeId, zone, offset],
        );
        const second = await givenNotice(email, {
          customerId: first.customerId,
          title: 'dark mode',
        });
        return by.deliver(second);
      };
      await expect(secondAfterEmailAt('before', '-1 minute', zoned)).resolves.toBe('sent');
      await expect(secondAfterEmailAt('after', '+1 minute', zoned)).resolves.toBe('held');
      // The same two instants are the same UTC day (10:00 UTC is far from midnight): a UTC
      // notifier decides both alike.
      const utcBefore = await secondAfterEmailAt('utc-before', '-1 minute', service);
      const utcAfter = await secondAfterEmailAt('utc-after', '+1 minute', service);
      expect(utcBefore).toBe(utcAfter);
    });

    it('retries a failed batch only after its backoff when swept', async () => {
      const email = `backoff-${run}@example.com`;
      const slow = {
        ...config,
        retry: { ...config.retry, initialDelayMs: 60_000, maxDelayMs: 60_000 },
      };
      const event = await givenNotice(email);
      const down = smtpTransport({ host: '127.0.0.1', port: 1, secure: false });
      await expect(
        new NoticeDeliveryService(db.dataSource, down, slow).deliverCustomer(event.customerId),
      ).rejects.toThrow(/ECONNREFUSED/);
      down.close();
      const swept = new NoticeDeliveryService(db.dataSource, transport, slow);
      expect(await swept.dueCustomers(1_000)).not.toContain(event.customerId);
      await expect(swept.deliverCustomer(event.customerId)).resolves.toBe('nothing-due');
      await db.dataSource.query(`UPDATE notices SET next_attempt_at = now() WHERE id = $1`, [
        event.noticeId,
      ]);
      await expect(swept.deliverCustomer(event.customerId)).resolves.toBe('sent');
      expect(await mailTo(email)).toHaveLength(1);
    });
  });

  it('sweeps due notices of many customers with parallel workers, each customer once', async () => {
    const emails = Array.from({ length: 6 }, (_, i) => `swept-${i}-${run}@example.com`);
    const events = [];
    for (const email of emails) events.push(await givenNotice(email));
    let nudges = 0;
    const outbox = { nudge: () => nudges++ } as unknown as OutboxRelayService;
    const sweeper = new NoticeSweeper(service, outbox, { ...config, sendConcurrency: 3 });
    const [a, b] = await Promise.all([sweeper.sweep(), sweeper.sweep()]);
    expect(a).toBe(b);
    expect(a).toBeGreaterThanOrEqual(6);
    for (const email of emails) expect(await mailTo(email)).toHaveLength(1);
    for (const event of events) expect((await noticeRow(event.noticeId))?.status).toBe('sent');
    expect(nudges).toBeGreaterThan(0);
    expect(await service.dueCustomers(1_000)).toEqual([]);
  });
});
