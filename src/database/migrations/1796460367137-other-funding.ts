import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../dialect-migration';

export class OtherFunding1796460367137 implements MigrationInterface {
  name = 'OtherFunding1796460367137';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "CREATE TABLE \"need_other_funding\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"need_id\" varchar(36) NOT NULL, \"funder_name\" varchar(200) NOT NULL, \"amount_usd\" integer NOT NULL, \"funded_on\" date NOT NULL, \"note\" text, \"recorded_by\" varchar(36) NOT NULL, \"recorded_at\" datetime NOT NULL DEFAULT (datetime('now')))",
        "CREATE INDEX \"IDX_07188a067fc4ef4bed12a407ce\" ON \"need_other_funding\" (\"need_id\", \"recorded_at\") ",
        "DROP INDEX \"IDX_cfb0866e6f0cfaf3c2aa945cf1\"",
        "DROP INDEX \"IDX_208ecce275d32ea76a0a4428de\"",
        "CREATE TABLE \"temporary_needs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"country_iso3\" varchar(3) NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" text NOT NULL, \"status\" varchar(16) NOT NULL, \"visibility\" varchar(16) NOT NULL, \"priority\" integer NOT NULL, \"assistance_types\" text NOT NULL, \"estimated_budget_usd\" integer NOT NULL, \"funded_usd\" integer NOT NULL DEFAULT (0), \"start_date\" date, \"end_date\" date, \"national_action_plan\" boolean NOT NULL DEFAULT (0), \"baseline_assessment\" boolean NOT NULL DEFAULT (0), \"gender_component\" boolean NOT NULL DEFAULT (0), \"multi_year\" boolean NOT NULL DEFAULT (0), \"conflict_affected\" boolean NOT NULL DEFAULT (0), \"national_report_id\" varchar(36), \"source_excerpt\" text, \"created_by\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"version\" integer NOT NULL, \"funded_elsewhere_usd\" integer NOT NULL DEFAULT (0))",
        "INSERT INTO \"temporary_needs\"(\"id\", \"country_iso3\", \"title\", \"description\", \"status\", \"visibility\", \"priority\", \"assistance_types\", \"estimated_budget_usd\", \"funded_usd\", \"start_date\", \"end_date\", \"national_action_plan\", \"baseline_assessment\", \"gender_component\", \"multi_year\", \"conflict_affected\", \"national_report_id\", \"source_excerpt\", \"created_by\", \"created_at\", \"updated_at\", \"version\") SELECT \"id\", \"country_iso3\", \"title\", \"description\", \"status\", \"visibility\", \"priority\", \"assistance_types\", \"estimated_budget_usd\", \"funded_usd\", \"start_date\", \"end_date\", \"national_action_plan\", \"baseline_assessment\", \"gender_component\", \"multi_year\", \"conflict_affected\", \"national_report_id\", \"source_excerpt\", \"created_by\", \"created_at\", \"updated_at\", \"version\" FROM \"needs\"",
        "DROP TABLE \"needs\"",
        "ALTER TABLE \"temporary_needs\" RENAME TO \"needs\"",
        "CREATE INDEX \"IDX_cfb0866e6f0cfaf3c2aa945cf1\" ON \"needs\" (\"country_iso3\", \"status\") ",
        "CREATE INDEX \"IDX_208ecce275d32ea76a0a4428de\" ON \"needs\" (\"status\", \"created_at\") ",
      ],
      postgres: [
        "CREATE TABLE \"need_other_funding\" (\"id\" character varying(36) NOT NULL, \"need_id\" character varying(36) NOT NULL, \"funder_name\" character varying(200) NOT NULL, \"amount_usd\" integer NOT NULL, \"funded_on\" date NOT NULL, \"note\" text, \"recorded_by\" character varying(36) NOT NULL, \"recorded_at\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_d714e281f29265669c62ed29345\" PRIMARY KEY (\"id\"))",
        "CREATE INDEX \"IDX_07188a067fc4ef4bed12a407ce\" ON \"need_other_funding\"  (\"need_id\", \"recorded_at\") ",
        "ALTER TABLE \"needs\" ADD \"funded_elsewhere_usd\" integer NOT NULL DEFAULT '0'",
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "DROP INDEX \"IDX_208ecce275d32ea76a0a4428de\"",
        "DROP INDEX \"IDX_cfb0866e6f0cfaf3c2aa945cf1\"",
        "ALTER TABLE \"needs\" RENAME TO \"temporary_needs\"",
        "CREATE TABLE \"needs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"country_iso3\" varchar(3) NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" text NOT NULL, \"status\" varchar(16) NOT NULL, \"visibility\" varchar(16) NOT NULL, \"priority\" integer NOT NULL, \"assistance_types\" text NOT NULL, \"estimated_budget_usd\" integer NOT NULL, \"funded_usd\" integer NOT NULL DEFAULT (0), \"start_date\" date, \"end_date\" date, \"national_action_plan\" boolean NOT NULL DEFAULT (0), \"baseline_assessment\" boolean NOT NULL DEFAULT (0), \"gender_component\" boolean NOT NULL DEFAULT (0), \"multi_year\" boolean NOT NULL DEFAULT (0), \"conflict_affected\" boolean NOT NULL DEFAULT (0), \"national_report_id\" varchar(36), \"source_excerpt\" text, \"created_by\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"version\" integer NOT NULL)",
        "INSERT INTO \"needs\"(\"id\", \"country_iso3\", \"title\", \"description\", \"status\", \"visibility\", \"priority\", \"assistance_types\", \"estimated_budget_usd\", \"funded_usd\", \"start_date\", \"end_date\", \"national_action_plan\", \"baseline_assessment\", \"gender_component\", \"multi_year\", \"conflict_affected\", \"national_report_id\", \"source_excerpt\", \"created_by\", \"created_at\", \"updated_at\", \"version\") SELECT \"id\", \"country_iso3\", \"title\", \"description\", \"status\", \"visibility\", \"priority\", \"assistance_types\", \"estimated_budget_usd\", \"funded_usd\", \"start_date\", \"end_date\", \"national_action_plan\", \"baseline_assessment\", \"gender_component\", \"multi_year\", \"conflict_affected\", \"national_report_id\", \"source_excerpt\", \"created_by\", \"created_at\", \"updated_at\", \"version\" FROM \"temporary_needs\"",
        "DROP TABLE \"temporary_needs\"",
        "CREATE INDEX \"IDX_208ecce275d32ea76a0a4428de\" ON \"needs\" (\"status\", \"created_at\") ",
        "CREATE INDEX \"IDX_cfb0866e6f0cfaf3c2aa945cf1\" ON \"needs\" (\"country_iso3\", \"status\") ",
        "DROP INDEX \"IDX_07188a067fc4ef4bed12a407ce\"",
        "DROP TABLE \"need_other_funding\"",
      ],
      postgres: [
        "ALTER TABLE \"needs\" DROP COLUMN \"funded_elsewhere_usd\"",
        "DROP INDEX \"public\".\"IDX_07188a067fc4ef4bed12a407ce\"",
        "DROP TABLE \"need_other_funding\"",
      ],
    });
  }
}
