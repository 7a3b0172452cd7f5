import { loopMeasures, type LoopGrouping } from '@closedloop/actions-data-access';
import { DataSource, type EntityManager } from 'typeorm';

async function main() {
  const ds = new DataSource({ type: 'postgres', url: process.env['DATABASE_URL'] });
  await ds.initialize();
  const real = ds.manager;
  const verbose = process.env['VERBOSE'] === '1';
  const fake = {
    query: async (sql: string, params: unknown[]) => {
      const plan: { 'QUERY PLAN': string }[] = await real.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      const lines = plan.map((p) => p['QUERY PLAN']);
      console.log(verbose ? lines.join('\n') : lines.filter((l) => /Execution Time|Planning Time/.test(l)).join(' | '));
      return real.query(sql, params);
    },
  } as unknown as EntityManager;
  const now = new Date('2026-11-30T12:00:00Z');
  const year = { from: new Date('2025-12-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };
  const g = (process.env['G'] ?? 'overall') as LoopGrouping;
  const src = process.env['SRC'];
  for (let i = 0; i < 2; i++) {
    console.log(`--- run ${i}`);
    await loopMeasures(fake, { ...year, source: src }, g, now);
  }
  await ds.destroy();
}
void main();
