import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../dialect-migration';

export class DonorIatiReference1796414322245 implements MigrationInterface {
  name = 'DonorIatiReference1796414322245';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "CREATE TABLE \"temporary_donors\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"name\" varchar(200) NOT NULL, \"kind\" varchar(32) NOT NULL, \"country_iso3\" varchar(3), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"iati_org_ref\" varchar(100), CONSTRAINT \"UQ_da785d6806e4471f2ecc6a002fe\" UNIQUE (\"name\"))",
        "INSERT INTO \"temporary_donors\"(\"id\", \"name\", \"kind\", \"country_iso3\", \"created_at\") SELECT \"id\", \"name\", \"kind\", \"country_iso3\", \"created_at\" FROM \"donors\"",
        "DROP TABLE \"donors\"",
        "ALTER TABLE \"temporary_donors\" RENAME TO \"donors\"",
      ],
      postgres: [
        "ALTER TABLE \"donors\" ADD \"iati_org_ref\" character varying(100)",
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "ALTER TABLE \"donors\" RENAME TO \"temporary_donors\"",
        "CREATE TABLE \"donors\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"name\" varchar(200) NOT NULL, \"kind\" varchar(32) NOT NULL, \"country_iso3\" varchar(3), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_da785d6806e4471f2ecc6a002fe\" UNIQUE (\"name\"))",
        "INSERT INTO \"donors\"(\"id\", \"name\", \"kind\", \"country_iso3\", \"created_at\") SELECT \"id\", \"name\", \"kind\", \"country_iso3\", \"created_at\" FROM \"temporary_donors\"",
        "DROP TABLE \"temporary_donors\"",
      ],
      postgres: [
        "ALTER TABLE \"donors\" DROP COLUMN \"iati_org_ref\"",
      ],
    });
  }
}
