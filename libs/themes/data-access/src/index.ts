export * from './lib/theme-space-store';
export * from './lib/sync-theme-rows';
export * from './lib/theme-feedback';
export * from './lib/theme-daily-stats';
export * from './lib/emerging-themes';
