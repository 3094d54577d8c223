import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../dialect-migration';

export class AccountSecurity1796457619684 implements MigrationInterface {
  name = 'AccountSecurity1796457619684';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "CREATE TABLE \"temporary_users\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"email\" varchar(254) NOT NULL, \"password_hash\" varchar(255) NOT NULL, \"role\" varchar(16) NOT NULL, \"country_iso3\" varchar(3), \"donor_id\" varchar(36), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"active\" boolean NOT NULL DEFAULT (1), \"deactivated_at\" datetime, \"deactivation_reason\" varchar(500), \"password_status\" varchar(16) NOT NULL DEFAULT ('CHOSEN'), \"token_version\" integer NOT NULL DEFAULT (0), CONSTRAINT \"UQ_97672ac88f789774dd47f7c8be3\" UNIQUE (\"email\"))",
        "INSERT INTO \"temporary_users\"(\"id\", \"email\", \"password_hash\", \"role\", \"country_iso3\", \"donor_id\", \"created_at\") SELECT \"id\", \"email\", \"password_hash\", \"role\", \"country_iso3\", \"donor_id\", \"created_at\" FROM \"users\"",
        "DROP TABLE \"users\"",
        "ALTER TABLE \"temporary_users\" RENAME TO \"users\"",
      ],
      postgres: [
        "ALTER TABLE \"users\" ADD \"active\" boolean NOT NULL DEFAULT true",
        "ALTER TABLE \"users\" ADD \"deactivated_at\" TIMESTAMP",
        "ALTER TABLE \"users\" ADD \"deactivation_reason\" character varying(500)",
        "ALTER TABLE \"users\" ADD \"password_status\" character varying(16) NOT NULL DEFAULT 'CHOSEN'",
        "ALTER TABLE \"users\" ADD \"token_version\" integer NOT NULL DEFAULT '0'",
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "ALTER TABLE \"users\" RENAME TO \"temporary_users\"",
        "CREATE TABLE \"users\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"email\" varchar(254) NOT NULL, \"password_hash\" varchar(255) NOT NULL, \"role\" varchar(16) NOT NULL, \"country_iso3\" varchar(3), \"donor_id\" varchar(36), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_97672ac88f789774dd47f7c8be3\" UNIQUE (\"email\"))",
        "INSERT INTO \"users\"(\"id\", \"email\", \"password_hash\", \"role\", \"country_iso3\", \"donor_id\", \"created_at\") SELECT \"id\", \"email\", \"password_hash\", \"role\", \"country_iso3\", \"donor_id\", \"created_at\" FROM \"temporary_users\"",
        "DROP TABLE \"temporary_users\"",
      ],
      postgres: [
        "ALTER TABLE \"users\" DROP COLUMN \"token_version\"",
        "ALTER TABLE \"users\" DROP COLUMN \"password_status\"",
        "ALTER TABLE \"users\" DROP COLUMN \"deactivation_reason\"",
        "ALTER TABLE \"users\" DROP COLUMN \"deactivated_at\"",
        "ALTER TABLE \"users\" DROP COLUMN \"active\"",
      ],
    });
  }
}
