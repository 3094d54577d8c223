import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export const usesPostgres = (): boolean => process.env.E2E_DATABASE === 'postgres';

export const SQLITE_TEST_FOLDER_PREFIX = 'poa-e2e-';
export const POSTGRES_TEST_DATABASE_PREFIX = 'poa_e2e_';

export const postgresAdminUrl = (): string => process.env.E2E_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A brand-new empty database for one spec file, so specs never see each other's rows. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!usesPostgres()) {
    const folder = mkdtempSync(join(tmpdir(), SQLITE_TEST_FOLDER_PREFIX));
    return { url: join(folder, 'test.sqlite'), drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const adminUrl = postgresAdminUrl();
  const name = `${POSTGRES_TEST_DATABASE_PREFIX}${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
