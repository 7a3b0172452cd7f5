import { envChoices, envFlag, envList, loadConfig, metricsTokenEnv } from '@closedloop/platform';
import { z } from 'zod';

/** The loop's stages a pipeline process can run; each is its own consumer group. */
export const PIPELINE_STAGES = ['intake', 'theming', 'tracking', 'dead-letters'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

const PipelineEnvSchema = z.object({
  HOST: z.string().default('0.0.0.0'),
  HEALTH_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  METRICS_TOKEN: metricsTokenEnv(),
  DATABASE_URL: z.string().url(),
  RUN_MIGRATIONS: envFlag(false),
  KAFKA_BROKERS: envList('127.0.0.1:9092'),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).default(3),
  /** Which stages this process runs, e.g. `intake` here and `theming` in another deployment. */
  PIPELINE_STAGES: envChoices(PIPELINE_STAGES, PIPELINE_STAGES),
  /** The theme encoder's model directory; default: where `npm run models:fetch` puts it. */
  THEME_ENCODER_DIR: z.string().min(1).optional(),
});

export type PipelineEnv = z.infer<typeof PipelineEnvSchema>;

export const loadPipelineConfig = (): PipelineEnv => loadConfig(PipelineEnvSchema);
