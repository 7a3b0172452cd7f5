import { validateDeliveryRetryPolicy } from '@closedloop/notices-domain';
import { DeliveryModule, smtpTransport } from '@closedloop/notifier-feature-delivery';
import {
  DatabaseModule,
  HealthController,
  LoggingModule,
  MessagingModule,
  MetricsModule,
} from '@closedloop/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import type { NotifierEnv } from './config';

@Module({})
export class AppModule {
  static forRoot(env: NotifierEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot('notifier'),
        MetricsModule.forService('notifier', { token: env.METRICS_TOKEN }),
        // The consumer's and the sweeper's workers (NOTIFIER_CONCURRENCY each) each hold one connection at a time.
        DatabaseModule.forRoot({
          url: env.DATABASE_URL,
          runMigrations: env.RUN_MIGRATIONS,
          poolSize: 2 * env.NOTIFIER_CONCURRENCY + 2,
        }),
        MessagingModule.forKafka({
          brokers: env.KAFKA_BROKERS,
          clientId: 'closedloop-notifier',
          partitions: env.KAFKA_PARTITIONS,
        }),
        DeliveryModule.forRoot(
          {
            mailFrom: env.MAIL_FROM,
            publicUrl: env.PUBLIC_URL.replace(/\/$/, ''),
            unsubscribeSecret: env.UNSUBSCRIBE_SECRET,
            messageIdDomain: env.MESSAGE_ID_DOMAIN,
            retry: validateDeliveryRetryPolicy({
              maxAttempts: env.NOTICE_RETRY_MAX_ATTEMPTS,
              initialDelayMs: env.NOTICE_RETRY_INITIAL_MS,
              maxDelayMs: env.NOTICE_RETRY_MAX_MS,
              factor: 2,
            }),
            maxPerSecond: env.NOTIFIER_MAX_PER_SECOND,
            digestMinutes: env.NOTICE_DIGEST_MINUTES,
            digestTimeZone: env.NOTICE_DIGEST_TIME_ZONE,
            sweepIntervalMs: env.NOTICE_SWEEP_SECONDS * 1000,
            sendConcurrency: env.NOTIFIER_CONCURRENCY,
            claimLeaseSeconds: env.NOTICE_CLAIM_LEASE_SECONDS,
          },
          () =>
            smtpTransport({
              host: env.SMTP_HOST,
              port: env.SMTP_PORT,
              secure: env.SMTP_SECURE,
              user: env.SMTP_USER,
              password: env.SMTP_PASSWORD,
              maxConnections: env.NOTIFIER_CONCURRENCY,
            }),
        ),
      ],
      controllers: [HealthController],
    };
  }
}
