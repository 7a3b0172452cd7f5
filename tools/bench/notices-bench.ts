/**
 * npm run bench:notices — change notices on this machine: an action announced to N customers
 * (default 10,000) reaches a test SMTP server through the real notifier.
 *  1. a fresh, migrated PostgreSQL database with N customers, each with feedback linked to one action;
 *  2. a private instance of the project's test SMTP server (tools/smtp/test-smtp-server.mjs) on its
 *     own ports and store folder, so the shared one is not flooded;
 *  3. one notifier process (dist/apps/notifier), NOTICE_DIGEST_MINUTES=0;
 *  4. the announcement: N notice rows and N notice.requested.v1 outbox events in one transaction,
 *     the same statements as ActionService.announce;
 *  5. the time until all N messages are stored by the SMTP server, duplicates by Message-ID and by
 *     recipient, every notice's status, and the notifier's RSS sampled every second.
 *  Then the SMTP server alone: N messages sent straight to it with the notifier's nodemailer transport
 *  (same pool size), to tell whether the server is the bottleneck.
 * Needs the local stack (npm run stack:up) and a built notifier (npx nx run notifier:build).
 * Run it under `flock /tmp/closedloop-e2e.lock`: the notifier's consumer group is the one of every notifier.
 * Options: --customers N (default 10000), --rate R NOTIFIER_MAX_PER_SECOND (default 1000), --concurrency C (default 8),
 * --skip-direct (leave out the SMTP server alone), --cpu-prof DIR (the notifier writes a V8 CPU profile there).
 */
import { NoticeRequestedTopic } from '@closedloop/contracts';
import { enqueueOutbox } from '@closedloop/persistence';
import { createTestDatabase } from '@closedloop/persistence/testing';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { smtpTransport } from '../../libs/notifier/feature-delivery/src/lib/mail-transport';

const root = join(__dirname, '..', '..');
const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '8' },
    'skip-direct': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const N = Number(values.customers);
const RATE = values.rate ?? '1000';
const CONCURRENCY = Number(values.concurrency);
const SMTP_PORT = 2626;
const SMTP_HTTP_PORT = 8126;
const HEALTH_PORT = 3392;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number): number {
  try {
    return Math.round(Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024);
  } catch {
    return 0;
  }
}

async function waitForHttp(url: string, child: ChildProcess, what: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`${what} did not become ready at ${url}`);
}

function startSmtp(store: string): ChildProcess {
  const child = spawn(process.execPath, [join(root, 'tools', 'smtp', 'test-smtp-server.mjs')], {
    env: { ...process.env, SMTP_PORT: String(SMTP_PORT), SMTP_HTTP_PORT: String(SMTP_HTTP_PORT), SMTP_STORE_DIR: store, SMTP_LOG_FILE: join(store, '..', 'smtp.log') },
    stdio: 'ignore',
  });
  return child;
}

/** Messages the SMTP server has stored (its count, from its HTTP API). */
async function storedCount(): Promise<number> {
  const health = (await (await fetch(`http://127.0.0.1:${SMTP_HTTP_PORT}/health`)).json()) as { messages: number };
  return health.messages;
}

/**
 * The stored messages' raw bytes and envelopes, read straight from the server's messages.log
 * (a JSON line per message, then its bytes): asking the API would parse all N of them.
 */
function storedMessages(store: string): { raw: Buffer; to: string[] }[] {
  const log = readFileSync(join(store, 'messages.log'));
  const out: { raw: Buffer; to: string[] }[] = [];
  let pos = 0;
  while (pos < log.length) {
    const nl = log.indexOf(10, pos);
    const meta = JSON.parse(log.subarray(pos, nl).toString('utf8')) as { size: number; envelope: { to: string[] } };
    out.push({ raw: log.subarray(nl + 1, nl + 1 + meta.size), to: meta.envelope.to });
    pos = nl + 1 + meta.size + 1;
  }
  return out;
}

function duplicates(store: string): { messages: number; messageIds: number; recipients: number } {
  const ids = new Set<string>();
  const recipients = new Set<string>();
  let messages = 0;
  for (const m of storedMessages(store)) {
    messages++;
    const head = m.raw.subarray(0, m.raw.indexOf('\r\n\r\n')).toString('utf8');
    ids.add(/^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? `none-${messages}`);
    for (const to of m.to) recipients.add(to);
  }
  return { messages, messageIds: ids.size, recipients: recipients.size };
}

async function waitForStored(count: number, limitMs: number, onTick?: () => void): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if ((await storedCount()) >= count) return Date.now() - started;
    onTick?.();
    await sleep(250);
  }
  return undefined;
}

