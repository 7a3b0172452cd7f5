import { DataSource, type DataSourceOptions } from 'typeorm';
import { ALL_ENTITIES } from './entities';
import { ALL_MIGRATIONS } from './migrations';

export interface DatabaseConfig {
  /** postgres://user@host:port/database */
  readonly url: string;
  /** Run pending migrations when the data source initialises. */
  readonly runMigrations?: boolean;
  /** Connections in the pool; the embedded PGlite server takes one at a time. */
  readonly poolSize?: number;
  readonly logging?: boolean;
}

export function dataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.url,
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsRun: config.runMigrations ?? false,
    synchronize: false,
    logging: config.logging ? ['query', 'error'] : ['error'],
    extra: { max: config.poolSize ?? 10 },
  };
}

export function createDataSource(config: DatabaseConfig): DataSource {
  return new DataSource(dataSourceOptions(config));
}
