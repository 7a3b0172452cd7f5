export * from './lib/tracking.module';
export * from './lib/tracking.consumer';
export * from './lib/track-theme-assignment';
export * from './lib/track-action-event';
export * from './lib/track-notice-delivered';
