import { deadLetterTopic, defineTopic, MessageHeaders } from '@closedloop/contracts';
import { KafkaMessageBus, subscription, type MessageContext } from '@closedloop/messaging';
import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { deadLetterFromMessage } from './dead-letter-from-message';
import { countDeadLetters, listDeadLetters } from './dead-letter-queries';
import { keepDeadLetters } from './keep-dead-letters';
import { discardDeadLetters, replayDeadLetters } from './resolve-dead-letters';

const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

async function eventually(check: () => void | Promise<void>, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * The whole life of a dead letter on a real broker and database: a consumer gives up on a
 * message, the keeper keeps it once, an admin replays it after the fix (the consumer then takes
 * it) or discards it with a note.
 */
describe('dead letters on Kafka and PostgreSQL', () => {
  const run = randomUUID().slice(0, 8);
  const topic = defineTopic(
    `it.dead-letters-${run}.v1`,
    z.object({ schemaVersion: z.literal(1), n: z.number().int() }).strict(),
  );
  let db: TestDatabase;
  let bus: KafkaMessageBus;
  /** The bug the consumer has until it is fixed: it cannot take n = 5. */
  let broken = true;
  const taken: { n: number; headers: MessageContext['headers'] }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    bus = new KafkaMessageBus({ brokers, clientId: `dead-letters-it-${run}`, partitions: 1 });
    await bus.ensureTopics([topic]);
    await bus.startConsumer({
      groupId: `it-consumer-${run}`,
      retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 20 },
      subscriptions: [
        subscription(topic, async (value, context) => {
          if (broken && value.n === 5) throw new Error('n = 5 is not handled yet');
          taken.push({ n: value.n, headers: context.headers });
        }),
      ],
    });
    await bus.startConsumer({
      groupId: `it-keeper-${run}`,
      subscriptions: [
        subscription(deadLetterTopic(topic.name), async (value, context) => {
          await keepDeadLetters(db.dataSource, [deadLetterFromMessage(value, context, new Date())]);
        }),
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await bus?.close();
    await db?.drop();
  });

  it('keeps what a consumer gave up on once, replays it after the fix, and discards with a note', async () => {
    await bus.publishRaw(topic.name, [
      { key: 'one', value: Buffer.from('{"schemaVersion":1,"n":1}') },
      {
        key: 'garbage',
        value: Buffer.from('{"n": not json'),
        headers: { [MessageHeaders.correlationId]: 'c-g' },
      },
      {
        key: 'five',
        value: Buffer.from('{"schemaVersion":1,"n":5}'),
        headers: { [MessageHeaders.correlationId]: 'c-5' },
      },
    ]);
    await eventually(async () =>
      expect(await listDeadLetters(db.dataSource, { status: 'open' }, 10)).toHaveLength(2),
    );
    expect(taken.map((t) => t.n)).toEqual([1]);
    const open = await listDeadLetters(
      db.dataSource,
      { status: 'open', sourceTopic: topic.name },
      10,
    );
    const five = open.find((l) => l.key === 'five');
    const garbage = open.find((l) => l.key === 'garbage');
    expect(five?.reason).toBe('failed after 2 attempts: n = 5 is not handled yet');
    expect(five?.consumerGroup).toBe(`it-consumer-${run}`);
    expect(five?.sourceTopic).toBe(topic.name);
    expect(five?.headers[MessageHeaders.correlationId]).toBe('c-5');
    expect(garbage?.reason).toMatch(/^malformed JSON/);
    expect(garbage?.value?.toString()).toBe('{"n": not json');

    // Kept once: the same position again changes nothing.
    const again = deadLetterFromMessage(
      five?.value ?? null,
      {
        topic: five?.dlqTopic ?? '',
        partition: five?.dlqPartition ?? 0,
        offset: five?.dlqOffset ?? '',
        key: 'five',
        headers: five?.headers ?? {},
      },
      new Date(),
    );
    expect(await keepDeadLetters(db.dataSource, [again])).toBe(0);

    // Pages: newest failure first, one at a time, nothing skipped or repeated.
    const first = await listDeadLetters(db.dataSource, {}, 1);
    const second = await listDeadLetters(db.dataSource, {}, 1, {
      failedAt: first[0]?.failedAt ?? new Date(),
      id: first[0]?.id ?? '',
    });
    expect([...first, ...second].map((l) => l.id).sort()).toEqual(open.map((l) => l.id).sort());

    // The fix ships; the admin replays.
    broken = false;
    const replayed = await replayDeadLetters(
      db.dataSource,
      bus,
      [five?.id ?? ''],
      'admin@example.com',
    );
    expect(replayed).toEqual({ done: [five?.id], skipped: [] });
    await eventually(() => expect(taken.map((t) => t.n)).toEqual([1, 5]));
    const redelivered = taken[1]?.headers ?? {};
    expect(redelivered[MessageHeaders.correlationId]).toBe('c-5');
    expect(redelivered[MessageHeaders.replayedFrom]).toBe(
      `${five?.dlqTopic}/${five?.dlqPartition}/${five?.dlqOffset}`,
    );
    expect(redelivered[MessageHeaders.deadLetterReason]).toBeUndefined();
    const twice = await replayDeadLetters(
      db.dataSource,
      bus,
      [five?.id ?? ''],
      'admin@example.com',
    );
    expect(twice).toEqual({ done: [], skipped: [{ id: five?.id, reason: 'already replayed' }] });

    // Garbage cannot be fixed by replaying: set aside with a note.
    await expect(
      discardDeadLetters(db.dataSource, [garbage?.id ?? ''], 'admin@example.com', ' '),
    ).rejects.toThrow('a note saying why is required');
    const unknown = randomUUID();
    const discarded = await discardDeadLetters(
      db.dataSource,
      [garbage?.id ?? '', unknown],
      'admin@example.com',
      'producer bug, fixed at the source',
    );
    expect(discarded).toEqual({
      done: [garbage?.id],
      skipped: [{ id: unknown, reason: 'no such dead letter' }],
    });
    const counts = await countDeadLetters(db.dataSource);
    expect(counts).toEqual([
      { sourceTopic: topic.name, status: 'discarded', count: 1 },
      { sourceTopic: topic.name, status: 'replayed', count: 1 },
    ]);
    const [after] = await listDeadLetters(db.dataSource, { status: 'replayed' }, 1);
    expect(after).toEqual(
      expect.objectContaining({
        replayCount: 1,
        resolvedBy: 'admin@example.com',
        status: 'replayed',
      }),
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(taken.map((t) => t.n)).toEqual([1, 5]);
  });

  it('keeps a dead letter of any bytes: the value byte for byte, NUL and broken text in key, headers and reason made storable', async () => {
    // Found by the inbound-topic fuzz test: a value with backslashes or bytes that are not UTF-8
    // failed as bytea, and NUL in a header or reason failed as text, so the keeper retried forever.
    const value = Buffer.from([0x7b, 0x5c, 0x78, 0x30, 0x30, 0x95, 0x00, 0xff, 0x22, 0x5c, 0x5c]);
    const sourceTopic = `it.any-bytes-${run}.v1`;
    const letter = deadLetterFromMessage(
      value,
      {
        topic: `it.any-bytes-${run}.dlq.v1`,
        partition: 0,
        offset: '7',
        key: 'k\u0000ey',
        headers: {
          [MessageHeaders.deadLetterSourceTopic]: sourceTopic,
          [MessageHeaders.deadLetterReason]: 'malformed JSON: Unexpected token \u0000 in "\uD800"',
          'x-h\u0000': 'v\u0000',
        },
      },
      new Date(),
    );
    expect(await keepDeadLetters(db.dataSource, [letter])).toBe(1);
    const [kept] = await listDeadLetters(db.dataSource, { sourceTopic }, 10);
    expect(kept?.value?.equals(value)).toBe(true);
    expect(kept?.key).toBe('k\uFFFDey');
    expect(kept?.reason).toBe('malformed JSON: Unexpected token \uFFFD in "\uFFFD"');
    expect(kept?.headers['x-h\uFFFD']).toBe('v\uFFFD');
  });
});
