/**
 * Bulk import of feedback exports (a survey tool's responses, a CRM export, …) through Kafka.
 *
 *   npm run import -- --source survey --file responses.csv \
 *     --map externalId=response_id --map occurredAt=submitted_at:datetime \
 *     --map customer.email=email --map survey.surveyId=const:q4-nps --map survey.metric=const:NPS \
 *     --map survey.score=score:integer --map survey.comment=comment [--dry-run] [--resume] [--batch 500]
 *
 * --map FIELD=COLUMN[:text|number|integer|boolean|datetime] or FIELD=const:VALUE, where FIELD is a
 * path of the source's contract (docs/contracts/feedback.<source>.v1.schema.json).
 * --dry-run validates every row and reports each invalid one by number and reason.
 * --resume continues an interrupted import from its checkpoint (<file>.import-state.json).
 * KAFKA_BROKERS says where to produce; with DATABASE_URL, rows already stored count as duplicates.
 */
import { FEEDBACK_SOURCES, INBOUND_TOPICS, type FeedbackSource } from '@closedloop/contracts';
import { importFeedback, parseMappingRule, type ExportFormat } from '@closedloop/importer';
import { KafkaMessageBus } from '@closedloop/messaging';
import { SingleBar } from 'cli-progress';
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { Client } from 'pg';

async function countLines(file: string): Promise<number> {
  let count = 0;
  for await (const chunk of createReadStream(file)) {
    for (const byte of chunk as Buffer) if (byte === 10) count += 1;
  }
  return count;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string' },
      file: { type: 'string' },
      format: { type: 'string' },
      map: { type: 'string', multiple: true, default: [] },
      'dry-run': { type: 'boolean', default: false },
      resume: { type: 'boolean', default: false },
      batch: { type: 'string', default: '500' },
    },
  });
  const source = values.source as FeedbackSource;
  if (!FEEDBACK_SOURCES.includes(source) || !values.file || values.map.length === 0) {
    throw new Error(`usage: npm run import -- --source ${FEEDBACK_SOURCES.join('|')} --file FILE --map FIELD=COLUMN[:type] ... [--dry-run] [--resume]`);
  }
  const format = (values.format ?? (values.file.endsWith('.jsonl') ? 'jsonl' : 'csv')) as ExportFormat;
  const rules = values.map.map(parseMappingRule);
  const batchSize = Number(values.batch);

  let bus: KafkaMessageBus | undefined;
  let db: Client | undefined;
  if (!values['dry-run']) {
    bus = new KafkaMessageBus({ brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','), clientId: 'closedloop-import' });
    await bus.ensureTopics([INBOUND_TOPICS[source]]);
  }
  if (process.env['DATABASE_URL']) {
    db = new Client({ connectionString: process.env['DATABASE_URL'] });
    await db.connect();
  }
  const total = Math.max(1, (await countLines(values.file)) - (format === 'csv' ? 1 : 0));
  const bar = new SingleBar({ format: ' {bar} {percentage}% | {value}/{total} rows | {eta_formatted} left', stream: process.stderr, hideCursor: true });
  bar.start(total, 0);
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  try {
    const report = await importFeedback({
      source,
      file: values.file,
      format,
      rules,
      dryRun: values['dry-run'],
      resume: values.resume,
      batchSize,
      bus,
      storedKeys: db
        ? async (keys) => {
            const rows = await (db as Client).query('SELECT event_key FROM feedback WHERE event_key = ANY($1::text[])', [keys]);
            return new Set(rows.rows.map((r: { event_key: string }) => r.event_key));
          }
        : undefined,
      onProgress: (done) => bar.update(Math.min(total, done)),
      signal: abort.signal,
    });
    bar.stop();
    for (const r of report.rejections) process.stdout.write(`row ${r.row}: ${r.reason}\n`);
    const verb = values['dry-run'] ? 'would be accepted' : 'accepted';
    process.stdout.write(
      `${report.rows} rows${report.resumedAfterRow ? ` (resumed after row ${report.resumedAfterRow})` : ''}: ` +
        `${report.accepted} ${verb}, ${report.duplicates} duplicate, ${report.rejected} rejected` +
        `${report.interrupted ? '; interrupted: run again with --resume to continue' : ''}\n`,
    );
    return report.rejected > 0 && values['dry-run'] ? 2 : 0;
  } finally {
    bar.stop();
    await bus?.close();
    await db?.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