async function main(): Promise<void> {
  console.log(`bench:notices — ${N} customers, ${cpus().length} CPUs, NOTIFIER_MAX_PER_SECOND=${RATE}, NOTIFIER_CONCURRENCY=${CONCURRENCY}`);
  const work = mkdtempSync(join(tmpdir(), 'notices-bench-'));
  const store = join(work, 'messages');
  const children: ChildProcess[] = [];
  const db = await createTestDatabase();
  try {
    const smtp = startSmtp(store);
    children.push(smtp);
    await waitForHttp(`http://127.0.0.1:${SMTP_HTTP_PORT}/health`, smtp, 'test SMTP server');

    const actionId = randomUUID();
    const seedStarted = Date.now();
    await db.dataSource.query(
      `INSERT INTO customers (id, email, name)
       SELECT gen_random_uuid(), 'bench-' || i || '@example.com', 'Customer ' || i FROM generate_series(1, $1) AS i`,
      [N],
    );
    await db.dataSource.query(
      `INSERT INTO actions (id, title, legacy_owner, status) VALUES ($1, 'one-click reorder', 'Bench', 'shipped')`,
      [actionId],
    );
    await db.dataSource.query(
      `INSERT INTO feedback (id, event_key, source, customer_id, occurred_at, received_at, text)
       SELECT gen_random_uuid(), 'bench:' || c.id, 'survey', c.id, now() - interval '3 days', now(),
              'Reordering takes <b>forever</b> & I give up *every* time'
       FROM customers c`,
    );
    await db.dataSource.query(`INSERT INTO action_feedback (action_id, feedback_id) SELECT $1, id FROM feedback`, [actionId]);
    console.log(`seeded ${N} customers with feedback in ${Date.now() - seedStarted} ms`);

    const profile = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : [];
    const notifier = spawn(process.execPath, [...profile, join(root, 'dist', 'apps', 'notifier', 'main.js')], {
      env: {
        ...process.env,
        NO_COLOR: '1',
        DATABASE_URL: db.url,
        HOST: '127.0.0.1',
        HEALTH_PORT: String(HEALTH_PORT),
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(SMTP_PORT),
        UNSUBSCRIBE_SECRET: 'bench-unsubscribe-secret-0123456789',
        NOTICE_DIGEST_MINUTES: '0',
        NOTICE_SWEEP_SECONDS: '1',
        NOTIFIER_MAX_PER_SECOND: RATE,
        NOTIFIER_CONCURRENCY: String(CONCURRENCY),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(notifier);
    await waitForHttp(`http://127.0.0.1:${HEALTH_PORT}/health/ready`, notifier, 'notifier');
    await sleep(3_000); // let the consumer join its group
    const idleRss = rssMb(notifier.pid ?? 0);

    const announced = Date.now();
    await db.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE actions SET status = 'announced', announced_at = now(), notice_subject = $2, notice_body = $3 WHERE id = $1`,
        [actionId, 'We shipped {{change}}', 'Hi **{{firstName}}**,\n\nOn {{quoteDate}} you told us:\n\n> {{quote}}\n\nWe listened: *{{change}}* is live.'],
      );
      const created: { id: string; customer_id: string }[] = await manager.query(
        `INSERT INTO notices (id, action_id, customer_id, status)
         SELECT gen_random_uuid(), $1, id, 'requested' FROM customers
         ON CONFLICT (action_id, customer_id) DO NOTHING RETURNING id, customer_id`,
        [actionId],
      );
      await enqueueOutbox(
        manager,
        NoticeRequestedTopic,
        created.map((n) => ({
          key: n.customer_id,
          value: { schemaVersion: 1 as const, noticeId: n.id, actionId, customerId: n.customer_id, requestedAt: new Date().toISOString() },
        })),
      );
    });
    const announceMs = Date.now() - announced;
    console.log(`announced: ${N} notices + outbox events in ${announceMs} ms`);

    const rss: number[] = [idleRss];
    let lastSample = 0;
    const arrivedMs = await waitForStored(N, 300_000, () => {
      if (Date.now() - lastSample >= 1_000) {
        lastSample = Date.now();
        rss.push(rssMb(notifier.pid ?? 0));
      }
    });
    rss.push(rssMb(notifier.pid ?? 0));
    await sleep(3_000); // anything sent twice would arrive now
    const dupes = duplicates(store);
    const statuses: { status: string; n: string }[] = await db.dataSource.query(
      'SELECT status, count(*) AS n FROM notices GROUP BY status ORDER BY status',
    );
    console.log(
      arrivedMs === undefined
        ? `NOT all ${N} arrived within 300 s (${await storedCount()} did)`
        : `all ${N} messages stored by the SMTP server ${(arrivedMs / 1000).toFixed(1)} s after the announcement (${Math.round((N / arrivedMs) * 1000)} messages/s)`,
    );
    console.log(`stored ${dupes.messages} messages, ${dupes.messageIds} distinct Message-IDs, ${dupes.recipients} distinct recipients`);
    console.log(`notice statuses: ${statuses.map((s) => `${s.status}=${s.n}`).join(', ')}`);
    const step = Math.max(1, Math.floor(rss.length / 12));
    console.log(`notifier RSS MB (idle, then every ~${step} s): ${rss.filter((_, i) => i % step === 0 || i === rss.length - 1).join(' ')}`);
    notifier.kill('SIGTERM');
    await new Promise((r) => (notifier.exitCode === null ? notifier.once('exit', r) : r(undefined)));
    if (values['skip-direct']) return;

    // The SMTP server alone, same pool size.
    const direct = join(work, 'direct');
    smtp.kill('SIGTERM');
    await sleep(500);
    const smtp2 = startSmtp(direct);
    children.push(smtp2);
    await waitForHttp(`http://127.0.0.1:${SMTP_HTTP_PORT}/health`, smtp2, 'test SMTP server');
    const transport = smtpTransport({ host: '127.0.0.1', port: SMTP_PORT, secure: false, maxConnections: CONCURRENCY });
    const sample = storedMessages(store)[0]?.raw;
    const directStarted = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < N) {
          const i = next++;
          await transport.send({ envelope: { from: 'loop@closedloop.local', to: `direct-${i}@example.com` }, raw: sample });
        }
      }),
    );
    const sentMs = Date.now() - directStarted;
    const storedMs = await waitForStored(N, 300_000);
    transport.close();
    console.log(
      `SMTP server alone: ${N} messages sent straight to it and stored in ${((sentMs + (storedMs ?? NaN)) / 1000).toFixed(1)} s (${Math.round((N / (sentMs + (storedMs ?? 0))) * 1000)} messages/s)`,
    );
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
