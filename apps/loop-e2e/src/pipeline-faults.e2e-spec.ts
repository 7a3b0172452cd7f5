import { SurveyFeedbackTopic } from '@closedloop/contracts';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Kafka, Partitioners, type Producer } from 'kafkajs';
import { createRunDatabase, dropRunDatabase, query } from './support/database';
import { eventually } from './support/eventually';
import { metricSum } from './support/prometheus';
import { ROOT, startService, waitForHttp, type RunningService } from './support/services';
import { stackEnv } from './support/stack-env';
import { surveyEvent } from './support/survey-event';

const exec = promisify(execFile);

/**
 * Faults on the real stack, each bounded in time: the pipeline killed with SIGKILL mid-batch and
 * started again, and the Kafka broker restarted while events stream in. After each, exact counts:
 * every accepted event stored once, every stored item's enriched event written once and
 * published, nothing left in between.
 */
const run = randomUUID().slice(0, 8);
const dbName = `closedloop_faults_${run}`;
const HEALTH_PORT = 3314;

const faultEvent = (batch: string, i: number) =>
  surveyEvent(`fault-${run}-${batch}-${i}`, `fault-customer-${run}-${i % 97}`, 'faults', i);

describe('the pipeline through faults', () => {
  let databaseUrl = '';
  let producer: Producer;
  const services: RunningService[] = [];

  const pipelineEnv = () => ({
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: stackEnv.kafkaBrokers,
    HOST: '127.0.0.1',
    HEALTH_PORT: String(HEALTH_PORT),
    RUN_MIGRATIONS: 'true',
    // Intake is where events become rows; the other stages have their own tests.
    PIPELINE_STAGES: 'intake',
  });

  const startPipeline = async (port = HEALTH_PORT): Promise<RunningService> => {
    const pipeline = startService('pipeline', { ...pipelineEnv(), HEALTH_PORT: String(port) });
    services.push(pipeline);
    await waitForHttp(`http://127.0.0.1:${port}/health/ready`, pipeline, 90_000);
    return pipeline;
  };

  /** How many survey events an instance's intake has handled, from its Prometheus metrics. */
  const handledBy = async (port: number): Promise<number> => {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    return (
      metricSum(text, 'closedloop_messages_consumed_total', {
        topic: SurveyFeedbackTopic.name,
        group: 'closedloop.pipeline.intake',
        outcome: 'handled',
      }) ?? 0
    );
  };

  const storedCount = async (batch: string): Promise<number> => {
    const rows = await query<{ n: string }>(
      databaseUrl,
      `SELECT count(*) AS n FROM feedback WHERE event_key LIKE $1`,
      [`survey:fault-${run}-${batch}-%`],
    );
    return Number(rows[0]?.n);
  };

  /** Every event of the batch stored once, with one enriched event each, all published. */
  const expectExactlyOnce = async (batch: string, events: number): Promise<void> => {
    await eventually(async () => expect(await storedCount(batch)).toBe(events), 120_000);
    await eventually(async () => {
      const pending = await query<{ n: string }>(
        databaseUrl,
        `SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`,
      );
      expect(Number(pending[0]?.n)).toBe(0);
    }, 60_000);
    // A redelivered batch would show now.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await storedCount(batch)).toBe(events);
    const enriched = await query<{ n: string; keys: string }>(
      databaseUrl,
      `SELECT count(*) AS n, count(DISTINCT payload->>'feedbackId') AS keys FROM outbox
       WHERE topic = 'feedback.enriched.v1' AND payload->>'eventKey' LIKE $1`,
      [`survey:fault-${run}-${batch}-%`],
    );
    expect({ events: Number(enriched[0]?.n), distinct: Number(enriched[0]?.keys) }).toEqual({
      events,
      distinct: events,
    });
  };

  const produce = async (batch: string, from: number, to: number): Promise<void> => {
    const messages = [];
    for (let i = from; i < to; i++) messages.push(faultEvent(batch, i));
    for (let i = 0; i < messages.length; i += 500) {
      await producer.send({
        topic: SurveyFeedbackTopic.name,
        acks: -1,
        messages: messages.slice(i, i + 500),
      });
    }
  };

  const connectProducer = async (): Promise<Producer> => {
    const made = new Kafka({
      clientId: `faults-${run}`,
      brokers: stackEnv.kafkaBrokers.split(','),
      logLevel: 0,
      retry: { retries: 20, initialRetryTime: 300, maxRetryTime: 5_000 },
    }).producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
    await made.connect();
    return made;
  };

  beforeAll(async () => {
    databaseUrl = await createRunDatabase(dbName);
    producer = await connectProducer();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop('SIGKILL')));
    await producer?.disconnect();
    if (databaseUrl) await dropRunDatabase(dbName);
  }, 60_000);

  it('stores every event once when the pipeline is killed with SIGKILL mid-batch and started again', async () => {
    const EVENTS = 3_000;
    const first = await startPipeline();
    await produce('kill', 0, EVENTS);
    await eventually(async () => expect(await storedCount('kill')).toBeGreaterThan(0), 60_000);
    first.process.kill('SIGKILL');
    await first.stop();
    const atKill = await storedCount('kill');
    expect(atKill).toBeLessThan(EVENTS);

    await startPipeline();
    await expectExactlyOnce('kill', EVENTS);
    console.log(
      `pipeline killed with ${atKill}/${EVENTS} stored; after restart ${EVENTS} stored once`,
    );
  }, 300_000);

  it('stores every event once when the Kafka broker restarts while events stream in', async () => {
    const EVENTS = 2_000;
    await produce('restart', 0, EVENTS / 2);
    await eventually(async () => expect(await storedCount('restart')).toBeGreaterThan(0), 60_000);
    const env = { ...process.env, NO_COLOR: '1' };
    await exec('bash', ['tools/kafka/stop.sh'], { cwd: ROOT, env, timeout: 120_000 });
    await exec('bash', ['tools/kafka/start.sh'], { cwd: ROOT, env, timeout: 180_000 });
    // The producer and the pipeline's consumer reconnect by themselves.
    await produce('restart', EVENTS / 2, EVENTS);
    await expectExactlyOnce('restart', EVENTS);
  }, 420_000);

  it('shares the partitions between two instances in one group, and loses or doubles nothing when one stops', async () => {
    // Whatever ran before stops: two fresh instances make up the group.
    await Promise.all(services.splice(0).map((s) => s.stop('SIGTERM')));
    const EVENTS = 3_000;
    const [portA, portB] = [HEALTH_PORT, HEALTH_PORT + 1];
    // Two instances can only share a topic of two partitions or more: whichever test created the
    // topic first decided its count, so make sure (partitions can be added, never removed).
    const admin = new Kafka({
      clientId: `faults-admin-${run}`,
      brokers: stackEnv.kafkaBrokers.split(','),
      logLevel: 0,
    }).admin();
    await admin.connect();
    try {
      const meta = await admin.fetchTopicMetadata({ topics: [SurveyFeedbackTopic.name] });
      if ((meta.topics[0]?.partitions.length ?? 0) < 3) {
        await admin.createPartitions({
          topicPartitions: [{ topic: SurveyFeedbackTopic.name, count: 3 }],
        });
      }
    } finally {
      await admin.disconnect();
    }
    // A fresh producer, so its metadata knows every partition and the keys spread over them.
    await producer.disconnect();
    producer = await connectProducer();
    await startPipeline(portA);
    const b = await startPipeline(portB);
    // Both have joined and been given partitions once both take work.
    await produce('scale', 0, EVENTS / 2);
    await eventually(async () => {
      expect(await handledBy(portA)).toBeGreaterThan(0);
      expect(await handledBy(portB)).toBeGreaterThan(0);
    }, 120_000);
    await eventually(async () => expect(await storedCount('scale')).toBe(EVENTS / 2), 120_000);
    const split = [await handledBy(portA), await handledBy(portB)];

    // One stops (a deploy, a scale-in): the other takes its partitions over.
    await b.stop('SIGTERM');
    await produce('scale', EVENTS / 2, EVENTS);
    await expectExactlyOnce('scale', EVENTS);
    console.log(
      `two instances handled ${split.join(' + ')} events of the first half; one stopped, the other finished`,
    );
  }, 420_000);
});
