import { IntakeModule } from '@closedloop/pipeline-feature-intake';
import { ThemingModule } from '@closedloop/pipeline-feature-theming';
import { DatabaseModule, HealthController, MessagingModule } from '@closedloop/platform';
import { encoderDirectoryFromEnv } from '@closedloop/themes-encoder';
import { Module, type DynamicModule } from '@nestjs/common';
import type { PipelineEnv } from './config';

@Module({})
export class AppModule {
  static forRoot(env: PipelineEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot({ url: env.DATABASE_URL, runMigrations: env.RUN_MIGRATIONS }),
        MessagingModule.forKafka({
          brokers: env.KAFKA_BROKERS,
          clientId: 'closedloop-pipeline',
          partitions: env.KAFKA_PARTITIONS,
        }),
        IntakeModule,
        ThemingModule.forRoot({
          encoderDirectory: encoderDirectoryFromEnv(process.env),
        }),
      ],
      controllers: [HealthController],
    };
  }
}
