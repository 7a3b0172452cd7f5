import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printApiSchema } from './print-schema';

/** The committed schema is what the portal and integrators build against; it must match the code. */
const SCHEMA_FILE = join(__dirname, '..', '..', 'schema.graphql');

describe('committed GraphQL schema', () => {
  it('matches the schema the code produces (regenerate with: npm run schema:generate)', async () => {
    const generated = await printApiSchema();
    if (process.env['UPDATE_SCHEMA'] === '1') {
      writeFileSync(SCHEMA_FILE, generated);
    }
    expect(existsSync(SCHEMA_FILE)).toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });
});
