import { IntakeModule } from '@closedloop/pipeline-feature-intake';
import { ThemingModule } from '@closedloop/pipeline-feature-theming';
import { TrackingModule } from '@closedloop/pipeline-feature-tracking';
import { AppModule } from './app.module';
import type { PipelineEnv, PipelineStage } from './config';

describe('pipeline composition', () => {
  const env = (stages: PipelineStage[]): PipelineEnv => ({
    HOST: '127.0.0.1',
    HEALTH_PORT: 3001,
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/closedloop',
    RUN_MIGRATIONS: false,
    KAFKA_BROKERS: ['127.0.0.1:9092'],
    KAFKA_PARTITIONS: 3,
    PIPELINE_STAGES: stages,
  });
  const stageModules = (stages: PipelineStage[]) =>
    (AppModule.forRoot(env(stages)).imports ?? [])
      .map((m) => (typeof m === 'object' && 'module' in m ? m.module : m))
      .filter((m) => m === IntakeModule || m === ThemingModule || m === TrackingModule);

  it('imports the module of each stage it runs, and only those', () => {
    expect(stageModules(['intake', 'theming'])).toEqual([IntakeModule, ThemingModule]);
    expect(stageModules(['intake'])).toEqual([IntakeModule]);
    expect(stageModules(['theming'])).toEqual([ThemingModule]);
    expect(stageModules(['tracking'])).toEqual([TrackingModule]);
    expect(stageModules(['intake', 'theming', 'tracking'])).toEqual([
      IntakeModule,
      ThemingModule,
      TrackingModule,
    ]);
  });
});
