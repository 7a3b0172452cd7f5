import type { MessageBus } from '@closedloop/messaging';
import { DatabaseModule, MessagingModule } from '@closedloop/platform';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ApiGraphqlModule } from '../lib/api-graphql.module';

export interface TestApi {
  readonly app: INestApplication;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the GraphQL API on a free port, on an already migrated database and the given bus. */
export async function startTestApi(databaseUrl: string, bus: () => MessageBus): Promise<TestApi> {
  @Module({
    imports: [
      DatabaseModule.forRoot({ url: databaseUrl, runMigrations: false, poolSize: 5 }),
      MessagingModule.forBus(bus),
      ApiGraphqlModule.forRoot({ unsubscribeSecret: 'test-unsubscribe-secret' }),
    ],
  })
  class TestApiModule {}
  const app = await NestFactory.create(TestApiModule, { logger: ['error'] });
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, close: () => app.close() };
}

/**
 * Inserts a CX lead and a session for them and answers the raw bearer token (the sessions table
 * keeps only its SHA-256), so requests pass the portal's session guard.
 */
export async function createTestSession(dataSource: DataSource): Promise<string> {
  const userId = randomUUID();
  const token = randomBytes(32).toString('base64url');
  await dataSource.query(
    `INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, 'Test Lead', 'cx_lead', 'unusable')`,
    [userId, `lead-${userId}@example.com`],
  );
  await dataSource.query(
    `INSERT INTO sessions (id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`,
    [randomUUID(), userId, createHash('sha256').update(token).digest('hex')],
  );
  return token;
}

export interface GraphqlResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Posts one GraphQL operation with the session token. */
export async function postGraphql<T>(
  api: TestApi,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlResponse<T>> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlResponse<T>;
}
