export * from './lib/api-key';
export * from './lib/token-bucket';
export * from './lib/password';
export * from './lib/roles';
export * from './lib/session-token';
export * from './lib/sign-in-throttle';
export * from './lib/settings';
export * from './lib/sender-settings';
