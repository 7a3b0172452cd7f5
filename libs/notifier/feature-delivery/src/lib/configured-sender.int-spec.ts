import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { randomUUID } from 'node:crypto';
import type { DeliveryConfig } from './delivery.config';
import { smtpTransport, type MailTransport } from './mail-transport';
import { NoticeDeliveryService } from './notice-delivery.service';

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
  sendConcurrency: 1,
};

interface Received {
  from: string;
  envelope: { from: string; to: string[] };
  headers: Record<string, unknown>;
}

describe('change notices come from the configured sender (PostgreSQL and SMTP)', () => {
  let db: TestDatabase;
  let transport: MailTransport;
  let service: NoticeDeliveryService;
  const run = randomUUID().slice(0, 8);
  const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);

  beforeAll(async () => {
    db = await createTestDatabase();
    transport = smtpTransport({ ...smtp, secure: false });
    service = new NoticeDeliveryService(db.dataSource, transport, config);
  });
  afterAll(async () => {
    transport?.close();
    await db?.drop();
  });

  async function sendTo(email: string): Promise<Received> {
    const customerId = randomUUID();
    const actionId = randomUUID();
    const noticeId = randomUUID();
    await q('INSERT INTO customers (id, email, name) VALUES ($1, $2, $3)', [
      customerId,
      email,
      'Ada Lovelace',
    ]);
    await q(
      `INSERT INTO actions (id, title, legacy_owner, status) VALUES ($1, 'faster checkout', 'Priya', 'announced')`,
      [actionId],
    );
    await q(
      `INSERT INTO notices (id, action_id, customer_id, status) VALUES ($1, $2, $3, 'requested')`,
      [noticeId, actionId, customerId],
    );
    await expect(
      service.deliver({
        schemaVersion: 1,
        noticeId,
        actionId,
        customerId,
        requestedAt: new Date().toISOString(),
      }),
    ).resolves.toBe('sent');
    const all = (await (await fetch(`${smtpApi}/api/messages`)).json()) as Received[];
    const mail = all.find((m) => m.envelope.to.includes(email));
    if (!mail) throw new Error(`no mail reached ${email}`);
    return mail;
  }

  it('sends From MAIL_FROM until a sender is configured, then From the configured name and address', async () => {
    const before = await sendTo(`before-${run}@example.com`);
    expect(before.envelope.from).toBe('loop@closedloop.local');
    expect(String(before.headers['from'])).toMatch(/^"?ClosedLoop"? <loop@closedloop\.local>$/);

    await q(
      `INSERT INTO settings (key, value, updated_by) VALUES ('senderName', $1::jsonb, 'test'), ('senderAddress', $2::jsonb, 'test')`,
      [JSON.stringify(`Acme care ${run}`), JSON.stringify(`care-${run}@acme.example`)],
    );
    const after = await sendTo(`after-${run}@example.com`);
    expect(after.envelope.from).toBe(`care-${run}@acme.example`);
    expect(String(after.headers['from']).replace(/"/g, '')).toBe(
      `Acme care ${run} <care-${run}@acme.example>`,
    );
  });

  it('falls back to MAIL_FROM when the stored address is not valid', async () => {
    await q(`UPDATE settings SET value = '"not an address"'::jsonb WHERE key = 'senderAddress'`);
    const mail = await sendTo(`fallback-${run}@example.com`);
    expect(mail.envelope.from).toBe('loop@closedloop.local');
  });
});
