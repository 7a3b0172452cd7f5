import { defineTopic, MessageHeaders } from '@closedloop/contracts';
import { keepDeadLetters } from '@closedloop/dead-letters-data-access';
import { KafkaMessageBus, subscription } from '@closedloop/messaging';
import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  createTestSession,
  postGraphql,
  startTestApi,
  type TestApi,
} from '../../test-support/start-test-api';

const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

async function eventually(check: () => void, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const LIST = `query($first: Int!, $after: String, $filter: DeadLetterFilterInput) {
  deadLetters(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id sourceTopic reason key valuePreview valueBytes correlationId status replayCount resolvedBy note consumerGroup sourceOffset } }
  }
}`;

interface Listed {
  deadLetters: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Record<string, unknown> & { id: string; key: string; status: string } }[];
  };
}

describe('dead letters through GraphQL, for admins', () => {
  const run = randomUUID().slice(0, 8);
  const topic = defineTopic(
    `it.gql-dead-letters-${run}.v1`,
    z.object({ schemaVersion: z.literal(1), n: z.number().int() }).strict(),
  );
  let db: TestDatabase;
  let api: TestApi;
  let reader: KafkaMessageBus;
  let token: string;
  const received: { n: number; replayedFrom: string | undefined }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(
      db.url,
      () => new KafkaMessageBus({ brokers, clientId: `dl-gql-api-${run}` }),
    );
    token = await createTestSession(db.dataSource);
    await db.dataSource.query(`UPDATE users SET role = 'admin'`);
    reader = new KafkaMessageBus({ brokers, clientId: `dl-gql-reader-${run}`, partitions: 1 });
    await reader.ensureTopics([topic]);
    await reader.startConsumer({
      groupId: `dl-gql-reader-${run}`,
      subscriptions: [
        subscription(topic, async (value, context) => {
          received.push({ n: value.n, replayedFrom: context.headers[MessageHeaders.replayedFrom] });
        }),
      ],
    });
    const letter = (offset: number, value: string, reason: string) => ({
      dlqTopic: `it.gql-dead-letters-${run}.dlq.v1`,
      dlqPartition: 0,
      dlqOffset: String(offset),
      sourceTopic: topic.name,
      sourcePartition: 0,
      sourceOffset: String(100 + offset),
      consumerGroup: 'closedloop.pipeline.intake',
      reason,
      failedAt: new Date(Date.UTC(2026, 10, 29, 8, offset)),
      key: `k${offset}`,
      value: Buffer.from(value),
      headers: { [MessageHeaders.correlationId]: `corr-${offset}` },
    });
    await keepDeadLetters(db.dataSource, [
      letter(1, '{"schemaVersion":1,"n":1}', 'failed after 8 attempts: database unavailable'),
      letter(2, '<script>alert(1)</script>', 'malformed JSON: Unexpected token'),
      letter(3, '{"schemaVersion":1,"n":3}', 'failed after 8 attempts: database unavailable'),
    ]);
  }, 60_000);

  afterAll(async () => {
    await reader?.close();
    await api?.close();
    await db?.drop();
  });

  const gql = <T>(query: string, variables: Record<string, unknown> = {}) =>
    postGraphql<T>(api, token, query, variables);

  it('lists them newest first, a page at a time, with why and what they held', async () => {
    const first = await gql<Listed>(LIST, { first: 2 });
    expect(first.errors).toBeUndefined();
    const page = first.data?.deadLetters;
    expect(page?.totalCount).toBe(3);
    expect(page?.pageInfo.hasNextPage).toBe(true);
    expect(page?.edges.map((e) => e.node.key)).toEqual(['k3', 'k2']);
    expect(page?.edges[1]?.node).toEqual(
      expect.objectContaining({
        sourceTopic: topic.name,
        reason: 'malformed JSON: Unexpected token',
        valuePreview: '<script>alert(1)</script>',
        valueBytes: 25,
        correlationId: 'corr-2',
        status: 'OPEN',
        consumerGroup: 'closedloop.pipeline.intake',
        sourceOffset: '102',
      }),
    );
    const rest = await gql<Listed>(LIST, { first: 2, after: page?.pageInfo.endCursor });
    expect(rest.data?.deadLetters.edges.map((e) => e.node.key)).toEqual(['k1']);
    expect(rest.data?.deadLetters.pageInfo.hasNextPage).toBe(false);
  });

  it('replays after a fix, discards with a note, and counts by topic and status', async () => {
    const listed = await gql<Listed>(LIST, { first: 10 });
    const idOf = (key: string) =>
      listed.data?.deadLetters.edges.find((e) => e.node.key === key)?.node.id as string;
    const REPLAY =
      'mutation($ids: [ID!]!) { replayDeadLetters(ids: $ids) { done skipped { id reason } } }';
    const replayed = await gql<{ replayDeadLetters: { done: string[] } }>(REPLAY, {
      ids: [idOf('k1'), idOf('k3')],
    });
    expect(replayed.errors).toBeUndefined();
    expect(replayed.data?.replayDeadLetters.done.sort()).toEqual([idOf('k1'), idOf('k3')].sort());
    await eventually(() => expect(received.map((r) => r.n).sort()).toEqual([1, 3]));
    expect(
      received.every((r) => r.replayedFrom?.startsWith(`it.gql-dead-letters-${run}.dlq.v1/0/`)),
    ).toBe(true);

    const DISCARD =
      'mutation($ids: [ID!]!, $note: String!) { discardDeadLetters(ids: $ids, note: $note) { done skipped { id reason } } }';
    const noNote = await gql(DISCARD, { ids: [idOf('k2')], note: '  ' });
    expect(noNote.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(noNote.errors?.[0]?.message).toContain('note is empty');
    const discarded = await gql<{ discardDeadLetters: { done: string[]; skipped: unknown[] } }>(
      DISCARD,
      {
        ids: [idOf('k2'), idOf('k1')],
        note: 'a producer sent HTML; fixed at the source',
      },
    );
    expect(discarded.data?.discardDeadLetters).toEqual({
      done: [idOf('k2')],
      skipped: [{ id: idOf('k1'), reason: 'already replayed' }],
    });
    const tooMany = await gql(REPLAY, { ids: Array.from({ length: 501 }, () => randomUUID()) });
    expect(tooMany.errors?.[0]?.message).toContain('at most 500');

    const counts = await gql<{ deadLetterCounts: unknown[] }>(
      '{ deadLetterCounts { sourceTopic status count } }',
    );
    expect(counts.data?.deadLetterCounts).toEqual([
      { sourceTopic: topic.name, status: 'DISCARDED', count: 1 },
      { sourceTopic: topic.name, status: 'REPLAYED', count: 2 },
    ]);
    const open = await gql<Listed>(LIST, { first: 10, filter: { status: 'OPEN' } });
    expect(open.data?.deadLetters.totalCount).toBe(0);
    const gone = await gql<Listed>(LIST, { first: 10, filter: { status: 'DISCARDED' } });
    expect(gone.data?.deadLetters.edges[0]?.node).toEqual(
      expect.objectContaining({
        note: 'a producer sent HTML; fixed at the source',
        status: 'DISCARDED',
      }),
    );
  });
});
