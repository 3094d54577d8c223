/**
 * A full matching run end to end through the application's own FullRunExecutor: load every live need
 * and offer from the database, score every pair, write the best MATCH_TOP_K per need. For each size
 * (needs × offers) a seeded synthetic market is written into a fresh database once; every repetition
 * then runs in a new process on a fresh copy of it, so its peak RSS is that of a run alone, and a
 * second run on the same copy (every pair already stored) shows the cost of rescoring.
 *
 *   node bench/.build/bench/matching-full-run-bench.js [--sizes 1000x200,10000x2000] [--repeat 3] [--seed 7] [--profile]
 *
 * SQLite by default; BENCH_DATABASE_URL=postgres://user@host:5432/postgres runs on scratch databases
 * created on that server. `--profile` writes a V8 CPU profile of every run to bench/.profiles/.
 * After the first run, the Secretariat's first page of proposals and first page of every match
 * (the `matches` query's service, with its total) are each read twice, to show what reading the
 * stored result costs at that size.
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigModule } from '../src/config/config.module';
import { DatabaseModule } from '../src/database/database.module';
import { Role } from '../src/domain/role';
import { AuditModule } from '../src/audit/audit.module';
import { MatchStatus } from '../src/domain/statuses';
import { MatchesService } from '../src/matching/api/matches.service';
import { MatchingRunStatus } from '../src/matching/entities/matching-run.entity';
import { MatchingCoreModule } from '../src/matching/matching-core.module';
import { NationalReportLinksModule } from '../src/reports/national-report-links.module';
import { FullRunExecutor } from '../src/matching/engine/full-run/full-run-executor';
import { NeedsModule } from '../src/needs/needs.module';
import { QueueModule } from '../src/queue/queue.module';
import { ReferenceModule } from '../src/reference/reference.module';
import { megabytes, peakRssBytes, summarise, verdict } from './bench-report';
import { createScratchDatabase, openDatabase, ScratchDatabase } from './scratch-database';
import { insertMarket, SyntheticMarket } from './synthetic-market';
import { ENTITIES } from '../src/app/entities';

/** The targets for the 10,000 × 2,000 run on a 2-core machine. */
const TARGET = { needs: 10_000, offers: 2_000, wallMs: 3_000, peakRssBytes: 500 * 1_048_576 };
const PROFILE_DIR = join(process.cwd(), 'bench', '.profiles');
const RESULT_PREFIX = 'FULL-RUN-RESULT ';

/** The run process and the scratch databases not dropped yet, so that an interrupted benchmark leaves none behind. */
let runningChild: ChildProcess | undefined;
const liveDatabases = new Set<ScratchDatabase>();

interface Size {
  needs: number;
  offers: number;
}

/** What one child process measured. */
interface RunMeasurement {
  bootMs: number;
  /** The first run, on a database without matches. */
  wallMs: number;
  /** CPU time of this process during the first run (user + system); a database server's is not included. */
  cpuMs: number;
  pairsScored: number;
  matchesUpserted: number;
  matchesStored: number;
  rssAfterBootBytes: number;
  peakRssBytes: number;
  /** The Secretariat's first page of 20 proposals with the total, read after the first run: first and second read. */
  firstPageMs: [number, number];
  /** The same without a status filter. */
  everyMatchFirstPageMs: [number, number];
  /** A second run on the same database, every pair already stored. */
  rerunWallMs: number;
  rerunPeakRssBytes: number;
}

/**
 * The application modules a full run needs, as the worker process has them, without HTTP or Redis;
 * and the service behind the `matches` query, to read the result.
 */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot({ runMigrations: false, entities: ENTITIES }),
    ReferenceModule,
    QueueModule.forRoot('worker'),
    MatchingCoreModule,
    AuditModule,
    NationalReportLinksModule,
    NeedsModule,
  ],
  providers: [MatchesService],
})
class FullRunBenchModule {}

function argument(name: string, fallback: string): string {
  const position = process.argv.indexOf(`--${name}`);
  return position >= 0 ? process.argv[position + 1] : fallback;
}

function parseSizes(text: string): Size[] {
  return text.split(',').map((size) => {
    const [needs, offers] = size.split('x').map(Number);
    if (!(needs > 0 && offers > 0)) throw new Error(`--sizes takes NEEDSxOFFERS,…; got "${size}"`);
    return { needs, offers };
  });
}

