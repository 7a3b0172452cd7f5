export * from './lib/actor';
export * from './lib/audit';
export * from './lib/lineage';
export * from './lib/owner-notices';
export * from './lib/regressions';
export * from './lib/impact';
export * from './lib/loop-measures.sql';
export * from './lib/action-rows';
