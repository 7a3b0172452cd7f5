import { defineTopic, MessageHeaders } from '@closedloop/contracts';
import { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { currentCorrelationId, runWithCorrelationId } from './correlation-context';
import { KafkaMessageBus } from './kafka-message-bus';
import { subscription } from './message-bus';

const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

const Item = z.object({ schemaVersion: z.literal(1), n: z.number().int() }).strict();

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

/** Reads every message of a topic with a throwaway consumer group. */
async function readAll(topic: string, expected: number) {
  const kafka = new Kafka({ clientId: 'int-reader', brokers, logLevel: 0 });
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
  const seen: { key: string | null; value: string | null; headers: Record<string, string> }[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
      seen.push({
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? null,
        headers,
      });
    },
  });
  await eventually(() => expect(seen.length).toBeGreaterThanOrEqual(expected));
  await consumer.disconnect();
  return seen;
}

describe('KafkaMessageBus on a real broker', () => {
  const topic = defineTopic(`it.items-${randomUUID().slice(0, 8)}.v1`, Item);
  let bus: KafkaMessageBus;

  beforeAll(async () => {
    bus = new KafkaMessageBus({ brokers, clientId: 'messaging-int', partitions: 2 });
    await bus.ensureTopics([topic]);
  });
  afterAll(() => bus.close());

  it('creates the topic and its dead-letter topic, idempotently', async () => {
    await bus.ensureTopics([topic]);
    const admin = new Kafka({ clientId: 'int-admin', brokers, logLevel: 0 }).admin();
    await admin.connect();
    const topics = await admin.listTopics();
    const meta = await admin.fetchTopicMetadata({ topics: [topic.name] });
    await admin.disconnect();
    expect(topics).toEqual(
      expect.arrayContaining([topic.name, topic.name.replace(/\.v1$/, '.dlq.v1')]),
    );
    expect(meta.topics[0]?.partitions).toHaveLength(2);
  });

  it("runs each handler in its message's correlation id, which what it publishes carries on", async () => {
    const suffix = randomUUID().slice(0, 8);
    const input = defineTopic(`it.correlated-in-${suffix}.v1`, Item);
    const out = defineTopic(`it.correlated-out-${suffix}.v1`, Item);
    await bus.ensureTopics([input, out]);
    const groupId = `it-${randomUUID()}`;
    const seen: { n: number; id: string | undefined }[] = [];
    const consumer = await bus.startConsumer({
      groupId,
      subscriptions: [
        subscription(input, async (v) => {
          seen.push({ n: v.n, id: currentCorrelationId() });
          await bus.publish(out, [{ key: 'k', value: v }]);
        }),
      ],
    });
    // Published from a request's scope; and with no id at all. One partition key keeps the order.
    await runWithCorrelationId('kafka-req-1', () =>
      bus.publish(input, [{ key: 'corr', value: { schemaVersion: 1, n: 101 } }]),
    );
    await bus.publish(input, [{ key: 'corr', value: { schemaVersion: 1, n: 102 } }]);
    await eventually(() => expect(seen).toHaveLength(2));
    await consumer.stop();
    expect(seen).toEqual([
      { n: 101, id: 'kafka-req-1' },
      { n: 102, id: undefined },
    ]);
    const carried = await readAll(out.name, 2);
    expect(
      carried.map((m) => [JSON.parse(m.value ?? '{}').n, m.headers[MessageHeaders.correlationId]]),
    ).toEqual([
      [101, 'kafka-req-1'],
      [102, undefined],
    ]);
  });

  it('reports a consumer joined once it holds its partitions, and forgets it once stopped', async () => {
    const groupId = `it-${randomUUID()}`;
    const consumer = await bus.startConsumer({
      groupId,
      subscriptions: [subscription(topic, async () => undefined)],
    });
    await eventually(() =>
      expect(bus.consumerHealth()).toContainEqual({ groupId, joined: true, failed: null }),
    );
    await consumer.stop();
    expect(bus.consumerHealth().map((c) => c.groupId)).not.toContain(groupId);
  });

  it('delivers valid messages, dead-letters bad bytes with the reason, and keeps going', async () => {
    const groupId = `it-${randomUUID()}`;
    const seen: number[] = [];
    const consumer = await bus.startConsumer({
      groupId,
      subscriptions: [subscription(topic, async (v) => void seen.push(v.n))],
    });
    await bus.publish(topic, [{ key: 'k1', value: { schemaVersion: 1, n: 1 } }]);
    await bus.publishRaw(topic.name, [
      { key: 'k1', value: Buffer.from('{"schemaVersion":1,"n":"two"}') },
      { key: 'k1', value: Buffer.from('not json at all') },
    ]);
    await bus.publish(topic, [{ key: 'k1', value: { schemaVersion: 1, n: 4 } }]);
    await eventually(() => expect(seen).toEqual([1, 4]));
    await consumer.stop();

    const dead = await readAll(topic.name.replace(/\.v1$/, '.dlq.v1'), 2);
    expect(dead.map((d) => d.value)).toEqual(['{"schemaVersion":1,"n":"two"}', 'not json at all']);
    expect(dead[0]?.headers[MessageHeaders.deadLetterReason]).toMatch(/^schema violation: n: /);
    expect(dead[1]?.headers[MessageHeaders.deadLetterReason]).toMatch(/^malformed JSON/);
    expect(dead[1]?.headers[MessageHeaders.deadLetterSourceTopic]).toBe(topic.name);
    expect(dead[1]?.headers[MessageHeaders.deadLetterConsumerGroup]).toBe(groupId);
  });

  it('reports what it produced and consumed to its metrics: outcomes, message age, lag', async () => {
    const t = defineTopic(`it.metrics-${randomUUID().slice(0, 8)}.v1`, Item);
    const groupId = `it-${randomUUID()}`;
    const seen = {
      produced: new Map<string, number>(),
      consumed: new Map<string, number>(),
      ages: [] as number[],
      handledBatches: 0,
      lag: [] as number[],
    };
    const observed = new KafkaMessageBus({
      brokers,
      clientId: 'messaging-int-metrics',
      partitions: 1,
      metrics: {
        produced: (topic, count) =>
          seen.produced.set(topic, (seen.produced.get(topic) ?? 0) + count),
        consumed: (topic, group, outcome, count) => {
          if (group !== groupId) return;
          const key = `${topic}/${outcome}`;
          seen.consumed.set(key, (seen.consumed.get(key) ?? 0) + count);
        },
        age: (_topic, group, seconds) => void (group === groupId && seen.ages.push(seconds)),
        handled: (_topic, group) => void (group === groupId && (seen.handledBatches += 1)),
        lag: (_topic, _partition, group, messages) =>
          void (group === groupId && seen.lag.push(messages)),
      },
    });
    try {
      await observed.ensureTopics([t]);
      await observed.publish(
        t,
        [1, 2].map((n) => ({ key: 'k', value: { schemaVersion: 1 as const, n } })),
      );
      await observed.publishRaw(t.name, [{ key: 'k', value: Buffer.from('nope') }]);
      const consumer = await observed.startConsumer({
        groupId,
        subscriptions: [subscription(t, async () => undefined)],
      });
      await eventually(() => {
        expect(seen.consumed.get(`${t.name}/handled`)).toBe(2);
        expect(seen.consumed.get(`${t.name}/dead-lettered`)).toBe(1);
      });
      await consumer.stop();
      expect(seen.produced.get(t.name)).toBe(3);
      expect(seen.produced.get(t.name.replace(/\.v1$/, '.dlq.v1'))).toBe(1);
      expect(seen.ages).toHaveLength(3);
      expect(seen.ages.every((a) => a >= 0 && a < 60)).toBe(true);
      expect(seen.handledBatches).toBeGreaterThanOrEqual(1);
      expect(seen.lag.at(-1)).toBe(0);
    } finally {
      await observed.close();
    }
  });

  it('commits what was processed on stop, so a restart resumes after it', async () => {
    const groupId = `it-${randomUUID()}`;
    const t = defineTopic(`it.resume-${randomUUID().slice(0, 8)}.v1`, Item);
    await bus.ensureTopics([t]);
    const first: number[] = [];
    let consumer = await bus.startConsumer({
      groupId,
      subscriptions: [subscription(t, async (v) => void first.push(v.n))],
    });
    await bus.publish(
      t,
      [1, 2, 3].map((n) => ({ key: `k${n}`, value: { schemaVersion: 1 as const, n } })),
    );
    await eventually(() => expect(first.sort()).toEqual([1, 2, 3]));
    await consumer.stop();

    await bus.publish(
      t,
      [4, 5].map((n) => ({ key: `k${n}`, value: { schemaVersion: 1 as const, n } })),
    );
    const second: number[] = [];
    consumer = await bus.startConsumer({
      groupId,
      subscriptions: [subscription(t, async (v) => void second.push(v.n))],
    });
    await eventually(() => expect(second.sort()).toEqual([4, 5]));
    await new Promise((r) => setTimeout(r, 1000));
    expect(second.sort()).toEqual([4, 5]);
    await consumer.stop();
  });

  it('retries a failing handler and does not skip the message', async () => {
    const groupId = `it-${randomUUID()}`;
    const t = defineTopic(`it.retry-${randomUUID().slice(0, 8)}.v1`, Item);
    await bus.ensureTopics([t]);
    let calls = 0;
    const consumer = await bus.startConsumer({
      groupId,
      retry: { initialDelayMs: 50, maxAttempts: 5 },
      subscriptions: [
        subscription(t, async () => {
          calls += 1;
          if (calls < 3) throw new Error('database restarting');
        }),
      ],
    });
    await bus.publish(t, [{ key: 'k', value: { schemaVersion: 1, n: 1 } }]);
    await eventually(() => expect(calls).toBe(3));
    await consumer.stop();
  });
});