const count = (value: number): string => Math.round(value).toLocaleString('en');
const millisecondsSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** The child: boots the matching modules on DATABASE_URL, runs twice and prints what it measured. */
async function measureOneRun(): Promise<void> {
  const bootStart = process.hrtime.bigint();
  const app = await NestFactory.createApplicationContext(FullRunBenchModule, { logger: ['error', 'warn'], abortOnError: false });
  const bootMs = millisecondsSince(bootStart);
  const rssAfterBootBytes = process.memoryUsage().rss;
  try {
    const runner = app.get(FullRunExecutor);
    const firstStart = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const first = await runner.runFull(null, null);
    const wallMs = millisecondsSince(firstStart);
    const cpu = process.cpuUsage(cpuBefore);
    const peakAfterFirst = peakRssBytes();
    if (first.status !== MatchingRunStatus.SUCCEEDED) throw new Error(`the full run ended ${first.status}: ${first.error ?? ''}`);
    const [{ stored }] = await app
      .get(DataSource)
      .query<{ stored: number | string }[]>(`SELECT COUNT(*) AS stored FROM matches WHERE status = 'PROPOSED'`);
    const matches = app.get(MatchesService);
    const proposals = [MatchStatus.PROPOSED];
    const firstPageMs: [number, number] = [
      await timeFirstPage(matches, Number(stored), proposals),
      await timeFirstPage(matches, Number(stored), proposals),
    ];
    const everyMatchFirstPageMs: [number, number] = [
      await timeFirstPage(matches, Number(stored)),
      await timeFirstPage(matches, Number(stored)),
    ];
    const rerunStart = process.hrtime.bigint();
    const rerun = await runner.runFull(null, null);
    const rerunWallMs = millisecondsSince(rerunStart);
    if (rerun.status !== MatchingRunStatus.SUCCEEDED) throw new Error(`the second full run ended ${rerun.status}: ${rerun.error ?? ''}`);
    const measurement: RunMeasurement = {
      bootMs,
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      pairsScored: first.pairsScored,
      matchesUpserted: first.matchesUpserted,
      matchesStored: Number(stored),
      rssAfterBootBytes,
      peakRssBytes: peakAfterFirst,
      firstPageMs,
      everyMatchFirstPageMs,
      rerunWallMs,
      rerunPeakRssBytes: peakRssBytes(),
    };
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(measurement)}\n`);
  } finally {
    await app.close();
  }
}

/** Reads the Secretariat's first page of proposals as the `matches` query does; checks it is whole. */
/** The Secretariat's first page of matches in `status` (every match without), best first; a full run on a new market stores only proposals. */
async function timeFirstPage(matches: MatchesService, proposals: number, status?: MatchStatus[]): Promise<number> {
  const secretariat = { userId: 'bench', email: 'bench@example.org', role: Role.SECRETARIAT, countryIso3: null, donorId: null };
  const start = process.hrtime.bigint();
  const page = await matches.list(secretariat, { status }, { first: 20 });
  const elapsed = millisecondsSince(start);
  if (page.totalCount !== proposals || page.edges.length !== Math.min(20, proposals)) {
    throw new Error(`the first page listed ${page.edges.length} of ${page.totalCount} matches; ${proposals} proposals are stored`);
  }
  return elapsed;
}

function runInChildProcess(databaseUrl: string, profileName: string | null): Promise<RunMeasurement> {
  const profiling = profileName ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR, '--cpu-prof-name', profileName] : [];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'a-benchmark-secret-long-enough-for-hs256',
  };
  delete env.REDIS_URL;
  const child = spawn(process.execPath, [...profiling, __filename, '--measure-one-run'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  runningChild = child;
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      runningChild = undefined;
      const line = output.split('\n').find((text) => text.startsWith(RESULT_PREFIX));
      if (code === 0 && line) resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as RunMeasurement);
      else reject(new Error(`the run process exited with ${code}:\n${output}`));
    });
  });
}

/** Remembers a scratch database until it is dropped. */
function tracked(database: ScratchDatabase): ScratchDatabase {
  liveDatabases.add(database);
  return {
    ...database,
    drop: async () => {
      liveDatabases.delete(database);
      await database.drop();
    },
  };
}

/** Writes the seeded market of this size into a new migrated database. */
async function seededDatabase(size: Size, seed: number): Promise<ScratchDatabase> {
  const database = tracked(await createScratchDatabase());
  try {
    const dataSource = await openDatabase(database.url, { migrate: true });
    try {
      const market = new SyntheticMarket(seed);
      const owner = '00000000-0000-4000-8000-00000000b3c4';
      await insertMarket(
        dataSource,
        { needs: market.needs(size.needs), offers: market.offers(size.offers) },
        { donorId: owner, createdBy: owner },
      );
    } finally {
      await dataSource.destroy();
    }
    return database;
  } catch (error) {
    await database.drop();
    throw error;
  }
}

async function benchmarkSize(size: Size, options: { repeat: number; seed: number; profile: boolean }): Promise<void> {
  const pairs = size.needs * size.offers;
  const seedingStart = process.hrtime.bigint();
  const seeded = await seededDatabase(size, options.seed);
  console.log(
    `\n${count(size.needs)} needs × ${count(size.offers)} offers = ${count(pairs)} pairs on ${seeded.dialect}` +
      ` (market seed ${options.seed}, written in ${(millisecondsSince(seedingStart) / 1000).toFixed(1)} s; not measured)`,
  );
  const measurements: RunMeasurement[] = [];
  try {
    for (let repetition = 1; repetition <= options.repeat; repetition++) {
      const copy = tracked(await seeded.copy());
      try {
        const profileName = options.profile ? `full-run-${size.needs}x${size.offers}-${repetition}.cpuprofile` : null;
        const run = await runInChildProcess(copy.url, profileName);
        measurements.push(run);
        console.log(
          `  run ${repetition}: ${count(run.wallMs)} ms end to end (load, score, write; CPU of the process ${count(run.cpuMs)} ms); ` +
            `${count(pairs / (run.wallMs / 1000))} pairs/s (needs × offers), ${count(run.pairsScored)} passed the filters and were scored ` +
            `(${count(run.pairsScored / (run.wallMs / 1000))}/s); ${count(run.matchesUpserted)} proposals (the run's matchesUpserted), ${count(run.matchesStored)} PROPOSED rows stored; ` +
            `peak RSS ${megabytes(run.peakRssBytes)} (${megabytes(run.rssAfterBootBytes)} after boot, boot ${count(run.bootMs)} ms); ` +
            `the Secretariat's first page of proposals with its total ${run.firstPageMs.map(count).join(' / ')} ms (first / second read), ` +
            `of every match ${run.everyMatchFirstPageMs.map(count).join(' / ')} ms; ` +
            `rerun with every pair stored ${count(run.rerunWallMs)} ms, peak RSS ${megabytes(run.rerunPeakRssBytes)}`,
        );
      } finally {
        await copy.drop();
      }
    }
  } finally {
    await seeded.drop();
  }
  const wall = summarise(measurements.map((run) => run.wallMs));
  const cpu = summarise(measurements.map((run) => run.cpuMs));
  const rerun = summarise(measurements.map((run) => run.rerunWallMs));
  const peak = summarise(measurements.map((run) => run.peakRssBytes));
  console.log(
    `  full run: best ${count(wall.best)} ms, median ${count(wall.median)} ms (${count(pairs / (wall.best / 1000))} pairs/s at best), process CPU best ${count(cpu.best)} ms; ` +
      `rerun best ${count(rerun.best)} ms, median ${count(rerun.median)} ms; peak RSS up to ${megabytes(peak.worst)}`,
  );
  if (size.needs === TARGET.needs && size.offers === TARGET.offers) {
    console.log(
      `  target ≤ ${count(TARGET.wallMs)} ms: median ${count(wall.median)} ms, ${verdict(wall.median <= TARGET.wallMs)}; ` +
        `target ≤ ${megabytes(TARGET.peakRssBytes)}: ${megabytes(peak.worst)}, ${verdict(peak.worst <= TARGET.peakRssBytes)}`,
    );
  }
  if (options.profile) console.log(`  CPU profiles in ${PROFILE_DIR} (summarise with bench/.build/bench/cpu-profile-summary.js FILE)`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--measure-one-run')) return measureOneRun();
  process.once('SIGINT', () => {
    runningChild?.kill('SIGKILL');
    void Promise.allSettled([...liveDatabases].map((database) => database.drop())).finally(() => process.exit(130));
  });
  const sizes = parseSizes(argument('sizes', '1000x200,10000x2000'));
  const options = {
    repeat: Number(argument('repeat', '3')),
    seed: Number(argument('seed', '7')),
    profile: process.argv.includes('--profile'),
  };
  if (options.profile) mkdirSync(PROFILE_DIR, { recursive: true });
  console.log(
    `full matching run through FullRunExecutor.runFull, ${options.repeat} repetitions per size, each in a fresh process on a fresh copy of the data`,
  );
  for (const size of sizes) await benchmarkSize(size, options);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
