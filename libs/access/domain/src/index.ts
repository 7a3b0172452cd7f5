export * from './lib/api-key';
export * from './lib/token-bucket';
