/**
 * The data source the TypeORM CLI uses to generate and run migrations:
 *   npm run db:migrate           apply pending migrations to DATABASE_URL
 *   npm run db:migration:generate -- libs/persistence/src/lib/migrations/<Name>
 */
import { createDataSource } from './data-source';

export default createDataSource({
  url: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/closedloop',
});
