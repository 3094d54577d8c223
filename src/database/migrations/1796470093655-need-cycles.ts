import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../dialect-migration';
import { cycleOfYear, defaultValidUntil } from '../../domain/reporting-cycles';

export class NeedCycles1796470093655 implements MigrationInterface {
  name = 'NeedCycles1796470093655';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The new columns are added empty, filled in for the needs there are, then made NOT NULL.
    await runForDialect(queryRunner, {
      sqlite: [
        'ALTER TABLE "needs" ADD COLUMN "cycle_year" integer',
        'ALTER TABLE "needs" ADD COLUMN "valid_until" date',
        'ALTER TABLE "needs" ADD COLUMN "confirmed_at" datetime',
      ],
      postgres: [
        'ALTER TABLE "needs" ADD "cycle_year" integer',
        'ALTER TABLE "needs" ADD "valid_until" date',
        'ALTER TABLE "needs" ADD "confirmed_at" TIMESTAMP',
      ],
    });
    await fillInCycles(queryRunner);
    await runForDialect(queryRunner, {
      sqlite: [
        "DROP INDEX \"IDX_208ecce275d32ea76a0a4428de\"",
        "DROP INDEX \"IDX_cfb0866e6f0cfaf3c2aa945cf1\"",
        "CREATE TABLE \"temporary_needs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"country_iso3\" varchar(3) NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" text NOT NULL, \"status\" varchar(16) NOT NULL, \"visibility\" varchar(16) NOT NULL, \"priority\" integer NOT NULL, \"assistance_types\" text NOT NULL, \"estimated_budget_usd\" integer NOT NULL, \"funded_usd\" integer NOT NULL DEFAULT (0), \"start_date\" date, \"end_date\" date, \"national_action_plan\" boolean NOT NULL DEFAULT (0), \"baseline_assessment\" boolean NOT NULL DEFAULT (0), \"gender_component\" boolean NOT NULL DEFAULT (0), \"multi_year\" boolean NOT NULL DEFAULT (0), \"conflict_affected\" boolean NOT NULL DEFAULT (0), \"national_report_id\" varchar(36), \"source_excerpt\" text, \"created_by\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"version\" integer NOT NULL, \"funded_elsewhere_usd\" integer NOT NULL DEFAULT (0), \"cycle_year\" integer NOT NULL, \"valid_until\" date NOT NULL, \"confirmed_at\" datetime)",
        "INSERT INTO \"temporary_needs\"(\"id\", \"country_iso3\", \"title\", \"description\", \"status\", \"visibility\", \"priority\", \"assistance_types\", \"estimated_budget_usd\", \"funded_usd\", \"start_date\", \"end_date\", \"national_action_plan\", \"baseline_assessment\", \"gender_component\", \"multi_year\", \"conflict_affected\", \"national_report_id\", \"source_excerpt\", \"created_by\", \"created_at\", \"updated_at\", \"version\", \"funded_elsewhere_usd\", \"cycle_year\", \"valid_until\", \"confirmed_at\") SELECT \"id\", \"country_iso3\", \"title\", \"description\", \"status\", \"visibility\", \"priority\", \"assistance_types\", \"estimated_budget_usd\", \"funded_usd\", \"start_date\", \"end_date\", \"national_action_plan\", \"baseline_assessment\", \"gender_component\", \"multi_year\", \"conflict_affected\", \"national_report_id\", \"source_excerpt\", \"created_by\", \"created_at\", \"updated_at\", \"version\", \"funded_elsewhere_usd\", \"cycle_year\", \"valid_until\", \"confirmed_at\" FROM \"needs\"",
        "DROP TABLE \"needs\"",
        "ALTER TABLE \"temporary_needs\" RENAME TO \"needs\"",
        "CREATE INDEX \"IDX_208ecce275d32ea76a0a4428de\" ON \"needs\" (\"status\", \"created_at\") ",
        "CREATE INDEX \"IDX_cfb0866e6f0cfaf3c2aa945cf1\" ON \"needs\" (\"country_iso3\", \"status\") ",
        "CREATE INDEX \"IDX_e51488d694817591d00c28675f\" ON \"needs\" (\"status\", \"valid_until\") ",
      ],
      postgres: [
        'ALTER TABLE "needs" ALTER COLUMN "cycle_year" SET NOT NULL',
        'ALTER TABLE "needs" ALTER COLUMN "valid_until" SET NOT NULL',
        "CREATE INDEX \"IDX_e51488d694817591d00c28675f\" ON \"needs\"  (\"status\", \"valid_until\") ",
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "DROP INDEX \"IDX_e51488d694817591d00c28675f\"",
        "DROP INDEX \"IDX_cfb0866e6f0cfaf3c2aa945cf1\"",
        "DROP INDEX \"IDX_208ecce275d32ea76a0a4428de\"",
        "ALTER TABLE \"needs\" RENAME TO \"temporary_needs\"",
        "CREATE TABLE \"needs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"country_iso3\" varchar(3) NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" text NOT NULL, \"status\" varchar(16) NOT NULL, \"visibility\" varchar(16) NOT NULL, \"priority\" integer NOT NULL, \"assistance_types\" text NOT NULL, \"estimated_budget_usd\" integer NOT NULL, \"funded_usd\" integer NOT NULL DEFAULT (0), \"start_date\" date, \"end_date\" date, \"national_action_plan\" boolean NOT NULL DEFAULT (0), \"baseline_assessment\" boolean NOT NULL DEFAULT (0), \"gender_component\" boolean NOT NULL DEFAULT (0), \"multi_year\" boolean NOT NULL DEFAULT (0), \"conflict_affected\" boolean NOT NULL DEFAULT (0), \"national_report_id\" varchar(36), \"source_excerpt\" text, \"created_by\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"version\" integer NOT NULL, \"funded_elsewhere_usd\" integer NOT NULL DEFAULT (0))",
        "INSERT INTO \"needs\"(\"id\", \"country_iso3\", \"title\", \"description\", \"status\", \"visibility\", \"priority\", \"assistance_types\", \"estimated_budget_usd\", \"funded_usd\", \"start_date\", \"end_date\", \"national_action_plan\", \"baseline_assessment\", \"gender_component\", \"multi_year\", \"conflict_affected\", \"national_report_id\", \"source_excerpt\", \"created_by\", \"created_at\", \"updated_at\", \"version\", \"funded_elsewhere_usd\") SELECT \"id\", \"country_iso3\", \"title\", \"description\", \"status\", \"visibility\", \"priority\", \"assistance_types\", \"estimated_budget_usd\", \"funded_usd\", \"start_date\", \"end_date\", \"national_action_plan\", \"baseline_assessment\", \"gender_component\", \"multi_year\", \"conflict_affected\", \"national_report_id\", \"source_excerpt\", \"created_by\", \"created_at\", \"updated_at\", \"version\", \"funded_elsewhere_usd\" FROM \"temporary_needs\"",
        "DROP TABLE \"temporary_needs\"",
        "CREATE INDEX \"IDX_cfb0866e6f0cfaf3c2aa945cf1\" ON \"needs\" (\"country_iso3\", \"status\") ",
        "CREATE INDEX \"IDX_208ecce275d32ea76a0a4428de\" ON \"needs\" (\"status\", \"created_at\") ",
      ],
      postgres: [
        "DROP INDEX \"public\".\"IDX_e51488d694817591d00c28675f\"",
        "ALTER TABLE \"needs\" DROP COLUMN \"confirmed_at\"",
        "ALTER TABLE \"needs\" DROP COLUMN \"valid_until\"",
        "ALTER TABLE \"needs\" DROP COLUMN \"cycle_year\"",
      ],
    });
  }
}

