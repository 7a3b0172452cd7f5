export * from './lib/action-status';
export * from './lib/action-errors';
export * from './lib/plan-transition';
