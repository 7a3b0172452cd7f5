import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMappingRule } from './column-mapping';
import { importFeedback } from './import-feedback';

const rules = [
  'externalId=id',
  'occurredAt=at:datetime',
  'customer.email=email',
  'survey.surveyId=const:q4',
  'survey.metric=const:NPS',
  'survey.score=score:integer',
  'survey.comment=comment',
].map(parseMappingRule);

describe('importFeedback, dry run', () => {
  it('reports every invalid row by number and reason, and produces nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const file = join(dir, 'export.csv');
    writeFileSync(
      file,
      [
        'id,at,email,score,comment',
        'r1,2026-11-01T10:00:00Z,a@example.com,9,Great',
        'r2,2026-11-01T10:00:00Z,not-an-email,9,Hmm',
        'r3,2026-11-01T10:00:00Z,c@example.com,11,Too high',
        'r1,2026-11-01T10:00:00Z,a@example.com,9,Again',
        'r5,yesterday,e@example.com,5,When?',
        'r6,2026-11-01T10:00:00Z,f@example.com,0,"Comma, inside"',
      ].join('\n'),
    );
    const report = await importFeedback({ source: 'survey', file, format: 'csv', rules, dryRun: true, resume: false, batchSize: 2 });
    expect(report).toEqual(
      expect.objectContaining({ rows: 6, accepted: 2, duplicates: 1, rejected: 3, interrupted: false }),
    );
    expect(report.rejections).toEqual([
      { row: 2, reason: expect.stringMatching(/^customer\.email: /) },
      { row: 3, reason: 'survey.score: NPS score must be between 0 and 10, got 11' },
      { row: 5, reason: 'column at: "yesterday" is not a date and time' },
    ]);
  });

  it('reads JSONL with nested keys and names a line that is not JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const file = join(dir, 'export.jsonl');
    writeFileSync(file, ['{"id":"p1","at":"2026-11-01T10:00:00Z","author":{"handle":"@a"},"text":"hi","followers":3}', '{broken'].join('\n'));
    const report = await importFeedback({
      source: 'social',
      file,
      format: 'jsonl',
      rules: ['externalId=id', 'occurredAt=at', 'social.platform=const:x', 'social.authorHandle=author.handle', 'social.text=text', 'social.reach.followers=followers:integer', 'social.reach.likes=const:0', 'social.isPublic=const:true'].map(parseMappingRule),
      dryRun: true,
      resume: false,
      batchSize: 10,
    });
    expect(report.rejections).toEqual([
      { row: 1, reason: expect.stringContaining('social.reach.likes') },
      { row: 2, reason: expect.stringMatching(/^not JSON/) },
    ]);
  });
});
