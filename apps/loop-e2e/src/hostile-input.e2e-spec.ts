import {
  INBOUND_TOPICS,
  MessageHeaders,
  feedbackEventKey,
  type FeedbackSource,
} from '@closedloop/contracts';
import { redactPersonalData } from '@closedloop/feedback-domain';
import fc from 'fast-check';
import { Kafka, Partitioners, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { createApiKey, createRunDatabase, dropRunDatabase, query } from './support/database';
import { eventually } from './support/eventually';
import {
  deepGarbage,
  field,
  hostileDate,
  hostileInt,
  hostileMetadata,
  hostileRecord,
  hostileString,
  plainText,
  typedField,
  wrongType,
} from './support/hostile-arbitraries';
import { startService, waitForHttp, type RunningService } from './support/services';
import { stackEnv } from './support/stack-env';

/**
 * Hostile input, generated with fast-check, against the real api and pipeline processes on Kafka
 * and PostgreSQL: the ingest mutations with valid and invalid shapes mixed, raw malformed GraphQL
 * over HTTP, and raw messages straight onto the inbound topics. Per input: a well-formed answer
 * (no 500, no stack trace), and either stored exactly once or refused with a named reason (a
 * REJECTED result with its field, a GraphQL error with its code, a dead letter with its reason).
 * Afterwards both processes are up, still consume, and logged no unhandled rejection.
 */
const run = randomUUID().slice(0, 8);
const dbName = `closedloop_hostile_${run}`;
const API_PORT = 3320;
const PIPELINE_PORT = 3321;
const api = `http://127.0.0.1:${API_PORT}`;
const GRAPHQL_RUNS = 300;
const HTTP_RUNS = 200;
const KAFKA_RUNS = 300;

/** Codes that mean "your request was refused, and here is why"; anything else is a failure. */
const REFUSALS = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'PERSISTED_QUERY_NOT_FOUND',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
]);
/** What a leaked stack trace or crash looks like in a response or a log. */
const STACK_TRACE = /\n\s+at [^\n]+[(:]\d+/;
const UNHANDLED = /unhandled ?(promise )?rejection|uncaught ?exception/i;

const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,10}$/), fc.constantFrom('example.com', 'mail.co.uk'))
  .map(([a, d]) => `${a}@${d}`);
const uniqueId = fc.uuid().map((u) => `hostile-${run}-${u}`);

/** One source's GraphQL input: typed (passes GraphQL, reaches the contract) or anything goes. */
function sourceInput(source: FeedbackSource, typed: boolean) {
  const str = (valid: fc.Arbitrary<string>) =>
    typed ? typedField(valid, hostileString) : field(valid);
  const opt = (a: fc.Arbitrary<unknown>) => fc.option(a, { nil: undefined });
  const common = {
    externalId: str(uniqueId),
    occurredAt: typed
      ? typedField(fc.constant(new Date().toISOString()), hostileDate)
      : field(hostileDate),
    customerEmail: opt(str(email)),
    customerName: opt(str(plainText)),
    metadata: typed ? hostileMetadata : field(hostileMetadata),
  };
  const int = typed
    ? hostileInt.filter((n) => Number.isInteger(n) && Math.abs(n) < 2 ** 31)
    : field(hostileInt);
  const enumOf = (...values: string[]) =>
    typed ? fc.constantFrom(...values) : field(fc.constantFrom(...values, 'BOGUS'));
  switch (source) {
    case 'survey':
      return hostileRecord({
        ...common,
        customerExternalId: opt(str(plainText)),
        surveyId: str(plainText),
        questionId: opt(str(plainText)),
        metric: enumOf('NPS', 'CSAT', 'CES'),
        score: int,
        comment: opt(str(plainText)),
        channel: opt(enumOf('EMAIL', 'IN_APP', 'WEB', 'PHONE')),
        touchpoint: opt(str(plainText)),
      });
    case 'social':
      return hostileRecord({
        ...common,
        platform: enumOf('X', 'REDDIT', 'OTHER'),
        authorHandle: str(plainText),
        url: opt(str(fc.constantFrom('https://example.com/p/1', 'javascript:alert(1)', 'ftp://x'))),
        text: str(plainText),
        followers: int,
        likes: opt(int),
        isPublic: typed ? fc.boolean() : field(fc.boolean()),
      });
    case 'crm':
      return hostileRecord({
        ...common,
        kind: enumOf('SUPPORT_TICKET', 'NOTE', 'ORDER', 'CHURN_REASON', 'RENEWAL'),
        accountId: str(plainText),
        contactId: opt(str(plainText)),
        subject: opt(str(plainText)),
        text: str(plainText),
        segment: opt(str(plainText)),
        plan: opt(str(plainText)),
        revenue: opt(
          typed ? fc.double({ noNaN: true, noDefaultInfinity: true }) : field(fc.double()),
        ),
      });
    case 'staff':
      return hostileRecord({
        ...common,
        customerExternalId: opt(str(plainText)),
        employeeId: str(plainText),
        team: str(plainText),
        observation: str(plainText),
        promptId: opt(str(fc.constantFrom(randomUUID(), 'not-a-uuid'))),
      });
  }
}

