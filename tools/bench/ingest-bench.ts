/**
 * npm run bench:ingest — ingestion figures on this machine, in one run on the same broker:
 *  1. end to end: N survey events produced to feedback.survey.v1 → validated, enriched and stored
 *     in PostgreSQL by one pipeline process running the intake stage; events/s, and its memory
 *     (RSS) over the run;
 *  2. kcat's raw produce-then-consume rate of the same payloads, and the ratio of the two;
 *  3. GraphQL: batch mutations of 500 events (events/s) and single submissions at a fixed
 *     request rate (p50 / p99 latency), against one api process.
 * Needs the local stack (npm run stack:up) and built apps (npx nx run-many -t build -p api pipeline).
 * Options: --events N (default 20000), --rate R single submissions per second (default 200), --seconds S (default 10).
 */
import { SurveyFeedbackTopic } from '@closedloop/contracts';
import { generateApiKey } from '@closedloop/access-domain';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka, Partitioners } from 'kafkajs';
import { Client } from 'pg';

const root = join(__dirname, '..', '..');
const brokers = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';
const adminUrl =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/closedloop_test';
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '20000' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '10' },
  },
});
const N = Number(values.events);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const run = randomUUID().slice(0, 8);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const COMMENTS = [
  'Checkout keeps timing out when I pay by card, third time this week.',
  'Love the new app, reordering takes seconds now!',
  'Delivery was late and nobody told me why. Not happy.',
  'The support agent was patient and fixed my problem quickly.',
  'I cannot find where to change my address, please make it easier.',
];

function event(i: number) {
  return {
    schemaVersion: 1,
    source: 'survey',
    externalId: `bench-${run}-${i}`,
    occurredAt: new Date(Date.now() - (i % 1000) * 60_000).toISOString(),
    customer: { email: `bench-${run}-${i % 5000}@example.com`, name: 'Bench Customer' },
    survey: {
      surveyId: 'bench',
      metric: 'NPS',
      score: i % 11,
      comment: COMMENTS[i % COMMENTS.length],
    },
  };
}

async function sql<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

function start(name: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [join(root, 'dist', 'apps', name, 'main.js')], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: 'ignore',
  });
}

async function waitHttp(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await sleep(250);
  }
  throw new Error(`${url} never became ready`);
}

