import { createDataSource, type DatabaseConfig } from '@closedloop/persistence';
import {
  Global,
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxRelayService } from './outbox-relay.service';

const CONNECT_ATTEMPTS = 10;

/** Connects, retrying while the database starts, and runs pending migrations when configured. */
async function connect(config: DatabaseConfig): Promise<DataSource> {
  const logger = new Logger('Database');
  for (let attempt = 1; ; attempt++) {
    const dataSource = createDataSource(config);
    try {
      await dataSource.initialize();
      if (config.runMigrations) {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        if (applied.length > 0)
          logger.log(`applied migrations: ${applied.map((m) => m.name).join(', ')}`);
      }
      return dataSource;
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy();
      if (attempt >= CONNECT_ATTEMPTS) throw error;
      logger.warn(
        `database not reachable (attempt ${attempt}/${CONNECT_ATTEMPTS}): ${(error as Error).message}`,
      );
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 500 * attempt)));
    }
  }
}

/** TypeORM's DataSource on PostgreSQL (or the embedded PGlite server), and the outbox relay. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(config: DatabaseConfig): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DataSource, useFactory: () => connect(config) }, OutboxRelayService],
      exports: [DataSource, OutboxRelayService],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
