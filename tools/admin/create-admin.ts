/**
 * Creates the first admin (or another one) and prints the password once when it was generated.
 *   npm run admin:create -- --email admin@example.com --name "Ada Admin"
 * The password comes from ADMIN_PASSWORD, or is generated. Refuses when the email exists.
 * Uses DATABASE_URL.
 */
import { generatePassword, hashPassword, passwordProblems } from '@closedloop/access-domain';
import { createDataSource } from '@closedloop/persistence';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' } },
  });
  const email = values.email?.trim();
  const name = values.name?.trim() || 'Administrator';
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new Error(
      'usage: npm run admin:create -- --email admin@example.com --name "Ada Admin" (password from ADMIN_PASSWORD or generated)',
    );
  }
  const given = process.env['ADMIN_PASSWORD'];
  const password = given ?? generatePassword();
  const problems = passwordProblems(password, { email, name });
  if (problems.length > 0)
    throw new Error(`ADMIN_PASSWORD is not acceptable: ${problems.join('; ')}`);
  const dataSource = createDataSource({
    url: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/closedloop',
  });
  await dataSource.initialize();
  try {
    const existing: unknown[] = await dataSource.query(
      'SELECT 1 FROM users WHERE lower(email) = lower($1)',
      [email],
    );
    if (existing.length > 0)
      throw new Error(`There is already a user with the email ${email}; nothing changed`);
    await dataSource.query(
      'INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)',
      [randomUUID(), email, name, 'admin', await hashPassword(password)],
    );
    process.stderr.write(`Admin ${email} (${name}) created.\n`);
    if (!given) {
      process.stderr.write(
        'Their password, shown only now (they can change it after signing in):\n',
      );
      process.stdout.write(`${password}\n`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
