import type { QueryRunner } from 'typeorm';
import { dialectOf } from './driver-adapter';

export interface DialectStatements {
  sqlite: string[];
  postgres: string[];
}

/**
 * Migrations carry the exact SQL TypeORM's schema builder produces for each supported database
 * (written by `npm run migration:generate`), so one migration list serves SQLite and PostgreSQL
 * and the schema always equals what the entities describe.
 */
export async function runForDialect(queryRunner: QueryRunner, statements: DialectStatements): Promise<void> {
  const dialect = dialectOf(queryRunner.connection);
  for (const sql of statements[dialect]) {
    await queryRunner.query(sql);
  }
}
