import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../dialect-migration';

export class MatchingRunsAndOutbox1795414698470 implements MigrationInterface {
  name = 'MatchingRunsAndOutbox1795414698470';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "CREATE TABLE \"matching_runs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"started_by\" varchar(36), \"weights\" text NOT NULL, \"status\" varchar(16) NOT NULL, \"pairs_scored\" integer NOT NULL DEFAULT (0), \"matches_upserted\" integer NOT NULL DEFAULT (0), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"started_at\" datetime, \"finished_at\" datetime, \"error\" text, \"duration_ms\" integer)",
        "CREATE INDEX \"IDX_a87e3f30ab4404b12b44edac54\" ON \"matching_runs\" (\"status\", \"finished_at\") ",
        "CREATE TABLE \"outbox_messages\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"job_name\" varchar(60) NOT NULL, \"payload\" text NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"dispatched_at\" datetime)",
        "CREATE INDEX \"IDX_16000e4fce10c5e90707526b88\" ON \"outbox_messages\" (\"dispatched_at\", \"created_at\") ",
      ],
      postgres: [
        "CREATE TABLE \"matching_runs\" (\"id\" character varying(36) NOT NULL, \"started_by\" character varying(36), \"weights\" text NOT NULL, \"status\" character varying(16) NOT NULL, \"pairs_scored\" integer NOT NULL DEFAULT '0', \"matches_upserted\" integer NOT NULL DEFAULT '0', \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), \"started_at\" TIMESTAMP, \"finished_at\" TIMESTAMP, \"error\" text, \"duration_ms\" integer, CONSTRAINT \"PK_c0bebed77bb3aa81e48b4654d40\" PRIMARY KEY (\"id\"))",
        "CREATE INDEX \"IDX_a87e3f30ab4404b12b44edac54\" ON \"matching_runs\"  (\"status\", \"finished_at\") ",
        "CREATE TABLE \"outbox_messages\" (\"id\" character varying(36) NOT NULL, \"job_name\" character varying(60) NOT NULL, \"payload\" text NOT NULL, \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), \"dispatched_at\" TIMESTAMP, CONSTRAINT \"PK_0171348f527c64b137e4d4f5b66\" PRIMARY KEY (\"id\"))",
        "CREATE INDEX \"IDX_16000e4fce10c5e90707526b88\" ON \"outbox_messages\"  (\"dispatched_at\", \"created_at\") ",
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "DROP INDEX \"IDX_16000e4fce10c5e90707526b88\"",
        "DROP TABLE \"outbox_messages\"",
        "DROP INDEX \"IDX_a87e3f30ab4404b12b44edac54\"",
        "DROP TABLE \"matching_runs\"",
      ],
      postgres: [
        "DROP INDEX \"public\".\"IDX_16000e4fce10c5e90707526b88\"",
        "DROP TABLE \"outbox_messages\"",
        "DROP INDEX \"public\".\"IDX_a87e3f30ab4404b12b44edac54\"",
        "DROP TABLE \"matching_runs\"",
      ],
    });
  }
}