describe('KafkaMessageBus with a batch handler', () => {
  it('hands fetched messages over in batches, and on a failing batch isolates the poison message', async () => {
    const bus = new KafkaMessageBus({ brokers, clientId: 'messaging-int-batch', partitions: 1 });
    const t = defineTopic(`it.batch-${randomUUID().slice(0, 8)}.v1`, Item);
    await bus.ensureTopics([t]);
    await bus.publish(
      t,
      Array.from({ length: 300 }, (_, n) => ({
        key: `k${n % 3}`,
        value: { schemaVersion: 1 as const, n },
      })),
    );
    await bus.publishRaw(t.name, [{ key: 'k0', value: Buffer.from('{"schemaVersion":1,"n":') }]);

    const stored = new Set<number>();
    const batchSizes: number[] = [];
    const consumer = await bus.startConsumer({
      groupId: `it-${randomUUID()}`,
      maxBatchSize: 100,
      retry: { initialDelayMs: 10, maxAttempts: 2 },
      subscriptions: [
        subscription(
          t,
          async (v) => {
            if (v.n === 150) throw new Error('n 150 violates a constraint');
            stored.add(v.n);
          },
          async (items) => {
            if (items.some((i) => i.value.n === 150)) throw new Error('batch rolled back');
            batchSizes.push(items.length);
            for (const i of items) stored.add(i.value.n);
          },
        ),
      ],
    });
    await eventually(() => expect(stored.size).toBe(299));
    await consumer.stop();

    expect(stored.has(150)).toBe(false);
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(100);
    const dead = await readAll(t.name.replace(/\.v1$/, '.dlq.v1'), 2);
    expect(dead.map((d) => d.headers[MessageHeaders.deadLetterReason])).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^malformed JSON/),
        'failed after 2 attempts: n 150 violates a constraint',
      ]),
    );
    expect(dead).toHaveLength(2);
    await bus.close();
  });
});

