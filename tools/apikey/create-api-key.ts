/**
 * Creates an integrator API key and prints it once (it is stored only as a hash).
 *   npm run apikey:create -- --name "Survey tool" --scopes survey,social [--by admin@example.com]
 * Uses DATABASE_URL. Admins will also manage keys in the portal once people and roles exist.
 */
import { generateApiKey, parseScopes } from '@closedloop/access-domain';
import { createDataSource } from '@closedloop/persistence';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, scopes: { type: 'string' }, by: { type: 'string', default: 'cli' } },
  });
  if (!values.name || !values.scopes) {
    throw new Error('usage: npm run apikey:create -- --name NAME --scopes survey,social,crm,staff');
  }
  const scopes = parseScopes(values.scopes.split(',').map((s) => s.trim()));
  const dataSource = createDataSource({ url: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/closedloop' });
  await dataSource.initialize();
  try {
    const { key, prefix, hash } = generateApiKey();
    await dataSource.query(
      'INSERT INTO api_keys (id, name, prefix, key_hash, scopes, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
      [randomUUID(), values.name, prefix, hash, scopes, values.by],
    );
    process.stderr.write(`API key "${values.name}" (${prefix}) for ${scopes.join(', ')}; it is shown only now:\n`);
    process.stdout.write(`${key}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
