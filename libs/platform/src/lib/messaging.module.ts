import { ALL_TOPICS } from '@closedloop/contracts';
import { KafkaMessageBus, type MessageBus } from '@closedloop/messaging';
import { databaseUnavailable } from '@closedloop/persistence';
import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { ServiceMetrics } from './metrics/service-metrics';
import { nestMessagingLogger } from './nest-messaging-logger';
import { MESSAGE_BUS } from './tokens';

export interface KafkaConfig {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly partitions: number;
}

/**
 * Provides the MessageBus under MESSAGE_BUS, creates the loop's topics at start-up and closes the
 * bus (consumers first, committing what was processed) at shutdown.
 */
@Global()
@Module({})
export class MessagingModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(MESSAGE_BUS) private readonly bus: MessageBus) {}

  static forKafka(config: KafkaConfig): DynamicModule {
    return MessagingModule.forBus(
      (metrics) =>
        new KafkaMessageBus({
          brokers: config.brokers,
          clientId: config.clientId,
          partitions: config.partitions,
          logger: nestMessagingLogger('Kafka'),
          metrics: metrics?.messaging,
          // Every consumer here writes to PostgreSQL: while it is away, messages wait for it
          // instead of using up their attempts and landing in the dead-letter topic.
          outageOf: databaseUnavailable,
        }),
    );
  }

  /**
   * Uses a bus made elsewhere, e.g. the embedded mode's in-process bus. The factory is given the
   * service's metrics when the application has MetricsModule.
   */
  static forBus(factory: (metrics: ServiceMetrics | undefined) => MessageBus): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        {
          provide: MESSAGE_BUS,
          useFactory: (metrics?: ServiceMetrics) => factory(metrics),
          inject: [{ token: ServiceMetrics, optional: true }],
        },
      ],
      exports: [MESSAGE_BUS],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.bus.ensureTopics(ALL_TOPICS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
