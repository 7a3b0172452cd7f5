export * from './lib/api-graphql.module';
export * from './lib/api.config';
export * from './lib/auth/api-key.service';
export * from './lib/query-limits';
