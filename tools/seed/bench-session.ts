import { createHash, randomBytes } from 'node:crypto';
import type { Client } from 'pg';

/**
 * An admin user (bench@closedloop.test) and a fresh 7-day session for benchmarks; answers the raw
 * bearer token. The sessions table keeps only the token's lowercase hex SHA-256.
 */
export async function createBenchSession(db: Client): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO users (id, email, name, role, password_hash)
     VALUES (md5('seed-bench-user')::uuid, 'bench@closedloop.test', 'Benchmark', 'admin', 'unusable')
     ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `INSERT INTO sessions (id, user_id, token_hash, expires_at)
     VALUES (gen_random_uuid(), md5('seed-bench-user')::uuid, $1, now() + interval '7 days')`,
    [createHash('sha256').update(token).digest('hex')],
  );
  return token;
}
