import {
  Module,
  type DynamicModule,
  type INestApplication,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { Logger, LoggerModule } from 'nestjs-pino';
import { correlationMiddleware } from './correlation.middleware';
import { logSettingsFrom, pinoHttpOptions, type RequestLogOptions } from './log-options';

/**
 * Structured logs for a service (see pinoHttpOptions) and a correlation id for every HTTP
 * request. Apps import `LoggingModule.forRoot('<service>')`, create the app with
 * `{ bufferLogs: true }` and call `useStructuredLogs(app)`: every `new Logger(context)` in the
 * libraries then writes JSON lines.
 */
@Module({})
export class LoggingModule implements NestModule {
  static forRoot(
    service: string,
    options: RequestLogOptions = {},
    env: NodeJS.ProcessEnv = process.env,
  ): DynamicModule {
    const settings = logSettingsFrom(env);
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: pinoHttpOptions(service, settings, options) })],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(correlationMiddleware).forRoutes('{*splat}');
  }
}

/** Makes the structured logger the application's logger (flushing what was buffered until now). */
export function useStructuredLogs(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
}
