import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { AppConfig } from '../src/config/app-config';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { Match } from '../src/matching/entities/match.entity';
import { Need } from '../src/needs/entities/need.entity';
import { Offer } from '../src/offers/entities/offer.entity';
import { MONEY_HOLDING_STATUSES } from '../src/pairings/decisions/pairing-transitions';
import {
  Account,
  contractOperation,
  dataOf,
  donorAccount,
  needInput,
  offerInput,
  PASSWORD,
  secretariatAccount,
  stateAccount,
} from './support/fixtures';
import { engineIdle, proposalRow } from './support/matching-helpers';
import { ROOT } from './support/processes';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { startTestApp, TestApp } from './support/test-app';

const run = promisify(execFile);

/** `npm run backup` / `npm run restore` as an operator runs them, from the sources. */
async function backupCommand(args: string[], databaseUrl: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/backup.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, TS_NODE_PROJECT: 'tsconfig.json' },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('backup and restore', () => {
  let t: TestApp;
  let restored: TestApp | undefined;
  let target: TestDatabase;
  let folder: string;
  let secretariat: Account;
  let state: Account;
  let donor: Account;

  beforeAll(async () => {
    // The engine proposes nothing (MATCH_MIN_SCORE 1), so the test's own proposals are the only ones.
    t = await startTestApp({ MATCH_MIN_SCORE: '1' });
    [secretariat, state, donor] = await Promise.all([secretariatAccount(t), stateAccount(t, 'NGA'), donorAccount(t)]);
    folder = mkdtempSync(join(tmpdir(), 'poa-backup-'));
    target = await createTestDatabase();
  });
  afterAll(async () => {
    await restored?.close();
    await t.close();
    await target.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('takes a consistent backup during a burst of writes, restores it into a new database, and the service starts on it', async () => {
    const source = t.app.get(DataSource);
    const { createOffer } = dataOf(
      await t.gql(
        contractOperation('CreateOffer'),
        { input: offerInput({ capacityUsd: 10_000_000, minGrantUsd: null, maxGrantUsd: null }) },
        donor.token,
      ),
    );
    dataOf(await t.gql(contractOperation('PublishOffer'), { id: createOffer.id }, donor.token));

    // Each round files and publishes a need, and the Secretariat approves a pairing with money for it.
    let writing = true;
    let rounds = 0;
    const burst = (async () => {
      while (writing) {
        const { createNeed } = dataOf(
          await t.gql(contractOperation('CreateNeed'), { input: needInput({ estimatedBudgetUsd: 50_000 }) }, state.token),
        );
        dataOf(await t.gql(contractOperation('PublishNeed'), { id: createNeed.id }, state.token));
        await engineIdle(source);
        const match = await source
          .getRepository(Match)
          .save(source.getRepository(Match).create(proposalRow(createNeed.id, createOffer.id)));
        dataOf(
          await t.gql(
            contractOperation('ApproveMatch'),
            { id: match.id, allocatedUsd: 1_000 + rounds, expectedVersion: 1 },
            secretariat.token,
          ),
        );
        rounds += 1;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const file = join(folder, 'poa-match.backup');
    const roundsBeforeBackup = rounds;
    const backup = await backupCommand(['backup', file], t.app.get(AppConfig).DATABASE_URL);
    const roundsAtBackup = rounds;
    // Writes go on after the backup too, so the snapshot cannot be simply the final state.
    while (rounds === roundsAtBackup) await new Promise((resolve) => setTimeout(resolve, 50));
    writing = false;
    await burst;
    expect(backup).toEqual({ code: 0, output: expect.stringContaining(`Backed up the database to ${file}.`) });
    expect(roundsBeforeBackup).toBeGreaterThan(0);

    // The running service's database is in use: restoring over it is refused and changes nothing.
    const refused = await backupCommand(['restore', file], t.app.get(AppConfig).DATABASE_URL);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/in use|open in process/);
    expect(await source.getRepository(Need).count()).toBe(rounds);

    expect(await backupCommand(['restore', file], target.url)).toEqual({
      code: 0,
      output: expect.stringContaining('Restored the database'),
    });
    restored = await startTestApp({ DATABASE_URL: target.url, MATCH_MIN_SCORE: '1' });
    const copy = restored.app.get(DataSource);
    const [needs, offers, matches, audit] = await Promise.all([
      copy.getRepository(Need).find(),
      copy.getRepository(Offer).find(),
      copy.getRepository(Match).find(),
      copy.getRepository(AuditEvent).find(),
    ]);
    // A snapshot taken within the burst: the rounds done before the command started, and not those after it ended.
    expect(needs.length).toBeGreaterThanOrEqual(roundsBeforeBackup);
    expect(needs.length).toBeLessThanOrEqual(roundsAtBackup + 1);

    const held = matches.filter((match) => MONEY_HOLDING_STATUSES.includes(match.status));
    const heldFor = (key: 'needId' | 'offerId', id: string) =>
      held.filter((match) => match[key] === id).reduce((sum, match) => sum + (match.allocatedUsd ?? 0), 0);
    for (const need of needs)
      expect({ need: need.id, funded: need.fundedUsd }).toEqual({ need: need.id, funded: heldFor('needId', need.id) });
    for (const offer of offers) expect(offer.remainingCapacityUsd).toBe(offer.capacityUsd - heldFor('offerId', offer.id));

    // The audit trail matches the rows: every need's creation, every approval, no more and no less.
    const events = (action: string) =>
      audit
        .filter((event) => event.action === action)
        .map((event) => event.entityId)
        .sort();
    expect(events('need.create')).toEqual(needs.map((need) => need.id).sort());
    expect(events('match.approve')).toEqual(held.map((match) => match.id).sort());

    // The service on the restored database answers as the one it was taken from did.
    const token = await restored.login(state.email, PASSWORD);
    const { needs: listed } = dataOf(await restored.gql('{ needs(first: 1) { totalCount } }', {}, token));
    expect(listed.totalCount).toBe(needs.length);
  });

  it('refuses a file that is not a backup, and says how to use the commands', async () => {
    await restored?.close();
    restored = undefined;
    const notABackup = join(folder, 'notes.txt');
    writeFileSync(notABackup, 'not a database');
    const refused = await backupCommand(['restore', notABackup], target.url);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/not a|pg_restore|damaged/);
    expect((await backupCommand(['backup'], target.url)).code).toBe(2);
  });
});
