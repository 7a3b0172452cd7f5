import { Logger } from '@nestjs/common';
import type { MessagingLogger } from '@closedloop/messaging';

/**
 * Routes the messaging library's logs to Nest's logger; with structured logs (LoggingModule) the
 * details become fields of the entry, not text in its message.
 */
export function nestMessagingLogger(context: string): MessagingLogger {
  const logger = new Logger(context);
  const entry = (message: string, meta?: Record<string, unknown>) =>
    meta && Object.keys(meta).length > 0 ? { ...meta, message } : message;
  return {
    debug: (m, meta) => logger.debug(entry(m, meta)),
    info: (m, meta) => logger.log(entry(m, meta)),
    warn: (m, meta) => logger.warn(entry(m, meta)),
    error: (m, meta) => logger.error(entry(m, meta)),
  };
}
