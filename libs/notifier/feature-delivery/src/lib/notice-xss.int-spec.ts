import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { XSS_PAYLOADS, type XssPayload } from '@closedloop/testing-hostile-input';
import { JSDOM } from 'jsdom';
import { simpleParser, type ParsedMail } from 'mailparser';
import { randomUUID } from 'node:crypto';
import type { DeliveryConfig } from './delivery.config';
import { smtpTransport, type MailTransport } from './mail-transport';
import { NoticeDeliveryService } from './notice-delivery.service';

/**
 * Stored cross-site scripting through emails, with the real notifier service, PostgreSQL and the
 * project's test SMTP server (`npm run stack:up`): every payload of the corpus as the customer's
 * name, the quoted feedback, the action's title and inside the CX lead's subject and Markdown body.
 * The raw message as received is parsed (mailparser), its HTML part with a real HTML parser
 * (jsdom, scripts off): no element, attribute or URL of any payload may exist there, and the
 * customer's words must read as the text they were.
 */
const smtp = {
  host: process.env['SMTP_HOST'] ?? '127.0.0.1',
  port: Number(process.env['SMTP_PORT'] ?? 2525),
};
const smtpApi = process.env['SMTP_API_URL'] ?? 'http://127.0.0.1:8025';
const config: DeliveryConfig = {
  mailFrom: '"ClosedLoop" <loop@closedloop.local>',
  publicUrl: 'http://localhost:3000',
  unsubscribeSecret: 'xss-test-secret',
  messageIdDomain: 'closedloop.test',
  retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 100, factor: 2 },
  maxPerSecond: 1_000,
  digestMinutes: 0,
  sweepIntervalMs: 60_000,
  sendConcurrency: 2,
};

