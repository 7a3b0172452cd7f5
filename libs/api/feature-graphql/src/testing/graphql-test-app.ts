import { InMemoryMessageBus } from '@closedloop/messaging';
import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { DatabaseModule, MessagingModule } from '@closedloop/platform';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Module, type DynamicModule } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { ApiGraphqlModule } from '../lib/api-graphql.module';
import type { ApiConfig } from '../lib/api.config';

export interface GraphqlTestApp {
  readonly app: INestApplication;
  readonly db: TestDatabase;
  readonly url: string;
  /** Posts an operation; returns the body as the client sees it. */
  call(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<{
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  }>;
  close(): Promise<void>;
}

@Module({})
class TestAppModule {
  static forRoot(url: string, config: Partial<ApiConfig>): DynamicModule {
    return {
      module: TestAppModule,
      imports: [
        DatabaseModule.forRoot({ url, runMigrations: false, poolSize: 4 }),
        MessagingModule.forBus(() => new InMemoryMessageBus()),
        ApiGraphqlModule.forRoot({
          unsubscribeSecret: 'test-unsubscribe-secret-0123456789',
          ...config,
        }),
      ],
    };
  }
}

/** The GraphQL API on a fresh, migrated PostgreSQL database and the in-process bus, on a free port. */
export async function startGraphqlTestApp(
  config: Partial<ApiConfig> = {},
): Promise<GraphqlTestApp> {
  const db = await createTestDatabase();
  const app = await NestFactory.create(TestAppModule.forRoot(db.url, config), { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}/graphql`;
  return {
    app,
    db,
    url,
    call: async (query, variables = {}, token) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token && { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as Awaited<ReturnType<GraphqlTestApp['call']>>;
    },
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
