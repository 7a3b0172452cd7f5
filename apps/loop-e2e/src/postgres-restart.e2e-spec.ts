import { SurveyFeedbackTopic } from '@closedloop/contracts';
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { query } from './support/database';
import { eventually } from './support/eventually';
import { freePort, startPrivatePostgres, type PrivatePostgres } from './support/private-postgres';
import { startService, waitForHttp, type RunningService } from './support/services';
import { stackEnv } from './support/stack-env';
import { surveyEvent } from './support/survey-event';

/**
 * PostgreSQL stopped (`pg_ctl stop -m fast`: every connection cut) and started again while the
 * pipeline stores a stream of events, produced a slice at a time before, during and after the
 * outage of 30 s. The database is a PostgreSQL server of the test's own, so the machine's server, shared
 * with other work, is never touched. After it, exact counts: every event stored once, one
 * enriched event each, all published, and the pipeline never exited.
 */
const run = randomUUID().slice(0, 8);
const EVENTS = 2_000;
/** Produced a slice at a time, one slice every PACE_MS: about 40 s of events. */
const SLICE = 5;
const PACE_MS = 100;
/**
 * How long the database stays away: longer than a message's attempts last (8, about 23 s), so
 * the test fails if a database outage uses them up and dead-letters events.
 */
const DOWN_MS = 30_000;

const faultEvent = (i: number) =>
  surveyEvent(`pgfault-${run}-${i}`, `pgfault-customer-${run}-${i % 97}`, 'pg-restart', i);

describe('the pipeline through a PostgreSQL restart', () => {
  let postgres: PrivatePostgres | undefined;
  let databaseUrl = '';
  let producer: Producer | undefined;
  let pipeline: RunningService | undefined;

  const storedCount = async (): Promise<number> => {
    const rows = await query<{ n: string }>(
      databaseUrl,
      `SELECT count(*) AS n FROM feedback WHERE event_key LIKE $1`,
      [`survey:pgfault-${run}-%`],
    );
    return Number(rows[0]?.n);
  };

  const produce = async (from: number, to: number): Promise<void> => {
    const messages = [];
    for (let i = from; i < to; i++) messages.push(faultEvent(i));
    await producer?.send({ topic: SurveyFeedbackTopic.name, acks: -1, messages });
  };

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    const admin = new Client({ connectionString: postgres.url() });
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE closedloop');
    } finally {
      await admin.end();
    }
    databaseUrl = postgres.url('closedloop');
    producer = new Kafka({
      clientId: `pg-restart-${run}`,
      brokers: stackEnv.kafkaBrokers.split(','),
      logLevel: 0,
      retry: { retries: 20, initialRetryTime: 300, maxRetryTime: 5_000 },
    }).producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await pipeline?.stop('SIGKILL');
    await producer?.disconnect();
    await postgres?.remove();
  }, 120_000);

  it('stores every event once when PostgreSQL stops and starts again mid-stream', async () => {
    const port = await freePort();
    pipeline = startService('pipeline', {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: stackEnv.kafkaBrokers,
      HOST: '127.0.0.1',
      HEALTH_PORT: String(port),
      // The pipeline creates the schema in the fresh database.
      RUN_MIGRATIONS: 'true',
      PIPELINE_STAGES: 'intake',
    });
    await waitForHttp(`http://127.0.0.1:${port}/health/ready`, pipeline, 90_000);
    const db = postgres as PrivatePostgres;

    // The intake group is the loop's own, shared with the other tests: whatever it has not
    // consumed yet goes first. Warm-up events on every partition, stored, mean it is caught up.
    const warmUp = Array.from({ length: 12 }, (_, i) => faultEvent(i)).map((m) => ({
      key: m.key.replace('pgfault-', 'pgwarm-'),
      value: m.value.replaceAll('pgfault-', 'pgwarm-'),
    }));
    await producer?.send({ topic: SurveyFeedbackTopic.name, acks: -1, messages: warmUp });
    await eventually(async () => {
      const rows = await query<{ n: string }>(
        databaseUrl,
        `SELECT count(*) AS n FROM feedback WHERE event_key LIKE $1`,
        [`survey:pgwarm-${run}-%`],
      );
      expect(Number(rows[0]?.n)).toBe(warmUp.length);
    }, 180_000);

    // Events keep coming, a slice at a time, before, during and after the outage.
    let produced = 0;
    const producing = (async () => {
      for (let from = 0; from < EVENTS; from += SLICE) {
        await produce(from, Math.min(EVENTS, from + SLICE));
        produced = Math.min(EVENTS, from + SLICE);
        await new Promise((r) => setTimeout(r, PACE_MS));
      }
    })();
    await eventually(async () => expect(await storedCount()).toBeGreaterThan(0), 90_000);
    const producedAtStop = produced;
    await db.stop('fast');
    const stoppedAt = Date.now();
    // Not ready while the database is away (503, naming it), and still alive.
    const readyDuring = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(readyDuring.status).toBe(503);
    expect(await readyDuring.json()).toEqual(
      expect.objectContaining({ database: 'down', problems: ['the database does not answer'] }),
    );
    expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    // Away for a while: the pipeline's batches fail and are retried, its outbox polls fail.
    await new Promise((r) => setTimeout(r, DOWN_MS));
    expect(pipeline.process.exitCode).toBeNull();
    await db.start();
    const producedAtStart = produced;
    // Nothing is stored while the server is away: this is what was stored when it stopped.
    const atStop = await storedCount();
    const downMs = Date.now() - stoppedAt;
    await producing;
    // The outage landed mid-stream: some events were stored before it, more were produced after.
    expect(atStop).toBeGreaterThan(0);
    expect(producedAtStart).toBeLessThan(EVENTS);

    await eventually(async () => expect(await storedCount()).toBe(EVENTS), 120_000);
    await eventually(async () => {
      const pending = await query<{ n: string }>(
        databaseUrl,
        `SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`,
      );
      expect(Number(pending[0]?.n)).toBe(0);
    }, 60_000);
    // A redelivered batch would show now.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await storedCount()).toBe(EVENTS);
    const enriched = await query<{ n: string; keys: string }>(
      databaseUrl,
      `SELECT count(*) AS n, count(DISTINCT payload->>'feedbackId') AS keys FROM outbox
       WHERE topic = 'feedback.enriched.v1' AND payload->>'eventKey' LIKE $1`,
      [`survey:pgfault-${run}-%`],
    );
    expect({ events: Number(enriched[0]?.n), distinct: Number(enriched[0]?.keys) }).toEqual({
      events: EVENTS,
      distinct: EVENTS,
    });
    // It rode the restart out: the same process, ready again.
    expect(pipeline.process.exitCode).toBeNull();
    expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
    console.log(
      `PostgreSQL stopped with ${atStop} of ${producedAtStop} produced events stored, away ${downMs} ms; ` +
        `${producedAtStart} produced when it was back, ${EVENTS} in all; ${EVENTS} stored once, ${EVENTS} enriched events, all published`,
    );
  }, 420_000);
});
