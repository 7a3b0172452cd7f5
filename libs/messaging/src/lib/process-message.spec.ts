import { defineTopic, MessageHeaders } from '@closedloop/contracts';
import { z } from 'zod';
import { silentLogger } from './logger';
import { subscription, type RawMessage } from './message-bus';
import { processMessage, type ProcessMessageDeps } from './process-message';

const Topic = defineTopic(
  'test.outage.v1',
  z.object({ schemaVersion: z.literal(1), name: z.string().min(1) }).strict(),
);
const raw: RawMessage = {
  key: null,
  value: Buffer.from(JSON.stringify({ schemaVersion: 1, name: 'a' })),
};
const context = { topic: Topic.name, partition: 0, offset: '7', key: null, headers: {} };

const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
  code: 'ECONNREFUSED',
});
const outageOf = (error: unknown) =>
  (error as { code?: string }).code === 'ECONNREFUSED' ? 'database unreachable' : null;

function setup(failures: readonly Error[], overrides: Partial<ProcessMessageDeps> = {}) {
  const deadLetters: RawMessage[] = [];
  const sleeps: number[] = [];
  let calls = 0;
  const sub = subscription(Topic, async () => {
    const failure = failures[calls++];
    if (failure) throw failure;
  });
  const deps: ProcessMessageDeps = {
    groupId: 'g',
    policy: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 1_000, factor: 2 },
    logger: silentLogger,
    deadLetter: async (_source, letter) => void deadLetters.push(letter),
    heartbeat: async () => undefined,
    isRunning: () => true,
    sleep: async (ms) => void sleeps.push(ms),
    outageOf,
    ...overrides,
  };
  return {
    run: () => processMessage(sub, raw, context, deps),
    deadLetters,
    sleeps,
    calls: () => calls,
  };
}

describe('processMessage through an outage', () => {
  it('waits out a long outage without using up attempts, then handles the message', async () => {
    const { run, deadLetters, sleeps, calls } = setup(Array(50).fill(outage));
    await expect(run()).resolves.toBe('handled');
    expect(calls()).toBe(51);
    expect(deadLetters).toEqual([]);
    // Backs off to the policy's longest delay (±20 % jitter), never beyond.
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(1_200);
    expect(sleeps.slice(-10).every((ms) => ms >= 800)).toBe(true);
  });

  it('counts only the failures of the work itself toward the dead letter', async () => {
    const bad = new Error('score out of range');
    const { run, deadLetters, calls } = setup([bad, outage, outage, bad, outage, bad, bad]);
    await expect(run()).resolves.toBe('dead-lettered');
    expect(calls()).toBe(6);
    expect(deadLetters.map((l) => l.headers?.[MessageHeaders.deadLetterReason])).toEqual([
      'failed after 3 attempts: score out of range',
    ]);
  });

  it('dead-letters after its attempts when no outage is recognised', async () => {
    const { run, deadLetters } = setup(Array(5).fill(outage), { outageOf: undefined });
    await expect(run()).resolves.toBe('dead-lettered');
    expect(deadLetters).toHaveLength(1);
  });

  it('leaves the message for redelivery when the consumer stops during the outage', async () => {
    let running = true;
    const { run, deadLetters } = setup(Array(100).fill(outage), {
      isRunning: () => running,
      sleep: async () => {
        running = false;
      },
    });
    await expect(run()).resolves.toBe('abandoned');
    expect(deadLetters).toEqual([]);
  });
});
