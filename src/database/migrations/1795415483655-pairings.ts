import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../dialect-migration';

export class Pairings1795415483655 implements MigrationInterface {
  name = 'Pairings1795415483655';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "CREATE TABLE \"allocation_plans\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"status\" varchar(12) NOT NULL, \"options\" text NOT NULL, \"solve_status\" varchar(16), \"objective\" float, \"greedy_objective\" float, \"upper_bound\" float, \"solve_millis\" integer, \"candidate_count\" integer, \"allocations\" text, \"basis\" text, \"message\" text, \"created_by\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"finished_at\" datetime, \"applied_at\" datetime)",
        "CREATE INDEX \"IDX_274eb3cb92d66ee10742d535f9\" ON \"allocation_plans\" (\"created_at\") ",
        "CREATE TABLE \"progress_reports\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"match_id\" varchar(36) NOT NULL, \"author_id\" varchar(36) NOT NULL, \"period_end\" date NOT NULL, \"narrative\" text NOT NULL, \"disbursed_usd\" integer NOT NULL, \"indicators\" text, \"completed\" boolean NOT NULL DEFAULT (0), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))",
        "CREATE INDEX \"IDX_a5d6ae9fb30c51fc6fea95526b\" ON \"progress_reports\" (\"match_id\", \"created_at\") ",
      ],
      postgres: [
        "CREATE TABLE \"allocation_plans\" (\"id\" character varying(36) NOT NULL, \"status\" character varying(12) NOT NULL, \"options\" text NOT NULL, \"solve_status\" character varying(16), \"objective\" double precision, \"greedy_objective\" double precision, \"upper_bound\" double precision, \"solve_millis\" integer, \"candidate_count\" integer, \"allocations\" text, \"basis\" text, \"message\" text, \"created_by\" character varying(36) NOT NULL, \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), \"finished_at\" TIMESTAMP, \"applied_at\" TIMESTAMP, CONSTRAINT \"PK_ceab3e05cff80ab49e90781707a\" PRIMARY KEY (\"id\"))",
        "CREATE INDEX \"IDX_274eb3cb92d66ee10742d535f9\" ON \"allocation_plans\"  (\"created_at\") ",
        "CREATE TABLE \"progress_reports\" (\"id\" character varying(36) NOT NULL, \"match_id\" character varying(36) NOT NULL, \"author_id\" character varying(36) NOT NULL, \"period_end\" date NOT NULL, \"narrative\" text NOT NULL, \"disbursed_usd\" integer NOT NULL, \"indicators\" text, \"completed\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_175179020a43d5ec75ab1d6a04f\" PRIMARY KEY (\"id\"))",
        "CREATE INDEX \"IDX_a5d6ae9fb30c51fc6fea95526b\" ON \"progress_reports\"  (\"match_id\", \"created_at\") ",
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "DROP INDEX \"IDX_a5d6ae9fb30c51fc6fea95526b\"",
        "DROP TABLE \"progress_reports\"",
        "DROP INDEX \"IDX_274eb3cb92d66ee10742d535f9\"",
        "DROP TABLE \"allocation_plans\"",
      ],
      postgres: [
        "DROP INDEX \"public\".\"IDX_a5d6ae9fb30c51fc6fea95526b\"",
        "DROP TABLE \"progress_reports\"",
        "DROP INDEX \"public\".\"IDX_274eb3cb92d66ee10742d535f9\"",
        "DROP TABLE \"allocation_plans\"",
      ],
    });
  }
}
