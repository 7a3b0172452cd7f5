import { sessionLifetime } from '@closedloop/access-domain';
import { ApiGraphqlModule } from '@closedloop/api-feature-graphql';
import {
  DatabaseModule,
  HealthController,
  LoggingModule,
  MessagingModule,
  MetricsModule,
} from '@closedloop/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import type { ApiEnv } from './config';

@Module({})
export class AppModule {
  static forRoot(env: ApiEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot('api'),
        MetricsModule.forService('api', { token: env.METRICS_TOKEN }),
        DatabaseModule.forRoot({ url: env.DATABASE_URL, runMigrations: env.RUN_MIGRATIONS }),
        MessagingModule.forKafka({
          brokers: env.KAFKA_BROKERS,
          clientId: 'closedloop-api',
          partitions: env.KAFKA_PARTITIONS,
        }),
        ApiGraphqlModule.forRoot({
          unsubscribeSecret: env.UNSUBSCRIBE_SECRET,
          schemaFile: env.GRAPHQL_SCHEMA_FILE,
          ingestRateLimit: {
            ratePerSecond: env.INGEST_RATE_PER_SECOND,
            capacity: env.INGEST_BURST,
          },
          queryLimits: {
            maxDepth: env.GRAPHQL_MAX_DEPTH,
            maxComplexity: env.GRAPHQL_MAX_COMPLEXITY,
          },
          sessionLifetime: sessionLifetime(env.SESSION_IDLE_MINUTES, env.SESSION_MAX_HOURS),
          ...(env.ADMIN_EMAIL &&
            env.ADMIN_PASSWORD && {
              bootstrapAdmin: {
                email: env.ADMIN_EMAIL,
                password: env.ADMIN_PASSWORD,
                name: env.ADMIN_NAME,
              },
            }),
        }),
      ],
      controllers: [HealthController],
    };
  }
}
