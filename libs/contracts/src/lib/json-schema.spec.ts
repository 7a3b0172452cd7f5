import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { topicJsonSchema } from './json-schema';
import { ALL_TOPICS } from './topics';

/** docs/contracts holds one JSON Schema per topic; this test fails when they drift from the code. */
const DIR = join(__dirname, '..', '..', '..', '..', 'docs', 'contracts');

describe('published JSON Schemas', () => {
  it.each(ALL_TOPICS.map((t) => [t.name, t] as const))(
    '%s matches the contract (regenerate: npm run contracts:generate)',
    (name, topic) => {
      const generated = `${JSON.stringify(topicJsonSchema(topic), null, 2)}\n`;
      const file = join(DIR, `${name}.schema.json`);
      if (process.env['UPDATE_CONTRACTS'] === '1') {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(file, generated);
      }
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(generated);
    },
  );

  it('describes the survey event with its required fields', () => {
    const schema = topicJsonSchema(ALL_TOPICS[0] as never) as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'schemaVersion',
        'source',
        'externalId',
        'occurredAt',
        'customer',
        'survey',
      ]),
    );
  });
});
