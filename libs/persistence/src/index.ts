export * from './lib/entities';
export * from './lib/data-source';
export * from './lib/migrations';
export * from './lib/customer-resolver';
export * from './lib/outbox/enqueue-outbox';
export * from './lib/outbox/outbox-relay';
export * from './lib/sql/values-list';
export * from './lib/sql/is-uuid';
