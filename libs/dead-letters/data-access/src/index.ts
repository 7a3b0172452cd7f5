export * from './lib/dead-letter';
export * from './lib/dead-letter-from-message';
export * from './lib/replay-message';
export * from './lib/keep-dead-letters';
export * from './lib/dead-letter-queries';
export * from './lib/resolve-dead-letters';
