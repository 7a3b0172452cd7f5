/**
 * ClosedLoop pipeline: Kafka consumers for the stages of the loop (intake, theming, tracking), all of them or
 * the ones PIPELINE_STAGES names.
 */
import { useStructuredLogs } from '@closedloop/platform';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { loadPipelineConfig } from './config';

async function bootstrap(): Promise<void> {
  const env = loadPipelineConfig();
  const app = await NestFactory.create(AppModule.forRoot(env), { bufferLogs: true });
  useStructuredLogs(app);
  app.enableShutdownHooks();
  await app.listen(env.HEALTH_PORT, env.HOST);
  Logger.log(
    `pipeline running stages ${env.PIPELINE_STAGES.join(', ')}; health at http://${env.HOST}:${env.HEALTH_PORT}/health/ready`,
    'Bootstrap',
  );
}

bootstrap().catch((error: unknown) => {
  Logger.error(error instanceof Error ? error.stack : String(error), 'Bootstrap');
  process.exit(1);
});
