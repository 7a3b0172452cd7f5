import { Logger } from '@nestjs/common';
import type { MessagingLogger } from '@closedloop/messaging';

/** Routes the messaging library's logs to Nest's logger. */
export function nestMessagingLogger(context: string): MessagingLogger {
  const logger = new Logger(context);
  const format = (message: string, meta?: Record<string, unknown>) =>
    meta && Object.keys(meta).length > 0 ? `${message} ${JSON.stringify(meta)}` : message;
  return {
    debug: (m, meta) => logger.debug(format(m, meta)),
    info: (m, meta) => logger.log(format(m, meta)),
    warn: (m, meta) => logger.warn(format(m, meta)),
    error: (m, meta) => logger.error(format(m, meta)),
  };
}
