import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../dialect-migration';

export class NotificationCursors1796411169086 implements MigrationInterface {
  name = 'NotificationCursors1796411169086';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "CREATE TABLE \"notification_cursors\" (\"name\" varchar(60) PRIMARY KEY NOT NULL, \"position\" datetime NOT NULL)",
      ],
      postgres: [
        "CREATE TABLE \"notification_cursors\" (\"name\" character varying(60) NOT NULL, \"position\" TIMESTAMP NOT NULL, CONSTRAINT \"PK_31e22d8f35a8ea1a4e8aab81c86\" PRIMARY KEY (\"name\"))",
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "DROP TABLE \"notification_cursors\"",
      ],
      postgres: [
        "DROP TABLE \"notification_cursors\"",
      ],
    });
  }
}