const SOURCES = ['survey', 'social', 'crm', 'staff'] as const;
const SINGLE: Record<FeedbackSource, [string, string]> = {
  survey: ['submitSurveyResponse', 'SubmitSurveyResponseInput'],
  social: ['submitSocialPost', 'SubmitSocialPostInput'],
  crm: ['submitCrmRecord', 'SubmitCrmRecordInput'],
  staff: ['submitStaffReport', 'SubmitStaffReportInput'],
};

type IngestRequest =
  | { kind: 'single'; source: FeedbackSource; input: Record<string, unknown> }
  | { kind: 'batch'; events: Record<string, unknown>[] };

/** Three requests in four keep GraphQL's types, so most reach the contract and many are stored. */
const ingestRequest: fc.Arbitrary<IngestRequest> = fc
  .constantFrom(true, true, true, false)
  .chain((typed) => {
    const sourced = fc
      .constantFrom(...SOURCES)
      .chain((source) => sourceInput(source, typed).map((input) => ({ source, input })));
    const event = fc.oneof(
      { weight: 8, arbitrary: sourced.map(({ source, input }) => ({ [source]: input })) },
      // Zero or two sources set: refused per event.
      { weight: 1, arbitrary: fc.constant({}) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(sourced, sourced)
          .filter(([a, b]) => a.source !== b.source)
          .map(([a, b]) => ({ [a.source]: a.input, [b.source]: b.input })),
      },
    );
    return fc.oneof(
      sourced.map(({ source, input }) => ({ kind: 'single' as const, source, input })),
      fc
        .array(event, { minLength: 1, maxLength: 5 })
        .map((events) => ({ kind: 'batch' as const, events })),
    );
  });

/** The customer's words as intake keeps them (redacted), from the contract event's fields. */
function expectedText(source: FeedbackSource, input: Record<string, unknown>): string | null {
  const raw =
    source === 'survey'
      ? (input['comment'] as string | undefined)
      : source === 'social'
        ? (input['text'] as string)
        : source === 'crm'
          ? [input['subject'], input['text']]
              .filter((t): t is string => typeof t === 'string' && t.trim().length > 0)
              .join('\n\n') || undefined
          : (input['observation'] as string);
  return raw?.trim() ? redactPersonalData(raw).text : null;
}

interface Answer {
  status: number;
  text: string;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  } | null;
}

async function post(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  let parsed: Answer['body'] = null;
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    // not JSON: judged by status below
  }
  return { status: response.status, text, body: parsed };
}

/**
 * Well-formed: below 500, no stack trace; a 200 carries data or errors, every error a refusal
 * with a message; a 4xx says why, as GraphQL errors or as the HTTP layer's `{ statusCode, message }`.
 */
