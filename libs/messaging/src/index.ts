export * from './lib/logger';
export * from './lib/message-bus';
export * from './lib/retry-policy';
export * from './lib/permanent-message-error';
export * from './lib/decode-message';
export * from './lib/kafka-message-bus';
export * from './lib/in-memory-message-bus';
export * from './lib/process-batch';