describe('KafkaMessageBus publishing under concurrency', () => {
  it('answers every concurrent caller once its messages are on the broker, in order per key', async () => {
    const bus = new KafkaMessageBus({ brokers, clientId: 'messaging-int-concurrent' });
    const t = defineTopic(`it.concurrent-${randomUUID().slice(0, 8)}.v1`, Item);
    await bus.ensureTopics([t]);
    await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        bus.publish(t, [{ key: 'same-key', value: { schemaVersion: 1, n } }]),
      ),
    );
    const all = await readAll(t.name, 200);
    expect(all.map((m) => JSON.parse(m.value ?? '{}').n)).toEqual(
      Array.from({ length: 200 }, (_, n) => n),
    );
    await bus.close();
  });
});

describe('KafkaMessageBus publishing one after another', () => {
  it('answers a publish made while the previous send is finishing, without waiting for a later one', async () => {
    const bus = new KafkaMessageBus({ brokers, clientId: 'messaging-int-sequential' });
    const t = defineTopic(`it.sequential-${randomUUID().slice(0, 8)}.v1`, Item);
    await bus.ensureTopics([t]);
    const raw = (n: number) => [
      { key: 'k', value: Buffer.from(JSON.stringify({ schemaVersion: 1, n })) },
    ];
    for (let n = 0; n < 30; n++) {
      // Queue the next one in the first one's settle callback: it runs after the sender saw an empty
      // queue but before the sender has finished, the window where a message could be left behind.
      const second = bus
        .publishRaw(t.name, raw(n))
        .then(() => bus.publishRaw(t.name, raw(n + 1000)));
      await Promise.race([
        second,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`publish ${n} waited for a later caller`)), 5000),
        ),
      ]);
    }
    await bus.close();
  });
});
