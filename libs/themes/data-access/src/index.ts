export * from './lib/theme-space-store';
export * from './lib/save-engine-changes';
export * from './lib/stored-items';
export * from './lib/theme-feedback';
export * from './lib/theme-daily-stats';
export * from './lib/emerging-themes';
export * from './lib/carry-action-links';
