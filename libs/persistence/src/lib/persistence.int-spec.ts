import { MessageHeaders, defineTopic } from '@closedloop/contracts';
import {
  InMemoryMessageBus,
  currentCorrelationId,
  runWithCorrelationId,
} from '@closedloop/messaging';
import { createTestDatabase, type TestDatabase } from '../testing';
import { resolveCustomer, resolveCustomers } from './customer-resolver';
import { ALL_MIGRATIONS } from './migrations';
import { enqueueOutbox } from './outbox/enqueue-outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { z } from 'zod';

describe('persistence on a real PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('migrates up, all the way down, and up again', async () => {
    const tables = async () =>
      (
        (await db.dataSource.query(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations' ORDER BY 1",
        )) as { table_name: string }[]
      ).map((r) => r.table_name);
    expect(await tables()).toEqual([
      'action_announcements',
      'action_comments',
      'action_feedback',
      'action_history',
      'action_lineage',
      'action_regressions',
      'action_themes',
      'actions',
      'api_keys',
      'customer_identities',
      'customers',
      'dead_letters',
      'feedback',
      'feedback_weekly_stats',
      'loop_items',
      'loop_weekly_latency',
      'loop_weekly_stats',
      'notices',
      'outbox',
      'owner_notices',
      'research_prompts',
      'sessions',
      'settings',
      'theme_daily_stats',
      'theme_noise_items',
      'theme_space_states',
      'theme_totals',
      'themes',
      'users',
    ]);
    for (let i = 0; i < ALL_MIGRATIONS.length; i++) await db.dataSource.undoLastMigration();
    expect(await tables()).toEqual([]);
    await db.dataSource.runMigrations();
    expect(await tables()).toHaveLength(29);
  });

  it('resolves one customer per email and per source identity, even when asked concurrently', async () => {
    const ids = await Promise.all(
      Array.from({ length: 8 }, () =>
        db.dataSource.transaction((m) =>
          resolveCustomer(m, 'survey', { email: 'ada@example.com', name: 'Ada' }),
        ),
      ),
    );
    expect(new Set(ids).size).toBe(1);

    const byIdentity = await db.dataSource.transaction((m) =>
      resolveCustomer(m, 'crm', { externalId: 'contact-42', email: 'ada@example.com' }),
    );
    expect(byIdentity).toBe(ids[0]);
    const again = await db.dataSource.transaction((m) =>
      resolveCustomer(m, 'crm', { externalId: 'contact-42' }),
    );
    expect(again).toBe(ids[0]);
    const anonymous = await db.dataSource.transaction((m) =>
      resolveCustomer(m, 'survey', { externalId: 'r-9' }),
    );
    expect(anonymous).not.toBe(ids[0]);
  });

  it('resolves many identities at once: same identity or email, same customer; anonymous ones apart', async () => {
    const existing = await db.dataSource.transaction((m) =>
      resolveCustomer(m, 'crm', { externalId: 'contact-7', email: 'lin@example.com' }),
    );
    const ids = await db.dataSource.transaction((m) =>
      resolveCustomers(m, [
        { source: 'crm', externalId: 'contact-7' },
        { source: 'survey', email: 'lin@example.com', name: 'Lin' },
        { source: 'social:x', externalId: '@newbie' },
        { source: 'social:x', externalId: '@newbie', email: 'newbie@example.com' },
        { source: 'survey', email: 'newbie@example.com' },
        { source: 'staff', name: 'Walk-in' },
        { source: 'staff', name: 'Walk-in' },
      ]),
    );
    expect(ids.slice(0, 2)).toEqual([existing, existing]);
    expect(ids[3]).toBe(ids[2]);
    expect(ids[4]).toBe(ids[2]);
    expect(new Set([existing, ids[2], ids[5], ids[6]]).size).toBe(4);
    const [linked] = await db.dataSource.query(
      "SELECT c.email FROM customer_identities i JOIN customers c ON c.id = i.customer_id WHERE i.source = 'social:x' AND i.external_id = '@newbie'",
    );
    expect(linked).toEqual({ email: 'newbie@example.com' });
  });

  it('resolves concurrent batches naming the same new identities to one customer each', async () => {
    const batch = Array.from({ length: 30 }, (_, i) => ({
      source: 'crm',
      externalId: `race-${i % 6}`,
    }));
    const results = await Promise.all(
      Array.from({ length: 4 }, () => db.dataSource.transaction((m) => resolveCustomers(m, batch))),
    );
    for (let i = 0; i < 6; i++) expect(new Set(results.map((r) => r[i])).size).toBe(1);
  });

  it('publishes only committed outbox rows, in order, once', async () => {
    const topic = defineTopic(
      'it.outbox.v1',
      z.object({ schemaVersion: z.literal(1), n: z.number() }).strict(),
    );
    const bus = new InMemoryMessageBus();
    await bus.ensureTopics([topic]);
    await db.dataSource.transaction((m) =>
      enqueueOutbox(
        m,
        topic,
        [1, 2, 3].map((n) => ({ key: 'k', value: { schemaVersion: 1 as const, n } })),
      ),
    );
    await expect(
      db.dataSource.transaction(async (m) => {
        await enqueueOutbox(m, topic, [{ key: 'k', value: { schemaVersion: 1, n: 99 } }]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await expect(
      db.dataSource.transaction((m) =>
        enqueueOutbox(m, topic, [{ key: 'k', value: { schemaVersion: 1, n: 'x' } as never }]),
      ),
    ).rejects.toThrow('Message for it.outbox.v1 is invalid');

    const relay = new OutboxRelay(db.dataSource, bus, { batchSize: 2 });
    expect(await relay.flush()).toBe(3);
    expect(await relay.flush()).toBe(0);
    expect(bus.messages(topic.name).map((m) => JSON.parse(m.value?.toString() ?? '{}').n)).toEqual([
      1, 2, 3,
    ]);
  });

  it('writes an outbox batch larger than one statement can carry, in order, or none of it', async () => {
    const topic = defineTopic('it.outbox.large.v1', z.object({ schemaVersion: z.literal(1), n: z.number() }).strict());
    const count = 20_000; // 80,000 parameters in one statement would exceed PostgreSQL's 65,535
    await db.dataSource.transaction((m) =>
      enqueueOutbox(
        m,
        topic,
        Array.from({ length: count }, (_, n) => ({ key: 'k', value: { schemaVersion: 1 as const, n } })),
      ),
    );
    const rows: { n: number }[] = await db.dataSource.query(
      `SELECT (payload->>'n')::int AS n FROM outbox WHERE topic = $1 ORDER BY seq`,
      [topic.name],
    );
    expect(rows).toHaveLength(count);
    expect(rows.every((row, i) => row.n === i)).toBe(true);
    await expect(
      db.dataSource.transaction(async (m) => {
        await enqueueOutbox(
          m,
          topic,
          Array.from({ length: 12_000 }, (_, n) => ({ key: 'k', value: { schemaVersion: 1 as const, n } })),
        );
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = $1`, [topic.name])).toEqual([{ n: count }]);
  });

  it('keeps the current correlation id on outbox rows, publishes it as a header, and relays outside the nudging scope', async () => {
    const topic = defineTopic(
      'it.outbox.correlated.v1',
      z.object({ schemaVersion: z.literal(1), n: z.number() }).strict(),
    );
    const bus = new InMemoryMessageBus();
    await bus.ensureTopics([topic]);
    // Rows of the tests above that were never relayed are not this test's business.
    await db.dataSource.query('UPDATE outbox SET published_at = now() WHERE published_at IS NULL');
    await runWithCorrelationId('req-outbox-1', () =>
      db.dataSource.transaction((m) =>
        enqueueOutbox(m, topic, [
          { key: 'k', value: { schemaVersion: 1, n: 1 } },
          {
            key: 'k',
            value: { schemaVersion: 1, n: 2 },
            headers: { [MessageHeaders.correlationId]: 'its-own' },
          },
        ]),
      ),
    );
    await db.dataSource.transaction((m) =>
      enqueueOutbox(m, topic, [{ key: 'k', value: { schemaVersion: 1, n: 3 } }]),
    );
    // The relay's passes, though nudged from a request, do not run under its id.
    const seen: (string | undefined)[] = [];
    const observing = new Proxy(bus, {
      get: (target, prop, receiver) =>
        prop === 'publishRaw'
          ? (...args: Parameters<InMemoryMessageBus['publishRaw']>) => {
              seen.push(currentCorrelationId());
              return target.publishRaw(...args);
            }
          : Reflect.get(target, prop, receiver),
    });
    const relay = new OutboxRelay(db.dataSource, observing, { pollIntervalMs: 10_000 });
    relay.start();
    try {
      await runWithCorrelationId('req-nudging', async () => relay.nudge());
      const deadline = Date.now() + 5_000;
      while (bus.messages(topic.name).length < 3 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
    } finally {
      await relay.stop();
    }
    expect(
      bus.messages(topic.name).map((m) => m.headers?.[MessageHeaders.correlationId]),
    ).toEqual(['req-outbox-1', 'its-own', undefined]);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((id) => id === undefined)).toBe(true);
  });
});
