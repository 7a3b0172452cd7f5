/**
 * ClosedLoop on embedded defaults: one process with the API, the pipeline stages and the notifier
 * over an in-process bus, PostgreSQL as WebAssembly (PGlite) and a mail folder instead of SMTP.
 * For trying the product and for development: `npm start`.
 */
import { ApiKeyService, SessionService, UserService } from '@closedloop/api-feature-graphql';
import {
  servePortal,
  useStructuredLogs,
  useJsonBodyLimit,
  useSecurityHeaders,
} from '@closedloop/platform';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { loadEmbeddedConfig } from './config';
import { ensureDemoPeople } from './demo/demo-people';
import { seedDemoData } from './demo/seed-demo-data';
import { startEmbeddedDatabase } from './embedded-database';

const EMBEDDED_KEY_NAME = 'embedded mode';

async function bootstrap(): Promise<void> {
  const config = loadEmbeddedConfig();
  const database = await startEmbeddedDatabase(config.databaseDir, config.pglitePort);
  const app = await NestFactory.create(AppModule.forRoot(config, database.url), {
    bodyParser: false,
    bufferLogs: true,
  });
  useStructuredLogs(app);
  useSecurityHeaders(app);
  useJsonBodyLimit(app, 8 * 1024 * 1024);
  const portal = servePortal(app, config.portalDir);
  await app.listen(config.port, config.host);
  // A fresh integrator key for every start of the embedded mode; earlier ones are revoked.
  const keys = app.get(ApiKeyService);
  await keys.revokeByName(EMBEDDED_KEY_NAME);
  const demoKey = await keys.create(
    EMBEDDED_KEY_NAME,
    ['survey', 'social', 'crm', 'staff'],
    'embedded mode',
  );
  const people = await ensureDemoPeople(app.get(UserService), config.admin);
  if (config.demoData) {
    const lead = people.find((p) => p.role === 'cx_lead');
    if (!lead) throw new Error('no demo CX lead to seed the demo data with');
    const session = await app
      .get(SessionService)
      .signIn(lead.email, lead.password, 'embedded mode');
    await seedDemoData(
      config.publicUrl,
      demoKey.key,
      { token: session.token, userId: session.userId },
      'directory' in config.encoder,
    );
    await app.get(SessionService).revokeSessionsOf(session.userId);
  }
  const stop = async () => {
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  const lines = [
    '',
    `  ClosedLoop is running at ${config.publicUrl}`,
    portal ? `  Portal:  ${config.publicUrl}/` : `  Portal:  not built (run: npx nx build portal)`,
    `  GraphQL: ${config.publicUrl}/graphql`,
    `  Sign in (passwords for this run only${config.admin ? ', except ADMIN_PASSWORD' : ''}):`,
    ...people.map(
      (p) => `    ${p.role === 'admin' ? 'admin   ' : 'CX lead '} ${p.email}  ${p.password}`,
    ),
    `  Integrator API key (this run only): ${demoKey.key}`,
    `  Mail folder: ${config.mailDir}`,
    'missing' in config.encoder
      ? `  Themes:  off, feedback is not grouped into themes (${config.encoder.missing})`
      : `  Themes:  on (sentence encoder in ${config.encoder.directory})`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

bootstrap().catch((error: unknown) => {
  Logger.error(error instanceof Error ? error.stack : String(error), 'Bootstrap');
  process.exit(1);
});
