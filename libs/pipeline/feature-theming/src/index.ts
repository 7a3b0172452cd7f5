export * from './lib/theming.module';
export * from './lib/theming.consumer';
export * from './lib/theme-feedback-batch';
