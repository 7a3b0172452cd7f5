/**
 * npm run bench:api -- --database <url of a seed:perf database> [--seconds 10] [--connections 20]
 *                      [--only <name part>] [--port 3520]
 *
 * Starts the built api (`node dist/apps/api/main.js`; build it first with
 * `npx nx run api:build`) on the seeded database, checks every operation of BENCH_QUERIES answers
 * without errors, then runs autocannon against each for N seconds with C concurrent connections
 * and prints p50 / p97.5 / p99 latency and requests/s as a markdown table (autocannon has no p95;
 * p97.5 is the stricter bound). Needs Kafka for the api's start-up (npm run stack:up).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { createBenchSession } from '../seed/bench-session';
import { BENCH_QUERIES } from './api-bench-queries';

interface AutocannonResult {
  latency: { p50: number; p97_5: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}) => Promise<AutocannonResult>;
// autocannon ships no type declarations; this is the part of its API used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

const root = join(__dirname, '..', '..');
const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    only: { type: 'string' },
    port: { type: 'string', default: '3520' },
  },
});
const databaseUrl = values.database ?? process.env['BENCH_DATABASE_URL'];
if (!databaseUrl)
  throw new Error('--database <url of a database filled by npm run seed:perf> is required');
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const port = Number(values.port);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startApi(): ChildProcess {
  return spawn(process.execPath, [join(root, 'dist', 'apps', 'api', 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NO_COLOR: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl as string,
      RUN_MIGRATIONS: 'true',
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
      UNSUBSCRIBE_SECRET: 'bench-api-unsubscribe-secret',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitReady(url: string): Promise<void> {
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

const ms = (n: number) => n.toFixed(n < 10 ? 1 : 0);

async function main(): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const api = startApi();
  try {
    const [counts] = (
      await db.query(
        'SELECT (SELECT count(*) FROM feedback)::int AS feedback, (SELECT count(*) FROM themes)::int AS themes',
      )
    ).rows as { feedback: number; themes: number }[];
    const token = await createBenchSession(db);
    const graphqlUrl = `http://127.0.0.1:${port}/graphql`;
    await waitReady(`http://127.0.0.1:${port}/health/ready`);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const rows: string[] = [];
    for (const q of BENCH_QUERIES.filter((b) => !values.only || b.name.includes(values.only))) {
      const body = JSON.stringify({
        query: q.query,
        variables: q.variables ? await q.variables(db) : {},
      });
      const check = (await (await fetch(graphqlUrl, { method: 'POST', headers, body })).json()) as {
        errors?: unknown[];
      };
      if (check.errors) throw new Error(`${q.name}: ${JSON.stringify(check.errors)}`);
      // A short warm-up so the first measured second is not the JIT's and the pool's.
      await autocannon({
        url: graphqlUrl,
        connections,
        duration: 2,
        method: 'POST',
        headers,
        body,
      });
      const r = await autocannon({
        url: graphqlUrl,
        connections,
        duration: seconds,
        method: 'POST',
        headers,
        body,
      });
      if (r.errors || r.timeouts || r.non2xx) {
        throw new Error(
          `${q.name}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`,
        );
      }
      const row = `| ${q.name} | ${ms(r.latency.p50)} | ${ms(r.latency.p97_5)} | ${ms(r.latency.p99)} | ${ms(r.latency.max)} | ${Math.round(r.requests.average)} |`;
      console.log(row);
      rows.push(row);
    }
    console.log(
      [
        '',
        `${counts?.feedback} feedback, ${counts?.themes} themes; ${connections} connections, ${seconds} s each; ${cpus().length} × ${cpus()[0]?.model}; ${new Date().toISOString()}`,
        '',
        '| operation | p50 ms | p97.5 ms | p99 ms | max ms | requests/s |',
        '| --- | --: | --: | --: | --: | --: |',
        ...rows,
      ].join('\n'),
    );
  } finally {
    api.kill('SIGTERM');
    await db.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
