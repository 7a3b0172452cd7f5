import { Client } from 'pg';
import { stackEnv } from './stack-env';

/** A fresh database per run, so counts in the test are exact. */
export async function createRunDatabase(name: string): Promise<string> {
  const admin = new Client({ connectionString: stackEnv.postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(stackEnv.postgresAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropRunDatabase(name: string): Promise<void> {
  const admin = new Client({ connectionString: stackEnv.postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** An integrator API key stored the way the api stores them (hashed), for the given scopes. */
export async function createApiKey(url: string, scopes: string[]): Promise<string> {
  const { generateApiKey } = await import('@closedloop/access-domain');
  const { randomUUID } = await import('node:crypto');
  const { key, prefix, hash } = generateApiKey();
  await query(
    url,
    'INSERT INTO api_keys (id, name, prefix, key_hash, scopes, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
    [randomUUID(), `e2e ${scopes.join('+')}`, prefix, hash, scopes, 'loop-e2e'],
  );
  return key;
}

/** A person who signs in to the portal, stored the way the api stores them (scrypt hash). */
export async function createUser(
  url: string,
  user: { email: string; name: string; role: 'viewer' | 'cx_lead' | 'admin'; password: string },
): Promise<void> {
  const { hashPassword } = await import('@closedloop/access-domain');
  const { randomUUID } = await import('node:crypto');
  await query(
    url,
    'INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)',
    [randomUUID(), user.email, user.name, user.role, await hashPassword(user.password)],
  );
}