/** Elements that must never come out of customer or lead text in an email. */
const ACTIVE_ELEMENTS =
  'script, iframe, object, embed, svg, math, img, input, details, style, form, base, meta[http-equiv], link';
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Everything a payload could have left in the parsed HTML part, described; empty when clean. */
function activeContent(html: string): string[] {
  const dom = new JSDOM(html); // runScripts is off: parsing only
  const doc = dom.window.document;
  const found: string[] = [];
  for (const el of Array.from(doc.querySelectorAll(ACTIVE_ELEMENTS)))
    found.push(`<${el.tagName.toLowerCase()}>`);
  for (const el of Array.from(doc.querySelectorAll('[id^="xss-"]'))) found.push(`#${el.id}`);
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName.toLowerCase()}[${attr.name}]`);
      // The layout styles its own elements; a payload's style would bring url() or expression().
      if (attr.name === 'style' && /url\(|expression|javascript/i.test(attr.value))
        found.push(`${el.tagName.toLowerCase()}[style=${attr.value}]`);
      if (
        ['href', 'src', 'action', 'data', 'formaction'].includes(attr.name) &&
        !/^(https?:|mailto:)/i.test(attr.value.trim())
      )
        found.push(`${el.tagName.toLowerCase()}[${attr.name}=${attr.value}]`);
    }
  }
  dom.window.close();
  return found;
}

function bodyText(html: string): string {
  const dom = new JSDOM(html);
  const text = dom.window.document.body.textContent ?? '';
  dom.window.close();
  return text;
}

describe('stored XSS through change-notice emails (real SMTP)', () => {
  let db: TestDatabase;
  let transport: MailTransport;
  let service: NoticeDeliveryService;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    expect((await fetch(`${smtpApi}/health`)).ok).toBe(true);
    db = await createTestDatabase();
    transport = smtpTransport({ ...smtp, secure: false });
    service = new NoticeDeliveryService(db.dataSource, transport, config);
  });
  afterAll(async () => {
    transport?.close();
    await db?.drop();
  });

  const q = (sql: string, params: unknown[]) => db.dataSource.query(sql, params);

  /** A customer named `name` and a notice for an action announced with the payload everywhere. */
  async function noticeFor(customerId: string, payload: XssPayload) {
    const actionId = randomUUID();
    const feedbackId = randomUUID();
    const noticeId = randomUUID();
    await q(
      `INSERT INTO actions (id, title, legacy_owner, status, notice_subject, notice_body) VALUES ($1, $2, 'Priya', 'announced', $3, $4)`,
      [
        actionId,
        payload.text,
        `We shipped {{change}} ${payload.text}`,
        `Hi {{firstName}},\n\n${payload.text}\n\nYou told us: "{{quote}}" on {{quoteDate}}.\n\nWe listened: {{change}}.`,
      ],
    );
    await q(
      `INSERT INTO feedback (id, event_key, source, customer_id, occurred_at, received_at, text) VALUES ($1, $2, 'survey', $3, '2026-11-01T10:00:00Z', now(), $4)`,
      [feedbackId, `survey:xss-${run}-${feedbackId}`, customerId, payload.text],
    );
    await q('INSERT INTO action_feedback (action_id, feedback_id) VALUES ($1, $2)', [
      actionId,
      feedbackId,
    ]);
    await q(
      `INSERT INTO notices (id, action_id, customer_id, status) VALUES ($1, $2, $3, 'requested')`,
      [noticeId, actionId, customerId],
    );
    return {
      schemaVersion: 1 as const,
      noticeId,
      actionId,
      customerId,
      requestedAt: new Date().toISOString(),
    };
  }

  async function customer(email: string, name: string): Promise<string> {
    const id = randomUUID();
    await q('INSERT INTO customers (id, email, name) VALUES ($1, $2, $3)', [id, email, name]);
    return id;
  }

  /** The raw messages to one address as received, parsed by mailparser. */
  async function rawMailTo(address: string): Promise<ParsedMail[]> {
    const all = (await (await fetch(`${smtpApi}/api/messages`)).json()) as {
      id: string;
      envelope: { to: string[] };
    }[];
    const mine = all.filter((m) => m.envelope.to.includes(address));
    return Promise.all(
      mine.map(async (m) => {
        const raw = await fetch(`${smtpApi}/api/messages/${m.id}/raw`);
        expect(raw.ok).toBe(true);
        return simpleParser(Buffer.from(await raw.arrayBuffer()));
      }),
    );
  }

  it('the checker itself finds an unescaped payload in HTML', () => {
    // The test can fail: the same payloads as markup are found.
    for (const payload of XSS_PAYLOADS.filter((p) => p.text.startsWith('<') && p.n <= 12))
      expect(activeContent(`<p>${payload.text}</p>`)).not.toEqual([]);
  });

  it.each(XSS_PAYLOADS.map((p) => [p.n, p.name, p] as const))(
    'payload %i (%s): shown as text in the subject, text and HTML parts, never as markup',
    async (_n, _name, payload) => {
      const email = `xss-${payload.n}-${run}@example.com`;
      const customerId = await customer(email, `${payload.text} Lovelace`);
      const event = await noticeFor(customerId, payload);
      await expect(service.deliver(event)).resolves.toBe('sent');

      const [mail, ...more] = await rawMailTo(email);
      expect(more).toHaveLength(0);
      if (!mail) throw new Error(`no email to ${email}`);
      // The title is a value: literal. (The lead's own template text may use placeholders.)
      expect(mail.subject).toContain(collapse(`We shipped ${payload.text}`));
      // The text part says what was written, literally.
      expect(mail.text).toContain(`You told us: "${payload.text}"`);
      expect(mail.text).toContain(`We listened: ${payload.text}.`);
      // The HTML part: nothing active, and the customer's words and the title read as text.
      const html = typeof mail.html === 'string' ? mail.html : '';
      expect(html).not.toBe('');
      expect(activeContent(html)).toEqual([]);
      const text = bodyText(html);
      expect(text).toContain(`You told us: "${payload.text}"`);
      expect(text).toContain(`We listened: ${payload.text}.`);
      const dom = new JSDOM(html);
      expect(collapse(dom.window.document.title)).toBe(mail.subject);
      dom.window.close();
    },
  );

  it('a digest of every payload for one customer: one email, nothing active', async () => {
    const email = `xss-digest-${run}@example.com`;
    const customerId = await customer(email, '"><img id="xss-0" src=x onerror=__xss(0)> Grace');
    const events = [];
    for (const payload of XSS_PAYLOADS) events.push(await noticeFor(customerId, payload));
    const [first] = events;
    if (!first) throw new Error('no notices');
    await expect(service.deliver(first)).resolves.toBe('sent');
    const mails = await rawMailTo(email);
    expect(mails).toHaveLength(1);
    const html = typeof mails[0]?.html === 'string' ? mails[0].html : '';
    expect(activeContent(html)).toEqual([]);
    const text = bodyText(html);
    for (const payload of XSS_PAYLOADS) expect(text).toContain(`We listened: ${payload.text}.`);
  });
});
