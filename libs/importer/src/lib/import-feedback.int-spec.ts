import { SurveyFeedbackTopic } from '@closedloop/contracts';
import { KafkaMessageBus } from '@closedloop/messaging';
import { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMappingRule } from './column-mapping';
import { importFeedback } from './import-feedback';

const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const rules = ['externalId=id', 'occurredAt=at:datetime', 'customer.email=email', 'survey.surveyId=const:q4', 'survey.metric=const:CSAT', 'survey.score=score:integer'].map(parseMappingRule);

async function keysOnTopic(prefix: string, expected: number): Promise<string[]> {
  const kafka = new Kafka({ clientId: 'import-int', brokers, logLevel: 0 });
  const consumer = kafka.consumer({ groupId: `import-int-${randomUUID()}` });
  const keys: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic: SurveyFeedbackTopic.name, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const key = message.key?.toString() ?? '';
      if (key.startsWith(prefix)) keys.push(key);
    },
  });
  const start = Date.now();
  while (keys.length < expected && Date.now() - start < 30_000) await new Promise((r) => setTimeout(r, 200));
  await new Promise((r) => setTimeout(r, 1000));
  await consumer.disconnect();
  return keys;
}

describe('importFeedback through a real Kafka', () => {
  let bus: KafkaMessageBus;
  beforeAll(async () => {
    bus = new KafkaMessageBus({ brokers, clientId: 'import-int' });
    await bus.ensureTopics([SurveyFeedbackTopic]);
  });
  afterAll(() => bus?.close());

  it('produces valid rows in batches, stops cleanly when interrupted, and resumes where it stopped', async () => {
    const run = randomUUID().slice(0, 8);
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const file = join(dir, 'export.csv');
    const lines = ['id,at,email,score'];
    for (let i = 1; i <= 9; i++) lines.push(`${run}-${i},2026-11-01T10:00:00Z,c${i}@example.com,${i === 4 ? 9 : (i % 5) + 1}`);
    writeFileSync(file, lines.join('\n'));

    const abort = new AbortController();
    const first = await importFeedback({
      source: 'survey', file, format: 'csv', rules, dryRun: false, resume: true, batchSize: 3, bus,
      onProgress: (done) => { if (done >= 3) abort.abort(); },
      signal: abort.signal,
    });
    expect(first).toEqual(expect.objectContaining({ rows: 3, accepted: 3, rejected: 0, interrupted: true }));
    expect(existsSync(`${file}.import-state.json`)).toBe(true);

    const second = await importFeedback({ source: 'survey', file, format: 'csv', rules, dryRun: false, resume: true, batchSize: 3, bus });
    expect(second).toEqual(expect.objectContaining({ resumedAfterRow: 3, rows: 6, accepted: 5, rejected: 1, interrupted: false }));
    expect(second.rejections).toEqual([{ row: 4, reason: 'survey.score: CSAT score must be between 1 and 5, got 9' }]);

    const keys = await keysOnTopic(`survey:${run}-`, 8);
    expect(new Set(keys).size).toBe(8);
    expect(keys).toHaveLength(8);
  });

  it('refuses to resume from a checkpoint of another file version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const file = join(dir, 'export.csv');
    writeFileSync(file, 'id,at,email,score\nx,2026-11-01T10:00:00Z,a@example.com,3\n');
    writeFileSync(`${file}.import-state.json`, JSON.stringify({ file, size: 1, mtimeMs: 1, source: 'survey', lastRow: 1 }));
    await expect(importFeedback({ source: 'survey', file, format: 'csv', rules, dryRun: false, resume: true, batchSize: 3, bus })).rejects.toThrow(
      'belongs to another version of the file',
    );
  });
});
