import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../dialect-migration';

export class MatchesListedByScore1796236248143 implements MigrationInterface {
  name = 'MatchesListedByScore1796236248143';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "DROP INDEX \"IDX_3b073f8dff19bb91db4b9169e2\"",
        "CREATE INDEX \"IDX_matches_score_status\" ON \"matches\" (\"score\", \"status\") ",
      ],
      postgres: [
        "DROP INDEX \"public\".\"IDX_3b073f8dff19bb91db4b9169e2\"",
        "CREATE INDEX \"IDX_matches_score_status\" ON \"matches\"  (\"score\", \"status\") ",
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "DROP INDEX \"IDX_matches_score_status\"",
        "CREATE INDEX \"IDX_3b073f8dff19bb91db4b9169e2\" ON \"matches\" (\"status\", \"score\") ",
      ],
      postgres: [
        "DROP INDEX \"public\".\"IDX_matches_score_status\"",
        "CREATE INDEX \"IDX_3b073f8dff19bb91db4b9169e2\" ON \"matches\" (\"status\", \"score\") ",
      ],
    });
  }
}
