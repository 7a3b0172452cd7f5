import { defineTopic, MessageHeaders } from '@closedloop/contracts';
import { z } from 'zod';
import { currentCorrelationId, runWithCorrelationId } from './correlation-context';
import { InMemoryMessageBus } from './in-memory-message-bus';
import { subscription, type BatchItem } from './message-bus';
import { sharedCorrelationId } from './process-batch';

const In = defineTopic('test.in.v1', z.object({ n: z.number() }).strict());
const Out = defineTopic('test.out.v1', z.object({ n: z.number() }).strict());

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

const item = (headers: Record<string, string>): BatchItem<unknown> => ({
  value: {},
  context: { topic: 't', partition: 0, offset: '0', key: null, headers },
});

describe('correlation ids through the bus', () => {
  let bus: InMemoryMessageBus;
  beforeEach(async () => {
    bus = new InMemoryMessageBus();
    await bus.ensureTopics([In, Out]);
  });
  afterEach(() => bus.close());

  it('publishes with the current correlation id as a header, unless the message names its own', async () => {
    await runWithCorrelationId('req-1', () =>
      bus.publish(In, [
        { key: 'a', value: { n: 1 } },
        { key: 'b', value: { n: 2 }, headers: { [MessageHeaders.correlationId]: 'own' } },
      ]),
    );
    await bus.publish(In, [{ key: 'c', value: { n: 3 } }]);
    expect(bus.messages(In.name).map((m) => m.headers?.[MessageHeaders.correlationId])).toEqual([
      'req-1',
      'own',
      undefined,
    ]);
  });

  it("runs each handler in its message's correlation id, and what it publishes carries it on", async () => {
    const seen: (string | undefined)[] = [];
    await bus.startConsumer({
      groupId: 'g',
      subscriptions: [
        subscription(In, async (value) => {
          seen.push(currentCorrelationId());
          await bus.publish(Out, [{ key: 'k', value }]);
        }),
      ],
    });
    await bus.publish(In, [
      { key: 'a', value: { n: 1 }, headers: { [MessageHeaders.correlationId]: 'first' } },
      { key: 'b', value: { n: 2 } },
      // Not a sane id: the handler runs without one rather than logging it.
      { key: 'c', value: { n: 3 }, headers: { [MessageHeaders.correlationId]: 'bad id\n' } },
      { key: 'd', value: { n: 4 }, headers: { [MessageHeaders.correlationId]: 'fourth' } },
    ]);
    await eventually(() => expect(seen).toHaveLength(4));
    expect(seen).toEqual(['first', undefined, undefined, 'fourth']);
    expect(bus.messages(Out.name).map((m) => m.headers?.[MessageHeaders.correlationId])).toEqual([
      'first',
      undefined,
      undefined,
      'fourth',
    ]);
  });

  it('runs a batch handler in the id its messages share, and in none when they differ', async () => {
    const seen: (string | undefined)[] = [];
    await bus.startConsumer({
      groupId: 'g',
      subscriptions: [
        subscription(
          In,
          async () => undefined,
          async () => void seen.push(currentCorrelationId()),
        ),
      ],
    });
    await runWithCorrelationId('shared', () =>
      bus.publish(In, [
        { key: 'a', value: { n: 1 } },
        { key: 'b', value: { n: 2 } },
      ]),
    );
    await eventually(() => expect(seen).toEqual(['shared']));
  });

  it('names a shared id only when every item carries the same sane one', () => {
    const id = (v: string) => ({ [MessageHeaders.correlationId]: v });
    expect(sharedCorrelationId([item(id('x')), item(id('x'))])).toBe('x');
    expect(sharedCorrelationId([item(id('x')), item(id('y'))])).toBeNull();
    expect(sharedCorrelationId([item(id('x')), item({})])).toBeNull();
    expect(sharedCorrelationId([item({}), item({})])).toBeNull();
    expect(sharedCorrelationId([item(id('a b')), item(id('a b'))])).toBeNull();
  });
});