function expectWellFormed(answer: Answer, what: string): void {
  const context = `${what}: HTTP ${answer.status} ${answer.text.slice(0, 400)}`;
  if (answer.status >= 500) throw new Error(`server error for ${context}`);
  if (STACK_TRACE.test(answer.text) || answer.text.includes('stacktrace'))
    throw new Error(`stack trace leaked for ${context}`);
  if (answer.status < 200 || (answer.status >= 300 && answer.status < 400))
    throw new Error(`neither an answer nor a refusal for ${context}`);
  const body = answer.body as (Answer['body'] & { message?: unknown }) | null;
  if (!body) throw new Error(`no JSON answer for ${context}`);
  if (answer.status >= 400 && !body.errors && typeof body.message === 'string') {
    if (body.message.trim() === '') throw new Error(`a refusal without a reason for ${context}`);
    return;
  }
  if (!body.data && !body.errors?.length) throw new Error(`no data and no errors for ${context}`);
  for (const error of body.errors ?? []) {
    const code = String(error.extensions?.['code'] ?? '');
    if (!REFUSALS.has(code) || error.message.trim() === '')
      throw new Error(`error without a refusal code or reason (${code}) for ${context}`);
  }
}

describe('hostile input through the ingest API and the inbound topics', () => {
  let databaseUrl = '';
  let apiKey = '';
  let producer: Producer;
  const services: RunningService[] = [];
  const output = new Map<string, string[]>();

  const start = (name: string, env: Record<string, string>) => {
    const service = startService(name, env);
    const lines: string[] = [];
    output.set(name, lines);
    service.process.stdout?.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
    service.process.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
    services.push(service);
    return service;
  };

  /** Every service still running and ready, and none logged an unhandled rejection or exception. */
  const expectHealthy = async () => {
    for (const service of services) {
      expect({ service: service.name, exit: service.process.exitCode }).toEqual({
        service: service.name,
        exit: null,
      });
      const logged = (output.get(service.name) ?? []).join('');
      expect(logged.split('\n').filter((l) => UNHANDLED.test(l))).toEqual([]);
    }
    expect((await fetch(`${api}/health/ready`)).ok).toBe(true);
    expect((await fetch(`http://127.0.0.1:${PIPELINE_PORT}/health/ready`)).ok).toBe(true);
  };

  beforeAll(async () => {
    databaseUrl = await createRunDatabase(dbName);
    const common = {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: stackEnv.kafkaBrokers,
      HOST: '127.0.0.1',
      UNSUBSCRIBE_SECRET: `hostile-${run}`,
    };
    const apiService = start('api', { ...common, PORT: String(API_PORT), RUN_MIGRATIONS: 'true' });
    await waitForHttp(`${api}/health/ready`, apiService);
    const pipeline = start('pipeline', {
      ...common,
      HEALTH_PORT: String(PIPELINE_PORT),
      PIPELINE_STAGES: 'intake,dead-letters',
    });
    await waitForHttp(`http://127.0.0.1:${PIPELINE_PORT}/health/ready`, pipeline, 90_000);
    apiKey = await createApiKey(databaseUrl, ['survey', 'social', 'crm', 'staff']);
    producer = new Kafka({
      clientId: `hostile-${run}`,
      brokers: stackEnv.kafkaBrokers.split(','),
      logLevel: 0,
    }).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await Promise.all(services.map((s) => s.stop()));
    if (databaseUrl) await dropRunDatabase(dbName);
  }, 60_000);

  const feedbackRows = async (keys: readonly string[]) =>
    query<{ event_key: string; n: string; text: string | null }>(
      databaseUrl,
      'SELECT event_key, count(*) OVER (PARTITION BY event_key) AS n, text FROM feedback WHERE event_key = ANY($1::text[])',
      [keys],
    );

  it(`answers ${GRAPHQL_RUNS} generated ingest requests with an acceptance or a named refusal, and stores each accepted event once`, async () => {
    /** Accepted event keys, with the text expected when the key was accepted once. */
    const accepted = new Map<string, { times: number; text: string | null }>();
    const counts = { accepted: 0, duplicate: 0, rejected: 0, refusedWhole: 0 };
    const refusals = new Map<string, number>();

    await fc.assert(
      fc.asyncProperty(ingestRequest, async (request) => {
        const [query, variables, inputs] =
          request.kind === 'single'
            ? [
                `mutation($i: ${SINGLE[request.source][1]}!) { ${SINGLE[request.source][0]}(input: $i) { index status eventKey field reason } }`,
                { i: request.input },
                [{ source: request.source, input: request.input }],
              ]
            : [
                'mutation($e: [FeedbackEventInput!]!) { submitFeedbackBatch(events: $e) { accepted duplicates rejected results { index status eventKey field reason } } }',
                { e: request.events },
                request.events.map((e) => {
                  const set = SOURCES.filter((s) => e[s] != null);
                  return set.length === 1
                    ? {
                        source: set[0] as FeedbackSource,
                        input: e[set[0] as FeedbackSource] as Record<string, unknown>,
                      }
                    : null;
                }),
              ];
        const answer = await post(JSON.stringify({ query, variables }), {
          authorization: `Bearer ${apiKey}`,
        });
        expectWellFormed(answer, JSON.stringify(request).slice(0, 300));
        const data = answer.body?.data;
        if (!data) {
          counts.refusedWhole++;
          const message = answer.body?.errors?.[0]?.message ?? '';
          // GraphQL's own messages quote the whole value first: keep what they say about it.
          const why = (message.split('; ').slice(1).join('; ') || message)
            .replace(/"[^"]*"/g, '"…"')
            .slice(0, 90);
          refusals.set(why, (refusals.get(why) ?? 0) + 1);
          return;
        }
        const results = (
          request.kind === 'single'
            ? [data[SINGLE[request.source][0]]].filter(Boolean)
            : (data['submitFeedbackBatch'] as { results: unknown[] }).results
        ) as {
          index: number;
          status: string;
          eventKey: string | null;
          field: string | null;
          reason: string | null;
        }[];
        if (request.kind === 'single' && results.length === 0) {
          // A refused single submission: an error naming the field.
          const error = answer.body?.errors?.[0];
          expect(error?.extensions?.['code']).toMatch(/^(BAD_USER_INPUT|FORBIDDEN)$/);
          if (error?.extensions?.['code'] === 'BAD_USER_INPUT')
            expect(String(error.extensions['field'] ?? '')).not.toBe('');
          counts.rejected++;
          return;
        }
        for (const result of results) {
          if (result.status === 'REJECTED') {
            counts.rejected++;
            expect(result.field?.trim()).toBeTruthy();
            expect(result.reason?.trim()).toBeTruthy();
            continue;
          }
          expect(result.eventKey).toBeTruthy();
          if (result.status === 'DUPLICATE') {
            counts.duplicate++;
            continue;
          }
          expect(result.status).toBe('ACCEPTED');
          counts.accepted++;
          const sent = inputs[result.index];
          if (!sent) throw new Error(`accepted event ${result.index} was not sent`);
          const key = result.eventKey as string;
          const before = accepted.get(key);
          accepted.set(key, {
            times: (before?.times ?? 0) + 1,
            text: expectedText(sent.source, sent.input),
          });
        }
      }),
      { numRuns: GRAPHQL_RUNS },
    );
    console.log(
      `ingest fuzz: ${GRAPHQL_RUNS} requests, ${JSON.stringify(counts)}; whole requests refused for ${JSON.stringify([...refusals].sort((a, b) => b[1] - a[1]).slice(0, 8))}`,
    );
    expect(counts.accepted).toBeGreaterThan(10);
    expect(counts.rejected + counts.refusedWhole).toBeGreaterThan(10);

    // Every accepted event stored exactly once, its text redacted as the domain says.
    const keys = [...accepted.keys()];
    await eventually(async () => {
      const rows = await feedbackRows(keys);
      const missing = keys.filter((k) => !rows.some((r) => r.event_key === k));
      if (missing.length > 0) {
        const dead = await query<{ message_key: string; reason: string }>(
          databaseUrl,
          'SELECT message_key, reason FROM dead_letters WHERE message_key = ANY($1::text[])',
          [missing],
        );
        throw new Error(
          `${missing.length} accepted events not stored; dead letters: ${JSON.stringify(dead).slice(0, 2000)}`,
        );
      }
    }, 90_000);
    await new Promise((r) => setTimeout(r, 2_000));
    const rows = await feedbackRows(keys);
    expect(rows.filter((r) => r.n !== '1').map((r) => r.event_key)).toEqual([]);
    expect(rows).toHaveLength(keys.length);
    for (const row of rows) {
      const expected = accepted.get(row.event_key);
      if (expected?.times === 1)
        expect({ key: row.event_key, text: row.text }).toEqual({
          key: row.event_key,
          text: expected.text,
        });
    }
    await expectHealthy();
  }, 400_000);

  it(`answers ${HTTP_RUNS} malformed GraphQL requests over HTTP with a refusal, never a 500 or a stack trace`, async () => {
    const mutation =
      'mutation($i: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $i) { status } }';
    const deepQuery = (depth: number) =>
      `{ ${'themes { edges { node { feedback { customer { feedback { edges { node { '.repeat(depth)}id${' } } } } } } } } }'.repeat(depth)} }`;
    const raw = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }).map((body) => ({ body })),
      fc.jsonValue().map((v) => ({ body: JSON.stringify(v) })),
      hostileString.map((q) => ({ body: JSON.stringify({ query: q }) })),
      fc
        .oneof(fc.jsonValue(), deepGarbage, wrongType, hostileString)
        .map((variables) => ({ body: JSON.stringify({ query: mutation, variables }) })),
      fc
        .oneof(deepGarbage, wrongType, hostileString)
        .map((i) => ({ body: JSON.stringify({ query: mutation, variables: { i } }) })),
      fc
        .integer({ min: 2, max: 60 })
        .map((d) => ({ body: JSON.stringify({ query: deepQuery(d) }) })),
      fc.constantFrom(
        { body: '' },
        { body: '[]' },
        { body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]) },
        {
          body: JSON.stringify({ query: mutation, variables: { i: {} } }),
          contentType: 'text/plain',
        },
        { body: JSON.stringify({ query: `{ ${'__typename '.repeat(20_000)} }` }) },
        { body: JSON.stringify({ query: `query { ${'a: __typename '.repeat(5_000)} }` }) },
        { body: JSON.stringify({ query: '{ __schema { types { name fields { name } } } }' }) },
        { body: JSON.stringify({ query: mutation, operationName: 42 }) },
        {
          body: JSON.stringify({
            query: `mutation { signIn(email: "${'a'.repeat(100_000)}", password: "x") { token } }`,
          }),
        },
        { body: 'x'.repeat(3_000_000) },
      ),
    );
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        raw,
        async ({ body, contentType }: { body: string; contentType?: string }) => {
          const answer = await post(body, {
            authorization: `Bearer ${apiKey}`,
            ...(contentType && { 'content-type': contentType }),
          });
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          expectWellFormed(answer, body.slice(0, 200));
        },
      ),
      { numRuns: HTTP_RUNS },
    );
    console.log(
      `raw GraphQL fuzz: ${HTTP_RUNS} requests, HTTP statuses ${JSON.stringify([...statuses])}`,
    );
    await expectHealthy();
  }, 300_000);

  it(`accounts for each of ${KAFKA_RUNS} generated messages on the inbound topics: one row or one dead letter with its reason`, async () => {
    type Produced = {
      topic: string;
      valid: boolean;
      eventKey: string | null;
      kind: string;
      value: Buffer | null;
      key: string | null;
      headers: Record<string, string | Buffer>;
    };
    const validEvent = (source: FeedbackSource, i: fc.Arbitrary<string>) =>
      fc
        .record({
          id: i,
          text: hostileString,
          name: hostileString,
          metadata: fc.option(
            fc.dictionary(hostileString, fc.oneof(hostileString, fc.integer(), fc.constant(null)), {
              maxKeys: 4,
            }),
            { nil: undefined },
          ),
        })
        .map(({ id, text, name, metadata }) => {
          const customer = {
            email: `fuzz-${run}@example.com`,
            ...(name.length > 0 && name.length <= 200 && { name }),
          };
          const base = {
            schemaVersion: 1,
            source,
            externalId: id,
            occurredAt: new Date().toISOString(),
            ...(metadata && { metadata }),
          };
          switch (source) {
            case 'survey':
              return {
                ...base,
                customer,
                survey: { surveyId: 'fuzz', metric: 'NPS', score: 7, comment: text },
              };
            case 'social':
              return {
                ...base,
                customer,
                social: {
                  platform: 'x',
                  authorHandle: '@fuzz',
                  text: text || 'x',
                  reach: { followers: 1, likes: 0 },
                  isPublic: true,
                },
              };
            case 'crm':
              return {
                ...base,
                customer,
                crm: { kind: 'note', accountId: 'fuzz', subject: name, text },
              };
            case 'staff':
              return {
                ...base,
                customer,
                staff: { employeeId: 'e1', team: 'fuzz', observation: text || 'x' },
              };
          }
        });
    const headerValue = fc.oneof(
      hostileString,
      fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b)),
    );
    const headers = fc.dictionary(
      fc.oneof(hostileString, fc.constantFrom(...Object.values(MessageHeaders))),
      headerValue,
      { maxKeys: 4 },
    );
    const message = fc
      .record({
        source: fc.constantFrom(...SOURCES),
        kind: fc.constantFrom(
          'event',
          'event',
          'event',
          'mutated',
          'bytes',
          'not-json',
          'wrong-shape',
          'huge',
          'empty',
        ),
        key: fc.option(hostileString, { nil: null }),
        headers,
        seed: fc.nat(),
      })
      .chain(({ source, kind, key, headers, seed }) => {
        const id = `kafka-${run}-${seed}-${randomUUID().slice(0, 8)}`;
        const value: fc.Arbitrary<Buffer | null> =
          kind === 'event'
            ? validEvent(source, fc.constant(id)).map((e) => Buffer.from(JSON.stringify(e)))
            : kind === 'mutated'
              ? fc
                  .tuple(
                    validEvent(source, fc.constant(id)),
                    fc.constantFrom(
                      'externalId',
                      'occurredAt',
                      'source',
                      'schemaVersion',
                      'customer',
                      source,
                    ),
                    fc.oneof(wrongType, hostileString, deepGarbage, hostileDate),
                  )
                  .map(([e, f, v]) => Buffer.from(JSON.stringify({ ...e, [f]: v })))
              : kind === 'bytes'
                ? fc.uint8Array({ minLength: 1, maxLength: 500 }).map((b) => Buffer.from(b))
                : kind === 'not-json'
                  ? hostileString.map((s) => Buffer.from(`{${s}`))
                  : kind === 'wrong-shape'
                    ? fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? 'null'))
                    : kind === 'huge'
                      ? validEvent(source, fc.constant(id)).map((e) =>
                          Buffer.from(
                            JSON.stringify({ ...e, metadata: { big: 'x'.repeat(400_000) } }),
                          ),
                        )
                      : fc.constantFrom(null, Buffer.alloc(0));
        return value.map((v) => ({ source, kind, key, headers, value: v, id }));
      });

    const produced: (Produced & { partition: number; offset: string })[] = [];
    await fc.assert(
      fc.asyncProperty(message, async (m) => {
        const topic = INBOUND_TOPICS[m.source];
        let valid = false;
        let eventKey: string | null = null;
        if (m.value && m.value.length > 0) {
          try {
            const parsed = topic.schema.safeParse(JSON.parse(m.value.toString('utf8')));
            valid = parsed.success;
            if (parsed.success)
              eventKey = feedbackEventKey(
                m.source,
                (parsed.data as { externalId: string }).externalId,
              );
          } catch {
            valid = false;
          }
        }
        const [meta] = await producer.send({
          topic: topic.name,
          acks: -1,
          messages: [{ key: m.key, value: m.value, headers: m.headers }],
        });
        if (!meta) throw new Error('no record metadata');
        produced.push({
          topic: topic.name,
          valid,
          eventKey,
          kind: m.kind,
          value: m.value,
          key: m.key,
          headers: m.headers,
          partition: meta.partition,
          offset: String(meta.baseOffset),
        });
      }),
      { numRuns: KAFKA_RUNS },
    );
    const valid = produced.filter((p) => p.valid);
    const invalid = produced.filter((p) => !p.valid);
    console.log(
      `topic fuzz: ${produced.length} messages, ${valid.length} valid, ${invalid.length} invalid (${[...new Set(invalid.map((p) => p.kind))].join(', ')})`,
    );
    expect(valid.length).toBeGreaterThan(10);
    expect(invalid.length).toBeGreaterThan(10);

    const deadLetters = async () =>
      query<{
        source_topic: string;
        source_partition: number;
        source_offset: string;
        reason: string;
      }>(
        databaseUrl,
        'SELECT source_topic, source_partition, source_offset::text AS source_offset, reason FROM dead_letters WHERE source_topic = ANY($1::text[])',
        [Object.values(INBOUND_TOPICS).map((t) => t.name)],
      );
    const at = (p: { topic: string; partition: number; offset: string }) =>
      `${p.topic}/${p.partition}/${p.offset}`;
    await eventually(async () => {
      const rows = await feedbackRows(valid.map((p) => p.eventKey as string));
      const stored = new Set(rows.map((r) => r.event_key));
      const letters = new Set(
        (await deadLetters()).map(
          (d) => `${d.source_topic}/${d.source_partition}/${d.source_offset}`,
        ),
      );
      const unaccounted = [
        ...valid.filter((p) => !stored.has(p.eventKey as string) && !letters.has(at(p))),
        ...invalid.filter((p) => !letters.has(at(p))),
      ];
      if (unaccounted.length > 0)
        throw new Error(
          `${unaccounted.length} messages neither stored nor dead-lettered, e.g. ${JSON.stringify(unaccounted.slice(0, 3).map((p) => ({ ...p, value: p.value?.toString('utf8').slice(0, 200) })))}`,
        );
    }, 120_000);
    await new Promise((r) => setTimeout(r, 3_000));

    // Exact: each valid message one row and no dead letter; each invalid one dead letter with a reason.
    const rows = await feedbackRows(valid.map((p) => p.eventKey as string));
    const letters = await deadLetters();
    const lettersAt = new Map<string, string[]>();
    for (const d of letters) {
      const k = `${d.source_topic}/${d.source_partition}/${d.source_offset}`;
      lettersAt.set(k, [...(lettersAt.get(k) ?? []), d.reason]);
    }
    const wrong: string[] = [];
    for (const p of valid) {
      const n = rows.filter((r) => r.event_key === p.eventKey).length;
      if (n !== 1) wrong.push(`${at(p)} valid ${p.kind}: ${n} rows`);
      if (lettersAt.has(at(p)))
        wrong.push(`${at(p)} valid ${p.kind}: dead-lettered: ${lettersAt.get(at(p))?.join(' | ')}`);
    }
    for (const p of invalid) {
      const reasons = lettersAt.get(at(p)) ?? [];
      if (reasons.length !== 1 || !reasons[0]?.trim())
        wrong.push(`${at(p)} invalid ${p.kind}: dead letters ${JSON.stringify(reasons)}`);
    }
    expect(wrong).toEqual([]);
    const reasons = new Map<string, number>();
    for (const p of invalid) {
      const reason = (lettersAt.get(at(p))?.[0] ?? '').split(':')[0] ?? '';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    console.log(`topic fuzz: dead-letter reasons ${JSON.stringify([...reasons])}`);

    // The pipeline still consumes: one more valid event is stored.
    const lastKey = `survey:after-fuzz-${run}`;
    await producer.send({
      topic: INBOUND_TOPICS.survey.name,
      acks: -1,
      messages: [
        {
          key: lastKey,
          value: JSON.stringify({
            schemaVersion: 1,
            source: 'survey',
            externalId: `after-fuzz-${run}`,
            occurredAt: new Date().toISOString(),
            customer: { externalId: `after-${run}` },
            survey: { surveyId: 'fuzz', metric: 'CES', score: 5, comment: 'Still here' },
          }),
        },
      ],
    });
    await eventually(async () => expect(await feedbackRows([lastKey])).toHaveLength(1), 60_000);
    await expectHealthy();
  }, 400_000);
});
