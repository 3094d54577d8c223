import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../dialect-migration';

export class OutboxJobIndex1795422261505 implements MigrationInterface {
  name = 'OutboxJobIndex1795422261505';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "CREATE INDEX \"IDX_27cca70e16fbb22c019ccd688f\" ON \"outbox_messages\" (\"job_name\", \"created_at\") ",
      ],
      postgres: [
        "CREATE INDEX \"IDX_27cca70e16fbb22c019ccd688f\" ON \"outbox_messages\"  (\"job_name\", \"created_at\") ",
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "DROP INDEX \"IDX_27cca70e16fbb22c019ccd688f\"",
      ],
      postgres: [
        "DROP INDEX \"public\".\"IDX_27cca70e16fbb22c019ccd688f\"",
      ],
    });
  }
}
