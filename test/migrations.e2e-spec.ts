import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/database-options';
import { MIGRATIONS } from '../src/database/migrations';
import { NeedCycles1796470093655 } from '../src/database/migrations/1796470093655-need-cycles';
import { startTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase, usesPostgres } from './support/test-database';

describe('migrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('leave the database exactly as the entities describe it (nothing left for synchronize to do)', async () => {
    const pending = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  describe('reporting cycles of the needs already filed', () => {
    let database: TestDatabase;
    let dataSource: DataSource;

    /** Runs a statement written with :named parameters in the database's own placeholders. */
    async function run(sql: string, parameters: Record<string, unknown> = {}): Promise<unknown> {
      const [query, values] = dataSource.driver.escapeQueryWithParameters(sql, parameters);
      return dataSource.query(query, values);
    }

    async function migrated(migrations: typeof MIGRATIONS): Promise<DataSource> {
      const source = new DataSource({
        ...buildDataSourceOptions({ DATABASE_URL: database.url, usesPostgres: usesPostgres() }, []),
        migrations,
      });
      await source.initialize();
      await source.runMigrations();
      return source;
    }

    beforeAll(async () => {
      database = await createTestDatabase();
      const before = MIGRATIONS.indexOf(NeedCycles1796470093655);
      dataSource = await migrated(MIGRATIONS.slice(0, before));
    });
    afterAll(async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    });

    const insertNeed = (id: string, status: string, createdAt: string, reportId: string | null = null) =>
      run(
        `INSERT INTO needs (id, country_iso3, title, description, status, visibility, priority, assistance_types, estimated_budget_usd, national_report_id, created_by, created_at, updated_at, version)
         VALUES (:id, 'NGA', 'Armoury doors', 'Doors for two armouries.', :status, 'DONORS', 3, 'EQUIPMENT', 1000, :reportId, 'user-1', :createdAt, :createdAt, 1)`,
        { id, status, createdAt, reportId },
      );

    it('gives each need the cycle of its report or filing year, the default validity from its filing, and its last publication', async () => {
      await run(
        `INSERT INTO national_reports (id, country_iso3, year, instrument, language, format, text, content_hash, paragraph_count, need_passage_count, passages_without_theme, created_by)
         VALUES ('report-2023', 'NGA', 2023, 'POA', 'en', 'TEXT', 'text', 'hash', 1, 1, 0, 'user-1')`,
      );
      await insertNeed('drawn', 'OPEN', '2026-02-01 10:00:00', 'report-2023');
      await insertNeed('by-hand', 'DRAFT', '2027-03-01 10:00:00');
      await insertNeed('never-audited', 'OPEN', '2026-05-01 10:00:00');
      await run(
        `INSERT INTO audit_events (id, at, action, entity_type, entity_id, detail) VALUES ('event-1', '2026-03-15 08:00:00', 'need.publish', 'Need', 'drawn', '{}')`,
      );
      await dataSource.destroy();
      dataSource = await migrated(MIGRATIONS);

      const rows = (await run(
        'SELECT id AS "id", cycle_year AS "cycleYear", valid_until AS "validUntil", confirmed_at AS "confirmedAt" FROM needs ORDER BY id',
      )) as { id: string; cycleYear: number; validUntil: string | Date; confirmedAt: string | Date | null }[];
      const day = (value: string | Date | null) => (value instanceof Date ? value.toISOString() : value)?.slice(0, 10) ?? null;
      expect(rows.map((row) => [row.id, Number(row.cycleYear), day(row.validUntil), day(row.confirmedAt)])).toEqual([
        ['by-hand', 2028, '2030-12-31', null],
        ['drawn', 2024, '2028-12-31', '2026-03-15'],
        ['never-audited', 2026, '2028-12-31', '2026-05-01'],
      ]);
    });
  });
});
