/**
 * ClosedLoop API: GraphQL for integrators and the portal; produces inbound feedback events.
 */
import {
  servePortal,
  useStructuredLogs,
  useCors,
  useJsonBodyLimit,
  useSecurityHeaders,
} from '@closedloop/platform';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { loadApiConfig } from './config';

async function bootstrap(): Promise<void> {
  const env = loadApiConfig();
  const app = await NestFactory.create(AppModule.forRoot(env), {
    bodyParser: false,
    bufferLogs: true,
  });
  useStructuredLogs(app);
  useSecurityHeaders(app);
  useCors(app, env.CORS_ORIGINS);
  useJsonBodyLimit(app, env.MAX_BODY_BYTES);
  app.enableShutdownHooks();
  if (env.PORTAL_DIR && servePortal(app, env.PORTAL_DIR)) {
    Logger.log(`serving the portal from ${env.PORTAL_DIR}`, 'Bootstrap');
  }
  await app.listen(env.PORT, env.HOST);
  Logger.log(`GraphQL at http://${env.HOST}:${env.PORT}/graphql`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  Logger.error(error instanceof Error ? error.stack : String(error), 'Bootstrap');
  process.exit(1);
});
