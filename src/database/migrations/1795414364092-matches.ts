import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../dialect-migration';

export class Matches1795414364092 implements MigrationInterface {
  name = 'Matches1795414364092';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "CREATE TABLE \"matches\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"need_id\" varchar(36) NOT NULL, \"offer_id\" varchar(36) NOT NULL, \"score\" float NOT NULL, \"breakdown\" text NOT NULL, \"explanation\" text NOT NULL, \"status\" varchar(20) NOT NULL, \"version\" integer NOT NULL DEFAULT (1), \"allocated_usd\" integer, \"run_id\" varchar(36), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_matches_need_offer\" UNIQUE (\"need_id\", \"offer_id\"))",
        "CREATE INDEX \"IDX_3b073f8dff19bb91db4b9169e2\" ON \"matches\" (\"status\", \"score\") ",
        "CREATE INDEX \"IDX_38b090a01b6eb0f461c0363196\" ON \"matches\" (\"offer_id\", \"status\") ",
      ],
      postgres: [
        "CREATE TABLE \"matches\" (\"id\" character varying(36) NOT NULL, \"need_id\" character varying(36) NOT NULL, \"offer_id\" character varying(36) NOT NULL, \"score\" double precision NOT NULL, \"breakdown\" text NOT NULL, \"explanation\" text NOT NULL, \"status\" character varying(20) NOT NULL, \"version\" integer NOT NULL DEFAULT '1', \"allocated_usd\" integer, \"run_id\" character varying(36), \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"UQ_matches_need_offer\" UNIQUE (\"need_id\", \"offer_id\"), CONSTRAINT \"PK_8a22c7b2e0828988d51256117f4\" PRIMARY KEY (\"id\"))",
        "CREATE INDEX \"IDX_3b073f8dff19bb91db4b9169e2\" ON \"matches\"  (\"status\", \"score\") ",
        "CREATE INDEX \"IDX_38b090a01b6eb0f461c0363196\" ON \"matches\"  (\"offer_id\", \"status\") ",
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "DROP INDEX \"IDX_38b090a01b6eb0f461c0363196\"",
        "DROP INDEX \"IDX_3b073f8dff19bb91db4b9169e2\"",
        "DROP TABLE \"matches\"",
      ],
      postgres: [
        "DROP INDEX \"public\".\"IDX_38b090a01b6eb0f461c0363196\"",
        "DROP INDEX \"public\".\"IDX_3b073f8dff19bb91db4b9169e2\"",
        "DROP TABLE \"matches\"",
      ],
    });
  }
}
