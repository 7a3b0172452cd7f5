import { sessionLifetime } from '@closedloop/access-domain';
import { ApiGraphqlModule } from '@closedloop/api-feature-graphql';
import { InMemoryMessageBus } from '@closedloop/messaging';
import { DEFAULT_DELIVERY_RETRY } from '@closedloop/notices-domain';
import { DeliveryModule, folderTransport } from '@closedloop/notifier-feature-delivery';
import { IntakeModule } from '@closedloop/pipeline-feature-intake';
import { ThemingModule } from '@closedloop/pipeline-feature-theming';
import { TrackingModule } from '@closedloop/pipeline-feature-tracking';
import { DeadLettersModule } from '@closedloop/pipeline-feature-dead-letters';
import {
  DatabaseModule,
  HealthController,
  LoggingModule,
  MessagingModule,
  MetricsModule,
  nestMessagingLogger,
} from '@closedloop/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import type { EmbeddedConfig } from './config';

/** API, pipeline stages and notifier in one process, over the in-process bus. */
@Module({})
export class AppModule {
  static forRoot(config: EmbeddedConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // The demo seeding polls the API: its requests are logged at debug, so the start stays readable.
        LoggingModule.forRoot('embedded', { quietSuccess: true }),
        MetricsModule.forService('embedded', { token: config.metricsToken }),
        DatabaseModule.forRoot({ url: databaseUrl, runMigrations: true, poolSize: 1 }),
        MessagingModule.forBus(
          (metrics) => new InMemoryMessageBus(nestMessagingLogger('Bus'), metrics?.messaging),
        ),
        ApiGraphqlModule.forRoot({
          unsubscribeSecret: config.unsubscribeSecret,
          sessionLifetime: sessionLifetime(config.sessionIdleMinutes, config.sessionMaxHours),
        }),
        IntakeModule,
        ...('directory' in config.encoder
          ? [ThemingModule.forRoot({ encoderDirectory: config.encoder.directory })]
          : []),
        TrackingModule,
        DeadLettersModule,
        DeliveryModule.forRoot(
          {
            mailFrom: '"ClosedLoop demo" <loop@closedloop.local>',
            publicUrl: config.publicUrl,
            unsubscribeSecret: config.unsubscribeSecret,
            messageIdDomain: 'closedloop.local',
            retry: DEFAULT_DELIVERY_RETRY,
            maxPerSecond: 50,
            digestMinutes: 0,
            sweepIntervalMs: 5_000,
            sendConcurrency: 1,
          },
          () => folderTransport(config.mailDir),
        ),
      ],
      controllers: [HealthController],
    };
  }
}
