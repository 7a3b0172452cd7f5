/**
 * ClosedLoop notifier: sends change notices over SMTP, once each.
 */
import { useStructuredLogs } from '@closedloop/platform';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { loadNotifierConfig } from './config';

async function bootstrap(): Promise<void> {
  const env = loadNotifierConfig();
  const app = await NestFactory.create(AppModule.forRoot(env), { bufferLogs: true });
  useStructuredLogs(app);
  app.enableShutdownHooks();
  await app.listen(env.HEALTH_PORT, env.HOST);
  Logger.log(
    `notifier running; health at http://${env.HOST}:${env.HEALTH_PORT}/health/ready`,
    'Bootstrap',
  );
}

bootstrap().catch((error: unknown) => {
  Logger.error(error instanceof Error ? error.stack : String(error), 'Bootstrap');
  process.exit(1);
});
