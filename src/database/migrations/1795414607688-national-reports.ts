import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../dialect-migration';

export class NationalReports1795414607688 implements MigrationInterface {
  name = 'NationalReports1795414607688';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "CREATE TABLE \"national_reports\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"country_iso3\" varchar(3) NOT NULL, \"year\" integer NOT NULL, \"instrument\" varchar(3) NOT NULL, \"language\" varchar(3) NOT NULL, \"format\" varchar(4) NOT NULL, \"file_name\" varchar(255), \"text\" text NOT NULL, \"content_hash\" varchar(64) NOT NULL, \"paragraph_count\" integer NOT NULL, \"need_passage_count\" integer NOT NULL, \"passages_without_theme\" integer NOT NULL, \"created_by\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_national_reports_country_hash\" UNIQUE (\"country_iso3\", \"content_hash\"))",
        "CREATE INDEX \"IDX_49de4c9c1f64ac9abdcbc3a1c4\" ON \"national_reports\" (\"country_iso3\", \"created_at\") ",
      ],
      postgres: [
        "CREATE TABLE \"national_reports\" (\"id\" character varying(36) NOT NULL, \"country_iso3\" character varying(3) NOT NULL, \"year\" integer NOT NULL, \"instrument\" character varying(3) NOT NULL, \"language\" character varying(3) NOT NULL, \"format\" character varying(4) NOT NULL, \"file_name\" character varying(255), \"text\" text NOT NULL, \"content_hash\" character varying(64) NOT NULL, \"paragraph_count\" integer NOT NULL, \"need_passage_count\" integer NOT NULL, \"passages_without_theme\" integer NOT NULL, \"created_by\" character varying(36) NOT NULL, \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"UQ_national_reports_country_hash\" UNIQUE (\"country_iso3\", \"content_hash\"), CONSTRAINT \"PK_1808737ce758b551b9335b538fe\" PRIMARY KEY (\"id\"))",
        "CREATE INDEX \"IDX_49de4c9c1f64ac9abdcbc3a1c4\" ON \"national_reports\"  (\"country_iso3\", \"created_at\") ",
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "DROP INDEX \"IDX_49de4c9c1f64ac9abdcbc3a1c4\"",
        "DROP TABLE \"national_reports\"",
      ],
      postgres: [
        "DROP INDEX \"public\".\"IDX_49de4c9c1f64ac9abdcbc3a1c4\"",
        "DROP TABLE \"national_reports\"",
      ],
    });
  }
}