/**
 * Each existing need gets the cycle of its national report's year, or of the day it was filed, and
 * is valid by the default rule from the day it was filed; a published one counts as confirmed when
 * it was last published (the audit trail), or else when it was filed.
 */
async function fillInCycles(queryRunner: QueryRunner): Promise<void> {
  const needs = (await queryRunner.query(
    'SELECT need.id AS "id", need.created_at AS "createdAt", report.year AS "reportYear" FROM needs need LEFT JOIN national_reports report ON report.id = need.national_report_id',
  )) as { id: string; createdAt: string | Date; reportYear: number | null }[];
  const groups = new Map<string, { cycleYear: number; validUntil: string; ids: string[] }>();
  for (const need of needs) {
    const filedAt = storedInstant(need.createdAt);
    const cycleYear = cycleOfYear(need.reportYear === null ? filedAt.getUTCFullYear() : Number(need.reportYear)).year;
    const validUntil = defaultValidUntil(filedAt);
    const key = `${cycleYear}/${validUntil}`;
    if (!groups.has(key)) groups.set(key, { cycleYear, validUntil, ids: [] });
    groups.get(key)!.ids.push(need.id);
  }
  const driver = queryRunner.connection.driver;
  for (const { cycleYear, validUntil, ids } of groups.values()) {
    for (let start = 0; start < ids.length; start += UPDATE_BATCH) {
      const [sql, parameters] = driver.escapeQueryWithParameters(
        'UPDATE needs SET cycle_year = :cycleYear, valid_until = :validUntil WHERE id IN (:...ids)',
        { cycleYear, validUntil, ids: ids.slice(start, start + UPDATE_BATCH) },
      );
      await queryRunner.query(sql, parameters);
    }
  }
  await queryRunner.query(
    `UPDATE needs SET confirmed_at = COALESCE((SELECT MAX(event.at) FROM audit_events event WHERE event.entity_id = needs.id AND event.action = 'need.publish'), needs.created_at) WHERE needs.status <> 'DRAFT'`,
  );
}

const UPDATE_BATCH = 500;

/** A timestamp as the driver returns it: SQLite's text is UTC; PostgreSQL's driver gives the instant itself. */
function storedInstant(value: string | Date): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
