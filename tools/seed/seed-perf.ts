/**
 * npm run seed:perf -- --database <url> [--feedback 1000000] [--themes 5000] [--customers N]
 *                      [--seed 42] [--day 2026-11-30] [--reset] [--no-actions]
 *
 * Fills a database (migrated first with the project's migrations) for the API benchmark:
 * customers, feedback over the four sources spread over 52 weeks before --day, themes with their
 * members, daily statistics and running totals, then actions owned by seeded CX leads, linked to
 * themes (their feedback the actions' lineage, kept in the loop roll-ups), with history and notices. Deterministic: the same arguments
 * give the same rows. Finally it adds an admin user and a session and prints the bearer token.
 */
import { createDataSource } from '@closedloop/persistence';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { createBenchSession } from './bench-session';
import { actionsSql, customersSql, feedbackSql, themeStatsSql, themesSql } from './seed-sql';

const CHUNK = 100_000;

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    feedback: { type: 'string', default: '1000000' },
    themes: { type: 'string', default: '5000' },
    customers: { type: 'string' },
    seed: { type: 'string', default: '42' },
    day: { type: 'string', default: '2026-11-30' },
    reset: { type: 'boolean', default: false },
    'no-actions': { type: 'boolean', default: false },
  },
});

const databaseUrl = values.database ?? process.env['DATABASE_URL'];
if (!databaseUrl) throw new Error('--database <postgres url> is required');
const feedbackCount = Number(values.feedback);
const themeCount = Number(values.themes);
const customerCount = Number(values.customers ?? Math.max(1, Math.round(feedbackCount / 8)));
const seed = Number(values.seed);
const day = new Date(`${values.day}T00:00:00Z`).toISOString();

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  console.log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** setseed takes -1..1; each step seeds itself so steps stay deterministic on their own. */
const seedOf = (step: number) => ((seed * 7919 + step * 104729) % 1_000_000) / 1_000_000;

async function main(): Promise<void> {
  await timed('migrations', async () => {
    const dataSource = createDataSource({ url: databaseUrl as string, runMigrations: true });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
  });
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('SET synchronous_commit = off');
    const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM feedback')).rows as {
      n: number;
    }[];
    if (n > 0 && !values.reset) {
      throw new Error(
        `the database already holds ${n} feedback items; pass --reset to replace everything`,
      );
    }
    if (values.reset) {
      await timed('reset', () =>
        db.query(
          `TRUNCATE notices, action_history, action_feedback, action_themes, action_lineage, action_comments,
                    action_regressions, owner_notices, loop_items, loop_weekly_stats, loop_weekly_latency,
                    feedback_weekly_stats, actions, theme_daily_stats, theme_totals, theme_noise_items, themes,
                    feedback, customer_identities, customers, sessions, users, settings, outbox CASCADE`,
        ),
      );
    }
    await db.query('SELECT setseed($1)', [seedOf(1)]);
    await timed(`customers (${customerCount})`, () => db.query(customersSql, [customerCount, day]));
    await db.query('SELECT setseed($1)', [seedOf(2)]);
    await timed(`themes (${themeCount})`, () => db.query(themesSql, [themeCount, day]));
    await timed(`feedback (${feedbackCount})`, async () => {
      for (let lo = 1, chunk = 0; lo <= feedbackCount; lo += CHUNK, chunk++) {
        const hi = Math.min(feedbackCount, lo + CHUNK - 1);
        await db.query('SELECT setseed($1)', [seedOf(100 + chunk)]);
        await db.query(feedbackSql, [lo, hi, customerCount, themeCount, day]);
        process.stdout.write(`  ${hi} / ${feedbackCount}\n`);
      }
    });
    await timed('theme statistics and totals', async () => {
      for (const sql of themeStatsSql) await db.query(sql);
    });
    await timed('analyze', () => db.query('ANALYZE'));
    if (!values['no-actions']) {
      await timed('actions, owners, themes, lineage and loop roll-ups, notices', async () => {
        for (const sql of actionsSql) await db.query(sql, sql.includes('$1') ? [day] : []);
      });
    }
    // VACUUM sets the visibility map, so counts can be index-only scans as on a settled database.
    await timed('vacuum analyze', () => db.query('VACUUM ANALYZE'));
    const token = await createBenchSession(db);
    const counts = (
      await db.query(
        `SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM feedback) AS feedback,
                (SELECT count(*) FROM themes) AS themes, (SELECT count(*) FROM actions) AS actions,
                (SELECT count(*) FROM action_lineage) AS actioned_items, (SELECT count(*) FROM notices) AS notices,
                (SELECT count(*) FROM loop_items) AS loop_items`,
      )
    ).rows[0];
    console.log(JSON.stringify(counts));
    console.log(`bench user bench@closedloop.test (admin); bearer token:\n${token}`);
  } finally {
    await db.end();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
