import { defineTopic, MessageHeaders } from '@closedloop/contracts';
import { z } from 'zod';
import { subscription, type BatchItem, type RawMessage } from './message-bus';
import { PermanentMessageError } from './permanent-message-error';
import { processBatch, type FetchedMessage } from './process-batch';
import type { ProcessMessageDeps } from './process-message';
import { silentLogger } from './logger';

const Topic = defineTopic(
  'test.batch.v1',
  z.object({ schemaVersion: z.literal(1), name: z.string().min(1) }).strict(),
);

function fetched(values: readonly unknown[]): FetchedMessage[] {
  return values.map((value, i) => ({
    raw: {
      key: null,
      value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
    },
    context: { topic: Topic.name, partition: 0, offset: String(i), key: null, headers: {} },
  }));
}

const valid = (name: string) => ({ schemaVersion: 1, name });

function deps(overrides: Partial<ProcessMessageDeps> = {}) {
  const deadLetters: RawMessage[] = [];
  const result: ProcessMessageDeps = {
    groupId: 'g',
    policy: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1, factor: 1 },
    logger: silentLogger,
    deadLetter: async (_source, raw) => void deadLetters.push(raw),
    heartbeat: async () => undefined,
    isRunning: () => true,
    sleep: async () => undefined,
    ...overrides,
  };
  return { deps: result, deadLetters };
}

const reasons = (letters: readonly RawMessage[]) =>
  letters.map((l) => l.headers?.[MessageHeaders.deadLetterReason]);

describe('processBatch', () => {
  it('gives the valid messages to the batch handler in one call and dead-letters the invalid ones', async () => {
    const batches: string[][] = [];
    const single = jest.fn(async () => undefined);
    const sub = subscription(
      Topic,
      single,
      async (items: readonly BatchItem<{ name: string }>[]) => {
        batches.push(items.map((i) => i.value.name));
      },
    );
    const { deps: d, deadLetters } = deps();

    const done = await processBatch(
      sub,
      fetched([valid('a'), '{oops', valid('b'), { schemaVersion: 1 }]),
      d,
    );

    expect(done).toBe(4);
    expect(batches).toEqual([['a', 'b']]);
    expect(single).not.toHaveBeenCalled();
    expect(reasons(deadLetters)).toEqual([
      expect.stringMatching(/^malformed JSON/),
      expect.stringMatching(/^schema violation: name:/),
    ]);
  });

  it('falls back to one message at a time when the batch fails, so only the poison message is dead-lettered', async () => {
    const handled: string[] = [];
    const sub = subscription(
      Topic,
      async (v: { name: string }) => {
        if (v.name === 'poison') throw new PermanentMessageError('name: poison is not allowed');
        handled.push(v.name);
      },
      async () => {
        throw new Error('batch rolled back');
      },
    );
    const { deps: d, deadLetters } = deps();

    const done = await processBatch(
      sub,
      fetched([valid('a'), valid('poison'), 'not json', valid('c')]),
      d,
    );

    expect(done).toBe(4);
    expect(handled).toEqual(['a', 'c']);
    expect(reasons(deadLetters)).toEqual([
      expect.stringMatching(/^malformed JSON/),
      'rejected: name: poison is not allowed',
    ]);
  });

  it('answers how many messages from the first are done when the consumer stops mid-fallback', async () => {
    let running = true;
    const sub = subscription(
      Topic,
      async (v: { name: string }) => {
        if (v.name === 'slow') {
          running = false;
          throw new Error('database unavailable');
        }
      },
      async () => {
        throw new Error('database unavailable');
      },
    );
    const { deps: d, deadLetters } = deps({
      isRunning: () => running,
      policy: { maxAttempts: 5, initialDelayMs: 1, maxDelayMs: 1, factor: 1 },
    });

    const done = await processBatch(
      sub,
      fetched([valid('a'), 'bad', valid('slow'), valid('d')]),
      d,
    );

    expect(done).toBe(2);
    expect(deadLetters).toHaveLength(1);
  });

  it('uses the message handler alone when there is no batch handler', async () => {
    const handled: string[] = [];
    const sub = subscription(Topic, async (v: { name: string }) => void handled.push(v.name));
    const { deps: d } = deps();

    expect(await processBatch(sub, fetched([valid('a'), valid('b')]), d)).toBe(2);
    expect(handled).toEqual(['a', 'b']);
  });
});
