import { DeadLettersModule } from '@closedloop/pipeline-feature-dead-letters';
import { IntakeModule } from '@closedloop/pipeline-feature-intake';
import { ThemingModule } from '@closedloop/pipeline-feature-theming';
import { TrackingModule } from '@closedloop/pipeline-feature-tracking';
import {
  DatabaseModule,
  HealthController,
  LoggingModule,
  MessagingModule,
  MetricsModule,
} from '@closedloop/platform';
import { encoderDirectoryFromEnv } from '@closedloop/themes-encoder';
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { PipelineEnv, PipelineStage } from './config';

/** The module of each stage: its consumer and what it needs beyond the database and the bus. */
const STAGE_MODULES: Readonly<Record<PipelineStage, () => Type | DynamicModule>> = {
  intake: () => IntakeModule,
  theming: () => ThemingModule.forRoot({ encoderDirectory: encoderDirectoryFromEnv(process.env) }),
  tracking: () => TrackingModule,
  'dead-letters': () => DeadLettersModule,
};

@Module({})
export class AppModule {
  static forRoot(env: PipelineEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot('pipeline'),
        MetricsModule.forService('pipeline', { token: env.METRICS_TOKEN }),
        DatabaseModule.forRoot({ url: env.DATABASE_URL, runMigrations: env.RUN_MIGRATIONS }),
        MessagingModule.forKafka({
          brokers: env.KAFKA_BROKERS,
          clientId: 'closedloop-pipeline',
          partitions: env.KAFKA_PARTITIONS,
        }),
        ...env.PIPELINE_STAGES.map((stage) => STAGE_MODULES[stage]()),
      ],
      controllers: [HealthController],
    };
  }
}
