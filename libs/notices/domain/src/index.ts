export * from './lib/render-notice';
export * from './lib/unsubscribe-token';