function rssMb(pid: number): number {
  return (
    Number(
      execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
        .toString()
        .trim(),
    ) / 1024
  );
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const dbName = `closedloop_bench_${run}`;
  await sql(adminUrl, `CREATE DATABASE "${dbName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const env = {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers,
    UNSUBSCRIBE_SECRET: `bench-secret-${run}-padding`,
    HOST: '127.0.0.1',
  };
  const api = start('api', {
    ...env,
    PORT: '3510',
    RUN_MIGRATIONS: 'true',
    INGEST_RATE_PER_SECOND: '100000',
    INGEST_BURST: '100000',
  });
  await waitHttp('http://127.0.0.1:3510/health/ready');
  // The intake stage alone: theming (and its sentence encoder) is deployed and scaled on its own
  // (PIPELINE_STAGES=theming) and measured by bench:themes.
  const pipeline = start('pipeline', { ...env, HEALTH_PORT: '3511', PIPELINE_STAGES: 'intake' });
  await waitHttp('http://127.0.0.1:3511/health/ready');
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    events: N,
  };
  try {
    // 1. End to end through the pipeline.
    const kafka = new Kafka({ clientId: 'bench', brokers: brokers.split(','), logLevel: 0 });
    const producer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    const payloads = Array.from({ length: N }, (_, i) => ({
      key: `survey:bench-${run}-${i}`,
      value: JSON.stringify(event(i)),
    }));
    const memory: number[] = [rssMb(pipeline.pid as number)];
    const sampler = setInterval(() => memory.push(rssMb(pipeline.pid as number)), 500);
    const t0 = Date.now();
    for (let i = 0; i < N; i += 1000) {
      await producer.send({
        topic: SurveyFeedbackTopic.name,
        acks: -1,
        messages: payloads.slice(i, i + 1000),
      });
    }
    const produced = Date.now();
    let stored = 0;
    // RSS at each tenth of the run, to see whether memory stays flat as events go through.
    const byTenth: { stored: number; rssMb: number }[] = [];
    while (stored < N) {
      await sleep(250);
      stored = Number(
        (await sql<{ n: string }>(databaseUrl, 'SELECT count(*) AS n FROM feedback'))[0]?.n,
      );
      if (stored >= ((byTenth.length + 1) * N) / 10)
        byTenth.push({ stored, rssMb: Math.round(rssMb(pipeline.pid as number)) });
      if (Date.now() - t0 > 30 * 60_000)
        throw new Error(`only ${stored} of ${N} stored after 30 minutes`);
    }
    const done = Date.now();
    clearInterval(sampler);
    memory.push(rssMb(pipeline.pid as number));
    await producer.disconnect();
    const e2eRate = N / ((done - t0) / 1000);
    results['endToEnd'] = {
      produceSeconds: (produced - t0) / 1000,
      totalSeconds: (done - t0) / 1000,
      eventsPerSecond: Math.round(e2eRate),
      pipelineRssMb: {
        start: Math.round(memory[0] ?? 0),
        peak: Math.round(Math.max(...memory)),
        end: Math.round(memory[memory.length - 1] ?? 0),
        byTenth,
      },
    };

    // 2. kcat raw produce-then-consume of the same payloads on the same broker.
    const scratch = `bench.kcat-${run}.v1`;
    execFileSync('bash', [join(root, 'tools', 'kafka', 'admin.sh'), 'create-topic', scratch, '3'], {
      stdio: 'ignore',
    });
    const dir = mkdtempSync(join(tmpdir(), 'bench-'));
    const file = join(dir, 'payloads.txt');
    writeFileSync(file, payloads.map((p) => p.value).join('\n') + '\n');
    const k0 = Date.now();
    execFileSync('kcat', ['-b', brokers, '-t', scratch, '-P', '-X', 'acks=all', '-l', file], {
      maxBuffer: 1 << 30,
    });
    execFileSync(
      'kcat',
      [
        '-b',
        brokers,
        '-t',
        scratch,
        '-C',
        '-o',
        'beginning',
        '-e',
        '-q',
        '-c',
        String(N),
        '-f',
        '%o\n',
      ],
      { maxBuffer: 1 << 30 },
    );
    const kcatRate = N / ((Date.now() - k0) / 1000);
    results['kcat'] = { eventsPerSecond: Math.round(kcatRate) };
    results['ratioEndToEndToKcat'] = Number((e2eRate / kcatRate).toFixed(3));
    execFileSync('bash', [join(root, 'tools', 'kafka', 'admin.sh'), 'delete-topic', scratch], {
      stdio: 'ignore',
    });

    // 3. GraphQL.
    const { key, prefix, hash } = generateApiKey();
    await sql(
      databaseUrl,
      "INSERT INTO api_keys (id, name, prefix, key_hash, scopes, created_by) VALUES ($1, 'bench', $2, $3, $4, 'bench')",
      [randomUUID(), prefix, hash, ['survey']],
    );
    const post = (query: string, variables: unknown) =>
      fetch('http://127.0.0.1:3510/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      }).then(async (r) => {
        const body = (await r.json()) as { errors?: unknown[] };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
      });
    const input = (i: string) => ({
      externalId: `gql-${run}-${i}`,
      occurredAt: new Date().toISOString(),
      customerEmail: `g-${run}-${i}@example.com`,
      surveyId: 'bench',
      metric: 'NPS',
      score: 7,
      comment: 'Fine overall, a bit slow at checkout',
    });
    const BATCH =
      'mutation($e: [FeedbackEventInput!]!) { submitFeedbackBatch(events: $e) { accepted } }';
    const b0 = Date.now();
    const batches = 10;
    for (let b = 0; b < batches; b++) {
      await post(BATCH, {
        e: Array.from({ length: 500 }, (_, i) => ({ survey: input(`b${b}-${i}`) })),
      });
    }
    results['graphqlBatch500'] = {
      eventsPerSecond: Math.round((batches * 500) / ((Date.now() - b0) / 1000)),
    };
    // Let the pipeline store the batch events first: on this machine it shares the two cores with
    // the api, Kafka and PostgreSQL, and its catching up would be measured as api latency.
    const drained = Date.now();
    while (
      Number((await sql<{ n: string }>(databaseUrl, 'SELECT count(*) AS n FROM feedback'))[0]?.n) <
      N + batches * 500
    ) {
      await sleep(100);
      if (Date.now() - drained > 5 * 60_000)
        throw new Error('the pipeline did not store the batch events within 5 minutes');
    }
    const SINGLE =
      'mutation($i: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $i) { status } }';
    const latencies: number[] = [];
    const inflight: Promise<void>[] = [];
    const total = RATE * SECONDS;
    const s0 = Date.now();
    for (let i = 0; i < total; i++) {
      const due = s0 + (i * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      const started = performance.now();
      inflight.push(
        post(SINGLE, { i: input(`s${i}`) }).then(
          () => void latencies.push(performance.now() - started),
        ),
      );
    }
    await Promise.all(inflight);
    latencies.sort((a, b) => a - b);
    results['graphqlSingle'] = {
      measured: 'after the pipeline stored the batch events; it stores these as they come',
      requestsPerSecondOffered: RATE,
      requestsPerSecondAchieved: Math.round(total / ((Date.now() - s0) / 1000)),
      p50Ms: Number(percentile(latencies, 50).toFixed(1)),
      p99Ms: Number(percentile(latencies, 99).toFixed(1)),
    };
  } finally {
    api.kill('SIGTERM');
    pipeline.kill('SIGTERM');
    await sleep(3000);
    await sql(adminUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
