export * from './lib/render-notice';
export * from './lib/unsubscribe-token';
export * from './lib/delivery-retry';
