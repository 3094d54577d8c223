import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions, DataSourceEntities } from './database-options';
import { queueSqliteTransactions } from './sqlite-transaction-queue';
import { attachWalCheckpointer } from './wal-checkpointer';

/**
 * The API applies pending migrations before it serves; the worker only connects (it never changes
 * the schema), so a worker that starts first cannot race the API's migration.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: { runMigrations: boolean; entities: DataSourceEntities }) {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions(config, options.entities),
            migrationsRun: options.runMigrations,
            migrationsTransactionMode: 'each' as const,
          }),
          dataSourceFactory: async (options?: DataSourceOptions) => {
            const dataSource = new DataSource(options!);
            queueSqliteTransactions(dataSource);
            attachWalCheckpointer(dataSource);
            return dataSource.initialize();
          },
        }),
      ],
    };
  }
}
