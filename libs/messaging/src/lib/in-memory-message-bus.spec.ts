import { deadLetterTopic, defineTopic, MessageHeaders } from '@closedloop/contracts';
import { z } from 'zod';
import { InMemoryMessageBus } from './in-memory-message-bus';
import { subscription } from './message-bus';
import { PermanentMessageError } from './permanent-message-error';

const Topic = defineTopic(
  'test.greeting.v1',
  z.object({ schemaVersion: z.literal(1), name: z.string().min(1) }).strict(),
);

async function eventually(check: () => void, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

describe('InMemoryMessageBus', () => {
  let bus: InMemoryMessageBus;
  beforeEach(async () => {
    bus = new InMemoryMessageBus();
    await bus.ensureTopics([Topic]);
  });
  afterEach(() => bus.close());

  it('delivers valid messages in order to a consumer group', async () => {
    const seen: string[] = [];
    await bus.startConsumer({
      groupId: 'g1',
      subscriptions: [subscription(Topic, async (v) => void seen.push(v.name))],
    });
    await bus.publish(Topic, [
      { key: 'a', value: { schemaVersion: 1, name: 'one' } },
      { key: 'b', value: { schemaVersion: 1, name: 'two' } },
    ]);
    await eventually(() => expect(seen).toEqual(['one', 'two']));
  });

  it('starts a new group at the latest message when asked, and each group gets its own copy', async () => {
    await bus.publish(Topic, [{ key: 'a', value: { schemaVersion: 1, name: 'before' } }]);
    const live: string[] = [];
    const all: string[] = [];
    await bus.startConsumer({
      groupId: 'live-1',
      startAt: 'latest',
      subscriptions: [subscription(Topic, async (v) => void live.push(v.name))],
    });
    await bus.startConsumer({
      groupId: 'replay',
      subscriptions: [subscription(Topic, async (v) => void all.push(v.name))],
    });
    await bus.publish(Topic, [{ key: 'a', value: { schemaVersion: 1, name: 'after' } }]);
    await eventually(() => expect(all).toEqual(['before', 'after']));
    await eventually(() => expect(live).toEqual(['after']));
  });

  it('refuses to publish a value that breaks the schema', async () => {
    await expect(
      bus.publish(Topic, [{ key: 'a', value: { schemaVersion: 1, name: '' } }]),
    ).rejects.toThrow('Message for test.greeting.v1 is invalid: schema violation: name:');
  });

  it('gives a raw topic (a dead-letter topic) its bytes as they are, malformed ones included', async () => {
    const kept: { value: string | null; reason: string | undefined }[] = [];
    await bus.startConsumer({
      groupId: 'g1',
      subscriptions: [subscription(Topic, async () => undefined)],
    });
    await bus.startConsumer({
      groupId: 'keeper',
      subscriptions: [
        subscription(deadLetterTopic(Topic.name), async (value, context) => {
          kept.push({
            value: value?.toString() ?? null,
            reason: context.headers[MessageHeaders.deadLetterReason],
          });
        }),
      ],
    });
    await bus.publishRaw(Topic.name, [{ key: 'x', value: Buffer.from('{not json') }]);
    await eventually(() => expect(kept).toHaveLength(1));
    expect(kept[0]?.value).toBe('{not json');
    expect(kept[0]?.reason).toMatch(/^malformed JSON/);
    expect(bus.messages('test.greeting.dlq.dlq.v1')).toEqual([]);
  });

  it('dead-letters malformed JSON with the original bytes and keeps going', async () => {
    const seen: string[] = [];
    await bus.startConsumer({
      groupId: 'g1',
      subscriptions: [subscription(Topic, async (v) => void seen.push(v.name))],
    });
    await bus.publishRaw(Topic.name, [{ key: 'bad', value: Buffer.from('{not json') }]);
    await bus.publish(Topic, [{ key: 'ok', value: { schemaVersion: 1, name: 'after' } }]);
    await eventually(() => expect(seen).toEqual(['after']));
    const dead = bus.messages('test.greeting.dlq.v1');
    expect(dead).toHaveLength(1);
    expect(dead[0]?.value?.toString()).toBe('{not json');
    expect(dead[0]?.headers?.[MessageHeaders.deadLetterReason]).toMatch(/^malformed JSON/);
    expect(dead[0]?.headers?.[MessageHeaders.deadLetterConsumerGroup]).toBe('g1');
  });

  it('names an unknown schema version', async () => {
    await bus.startConsumer({
      groupId: 'g1',
      subscriptions: [subscription(Topic, async () => undefined)],
    });
    await bus.publishRaw(Topic.name, [
      { key: 'v2', value: Buffer.from('{"schemaVersion":2,"name":"x"}') },
    ]);
    await eventually(() => expect(bus.messages('test.greeting.dlq.v1')).toHaveLength(1));
    expect(
      bus.messages('test.greeting.dlq.v1')[0]?.headers?.[MessageHeaders.deadLetterReason],
    ).toBe('unsupported schemaVersion 2 for test.greeting.v1');
  });

  it('retries a failing handler, then succeeds', async () => {
    let calls = 0;
    await bus.startConsumer({
      groupId: 'g1',
      retry: { initialDelayMs: 1, maxAttempts: 5 },
      subscriptions: [
        subscription(Topic, async () => {
          calls += 1;
          if (calls < 3) throw new Error('database unavailable');
        }),
      ],
    });
    await bus.publish(Topic, [{ key: 'a', value: { schemaVersion: 1, name: 'x' } }]);
    await eventually(() => expect(calls).toBe(3));
    expect(bus.messages('test.greeting.dlq.v1')).toHaveLength(0);
  });

  it('dead-letters after the last attempt and at once on a permanent error', async () => {
    await bus.startConsumer({
      groupId: 'g1',
      retry: { initialDelayMs: 1, maxAttempts: 2 },
      subscriptions: [
        subscription(Topic, async (v) => {
          if (v.name === 'permanent') throw new PermanentMessageError('unknown action');
          throw new Error('still down');
        }),
      ],
    });
    await bus.publish(Topic, [
      { key: 'a', value: { schemaVersion: 1, name: 'transient' } },
      { key: 'b', value: { schemaVersion: 1, name: 'permanent' } },
    ]);
    await eventually(() => expect(bus.messages('test.greeting.dlq.v1')).toHaveLength(2));
    const reasons = bus
      .messages('test.greeting.dlq.v1')
      .map((m) => m.headers?.[MessageHeaders.deadLetterReason]);
    expect(reasons).toEqual(['failed after 2 attempts: still down', 'rejected: unknown action']);
  });

  it('gives each consumer group its own offsets', async () => {
    const a: string[] = [];
    const b: string[] = [];
    await bus.publish(Topic, [{ key: 'a', value: { schemaVersion: 1, name: 'early' } }]);
    await bus.startConsumer({
      groupId: 'a',
      subscriptions: [subscription(Topic, async (v) => void a.push(v.name))],
    });
    await bus.startConsumer({
      groupId: 'b',
      subscriptions: [subscription(Topic, async (v) => void b.push(v.name))],
    });
    await eventually(() => {
      expect(a).toEqual(['early']);
      expect(b).toEqual(['early']);
    });
  });
});
