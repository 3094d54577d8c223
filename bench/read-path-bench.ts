/**
 * The read path under load, as a client meets it: the compiled API with NODE_ENV=production on a
 * scratch SQLite file seeded with the demo (`npm run seed:demo`), signed in as Germany's donor desk,
 * and autocannon keeping 20 connections busy with one query at a time:
 *
 *   - the donor's first page of matches (the query of issue 14),
 *   - `{ __typename }` with the bearer token (authentication and the GraphQL pipeline, no data),
 *   - `me`, and `themes` (the console's first two questions).
 *
 * The peer, in the same run: a bare Apollo Server (standalone, no Nest, no database) started by this
 * script in a process of its own, with the committed schema.gql and resolvers that return the
 * responses the service gave, from memory.
 *
 * The floor, in the same run: the stack the service is built on (NestJS with Express and its Apollo
 * driver, defaults throughout) serving the same schema and answers from memory, with none of the
 * service's code. It bounds from above what the service can reach on that stack: the ratio of the
 * floor to the bare server is the most any service on it can show.
 *
 * Each query is measured in rounds (3 by default): in each, the service, then the peer, then the floor,
 * one after the other, and the round's ratios taken. The medians over the rounds are printed, with the
 * lowest and highest ratio: on a shared machine the speed of all three drifts by a quarter from minute
 * to minute, and interleaving keeps that drift out of the ratios.
 *
 * Then the same load against the service run as several API processes on one port (API_PROCESSES,
 * 2 by default, with Redis, which that needs; `--api-processes 1` leaves it out), in the same rounds:
 * one process answers on one core, the machine has more. Its ratio to the peer is printed for the
 * record; the targets on the ratios compare one process with one process.
 *
 * For a query whose p99 misses its target, the API's CPU time per request is printed with the bound
 * of a closed loop: 20 connections wait 20 ÷ throughput on average (Little's law), so the throughput
 * that p99 ≤ 50 ms asks for follows from the measured ratio of p99 to the mean.
 *
 *   node bench/.build/bench/read-path-bench.js [--duration 5] [--rounds 3] [--connections 20] [--queries matches,typename,me,themes] [--api-processes 2] [--profile]
 *
 * `--profile` writes a V8 CPU profile of the API (`read-path-api.cpuprofile`, from its start to its
 * stop) to bench/.profiles/.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { startStandaloneServer } from '@apollo/server/standalone';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteQueueKeys } from './api-load';
import { summarise, verdict } from './bench-report';
import { COMPILED_SOURCE, demoAccount, freePort, GraphQLClient, PROFILE_DIR, seedDemo, ServiceProcess } from './service-process';

const ROOT = join(__dirname, '..', '..', '..');
const TARGETS = { matchesRatio: 0.25, typenameRatio: 0.6, p99Ms: 50 };
const WARM_UP_SECONDS = { firstRound: 3, laterRounds: 1 };

const QUERIES = {
  matches:
    '{ matches(first: 20) { totalCount edges { node { id score explanation status need { title country { name } } offer { title } } } } }',
  typename: '{ __typename }',
  me: '{ me { id email role country { iso3 name } donor { id name kind } } }',
  themes: '{ themes { code label labelZh parentCode } }',
  // The matches page taken apart, field by field, to see what each part of it costs (`--queries`).
  'matches-count': '{ matches(first: 20) { totalCount } }',
  'matches-rows': '{ matches(first: 20) { totalCount edges { node { id score explanation status } } } }',
  'matches-need': '{ matches(first: 20) { totalCount edges { node { id score explanation status need { title } } } } }',
} as const;
type QueryName = keyof typeof QUERIES;
const DEFAULT_QUERIES: QueryName[] = ['matches', 'typename', 'me', 'themes'];

function argument(name: string, fallback: string): string {
  const position = process.argv.indexOf(`--${name}`);
  return position >= 0 ? process.argv[position + 1] : fallback;
}

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  meanMs: number;
  requests: number;
  failed: number;
}

async function load(url: string, query: string, token: string | null, connections: number, seconds: number): Promise<Load> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    meanMs: result.latency.average,
    requests: result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/** The peer: Apollo Server alone, answering from memory what the service answered. Runs in its own process. */
async function serveBare(): Promise<void> {
  const answers = JSON.parse(readFileSync(process.env.BARE_ANSWERS!, 'utf8')) as Record<string, unknown>;
  const server = new ApolloServer({
    typeDefs: readFileSync(join(ROOT, 'schema.gql'), 'utf8'),
    resolvers: { Query: Object.fromEntries(Object.entries(answers).map(([field, value]) => [field, () => value])) },
  });
  await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: '127.0.0.1' } });
  process.stdout.write('bare server listening\n');
}

/** The floor: NestJS, Express and the Apollo driver with their defaults, answering from memory. Runs in its own process. */
async function serveFrameworkFloor(): Promise<void> {
  const answers = JSON.parse(readFileSync(process.env.BARE_ANSWERS!, 'utf8')) as Record<string, unknown>;
  @Module({
    imports: [
      GraphQLModule.forRoot<ApolloDriverConfig>({
        driver: ApolloDriver,
        typeDefs: readFileSync(join(ROOT, 'schema.gql'), 'utf8'),
        resolvers: { Query: Object.fromEntries(Object.entries(answers).map(([field, value]) => [field, () => value])) },
      }),
    ],
  })
  class FrameworkFloorModule {}
  const app = await NestFactory.create(FrameworkFloorModule, { logger: false });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  process.stdout.write('framework floor listening\n');
}

async function main(): Promise<void> {
  const seconds = Number(argument('duration', '5'));
  const rounds = Number(argument('rounds', '3'));
  const connections = Number(argument('connections', '20'));
  const measured = argument('queries', DEFAULT_QUERIES.join(',')).split(',') as QueryName[];
  const unknown = measured.filter((name) => !(name in QUERIES));
  if (unknown.length) throw new Error(`unknown --queries ${unknown.join(', ')}; known: ${Object.keys(QUERIES).join(', ')}`);
  const apiProcesses = Number(argument('api-processes', '2'));
  const profile = process.argv.includes('--profile');
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const queuePrefix = `poa-bench-read-${randomBytes(4).toString('hex')}`;
  if (profile) mkdirSync(PROFILE_DIR, { recursive: true });
  const folder = mkdtempSync(join(tmpdir(), 'poa-read-path-'));
  const services: ServiceProcess[] = [];
  const cleanUp = async () => {
    for (const service of services) await service.stop();
    rmSync(folder, { recursive: true, force: true });
    if (apiProcesses > 1)
      await deleteQueueKeys(redisUrl, queuePrefix).catch((error: unknown) =>
        console.error(`could not delete the queue keys: ${String(error)}`),
      );
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: join(folder, 'demo.sqlite'),
      JWT_SECRET: randomBytes(24).toString('hex'),
      ADMIN_PASSWORD: randomBytes(12).toString('hex'),
      LOGIN_RATE_LIMIT: '1000',
    };
    delete env.REDIS_URL;
    delete env.LOG_LEVEL;
    console.log('seeding the demo (npm run seed:demo) into a scratch SQLite file…');
    seedDemo(env);

    const apiPort = await freePort();
    // As deployed: production, the default log level (info), matching in the process (no Redis).
    const api = new ServiceProcess(
      'API',
      join(COMPILED_SOURCE, 'main.js'),
      { ...env, NODE_ENV: 'production', PORT: String(apiPort) },
      profile ? 'read-path-api.cpuprofile' : null,
    );
    services.push(api);
    await api.waitFor('poa-match: console at');
    const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
    // The same database, served by several processes: they need Redis, and read here only.
    const severalPort = await freePort();
    const several =
      apiProcesses > 1
        ? new ServiceProcess(
            `${apiProcesses} API processes`,
            join(COMPILED_SOURCE, 'main.js'),
            {
              ...env,
              NODE_ENV: 'production',
              PORT: String(severalPort),
              API_PROCESSES: String(apiProcesses),
              REDIS_URL: redisUrl,
              QUEUE_PREFIX: queuePrefix,
            },
            null,
          )
        : null;
    if (several) {
      services.push(several);
      await several.waitFor('API processes on port');
    }
    const severalUrl = `http://127.0.0.1:${severalPort}/graphql`;
    const donor = new GraphQLClient(apiUrl);
    await donor.login(demoAccount('donor.germany'));

    // What the peer answers: the service's own responses, each checked to be a full answer.
    const answers: Record<string, unknown> = {};
    for (const name of ['matches', 'me', 'themes'] as const)
      Object.assign(answers, await donor.request<Record<string, unknown>>(QUERIES[name]));
    const matches = answers.matches as { totalCount: number; edges: unknown[] };
    const answersFile = join(folder, 'answers.json');
    writeFileSync(answersFile, JSON.stringify(answers));
    const barePort = await freePort();
    const bare = new ServiceProcess(
      'bare Apollo Server',
      __filename,
      { ...process.env, BARE_SERVER: '1', BARE_ANSWERS: answersFile, PORT: String(barePort) },
      null,
    );
    services.push(bare);
    await bare.waitFor('bare server listening');
    const bareUrl = `http://127.0.0.1:${barePort}/`;
    const floorPort = await freePort();
    const floor = new ServiceProcess(
      'framework floor',
      __filename,
      { ...process.env, FRAMEWORK_FLOOR: '1', BARE_ANSWERS: answersFile, PORT: String(floorPort), NODE_ENV: 'production' },
      null,
    );
    services.push(floor);
    await floor.waitFor('framework floor listening');
    const floorUrl = `http://127.0.0.1:${floorPort}/graphql`;

    console.log(
      `read path: ${connections} connections; per query ${rounds} rounds of the service, the peer and the floor in turn, ` +
        `each ${seconds} s measured after a warm-up (${WARM_UP_SECONDS.firstRound} s in the first round, ${WARM_UP_SECONDS.laterRounds} s later); medians over the rounds; ` +
        `API compiled, NODE_ENV=production, SQLite, demo data, signed in as Germany's donor desk (its matches: ${matches.totalCount}, page of ${matches.edges.length}); ` +
        'peer: bare Apollo Server in its own process answering the same responses from memory; ' +
        'floor: NestJS + Express + Apollo driver, defaults, the same answers from memory',
    );
    console.log(
      `  ${'query'.padEnd(13)} ${'poa-match req/s'.padStart(16)} ${'p50 / p99 ms'.padStart(14)} ${'CPU ms/req'.padStart(11)} ${'bare req/s'.padStart(11)} ${'p50 / p99 ms'.padStart(14)} ` +
        `${'ratio'.padStart(6)} ${'(lowest–highest)'.padStart(17)} ${'floor req/s'.padStart(12)} ${'floor ratio'.padStart(12)}`,
    );
    /** A load's medians over the rounds; a service's with its CPU per request and its ratio to the peer. */
    interface LoadFigures {
      requestsPerSecond: number;
      p50: number;
      p99: number;
      meanMs: number;
    }
    interface ServiceFigures extends LoadFigures {
      cpuMsPerRequest: number;
      mainThreadBusy: number;
      ratio: number;
    }
    const ratios = new Map<QueryName, ServiceFigures & { floorRatio: number }>();
    const severalFigures = new Map<QueryName, ServiceFigures>();
    const warmUp = (url: string, query: string, round: number) =>
      load(url, query, donor.token!, connections, round === 0 ? WARM_UP_SECONDS.firstRound : WARM_UP_SECONDS.laterRounds);
    const measure = async (url: string, query: string, round: number) => {
      await warmUp(url, query, round);
      return load(url, query, donor.token!, connections, seconds);
    };
    /** The service's load, with the CPU time its processes (all their threads) spent per request meanwhile. */
    const measureService = async (service: ServiceProcess, url: string, query: string, round: number) => {
      await warmUp(url, query, round);
      const [cpuBefore, mainBefore, startedAt] = [service.cpuSeconds(), service.mainThreadCpuSeconds(), performance.now()];
      const figures = await load(url, query, donor.token!, connections, seconds);
      return {
        ...figures,
        cpuMsPerRequest: ((service.cpuSeconds() - cpuBefore) * 1000) / Math.max(figures.requests, 1),
        mainThreadBusy: ((service.mainThreadCpuSeconds() - mainBefore) * 1000) / (performance.now() - startedAt),
      };
    };
    type ServiceLoad = Awaited<ReturnType<typeof measureService>>;
    for (const name of measured) {
      const query = QUERIES[name];
      const perRound: { service: ServiceLoad; severalProcesses: ServiceLoad | null; peer: Load; framework: Load }[] = [];
      for (let round = 0; round < rounds; round++) {
        perRound.push({
          service: await measureService(api, apiUrl, query, round),
          severalProcesses: several && (await measureService(several, severalUrl, query, round)),
          peer: await measure(bareUrl, query, round),
          framework: await measure(floorUrl, query, round),
        });
      }
      type Round = (typeof perRound)[number];
      const median = (pick: (round: Round) => number) => summarise(perRound.map(pick)).median;
      const loadFigures = (pick: (round: Round) => Load): LoadFigures => ({
        requestsPerSecond: median((round) => pick(round).requestsPerSecond),
        p50: median((round) => pick(round).p50),
        p99: median((round) => pick(round).p99),
        meanMs: median((round) => pick(round).meanMs),
      });
      const serviceFigures = (pick: (round: Round) => ServiceLoad): ServiceFigures => ({
        ...loadFigures(pick),
        cpuMsPerRequest: median((round) => pick(round).cpuMsPerRequest),
        mainThreadBusy: median((round) => pick(round).mainThreadBusy),
        ratio: median((round) => pick(round).requestsPerSecond / round.peer.requestsPerSecond),
      });
      const ratioSpread = summarise(perRound.map((round) => round.service.requestsPerSecond / round.peer.requestsPerSecond));
      const floorRatio = median((round) => round.framework.requestsPerSecond / round.peer.requestsPerSecond);
      const service = serviceFigures((round) => round.service);
      const peer = loadFigures((round) => round.peer);
      const floorRequestsPerSecond = median((round) => round.framework.requestsPerSecond);
      ratios.set(name, { ...service, floorRatio });
      if (several)
        severalFigures.set(
          name,
          serviceFigures((round) => round.severalProcesses!),
        );
      const failedOf = (pick: (round: Round) => Load) => perRound.reduce((sum, round) => sum + pick(round).failed, 0);
      const failed = [
        failedOf((round) => round.service) + (several ? failedOf((round) => round.severalProcesses!) : 0),
        failedOf((round) => round.peer),
        failedOf((round) => round.framework),
      ];
      const failures = failed.some(Boolean) ? `   (failed responses: ${failed[0]} poa-match, ${failed[1]} bare, ${failed[2]} floor)` : '';
      console.log(
        `  ${name.padEnd(13)} ${service.requestsPerSecond.toFixed(0).padStart(16)} ${`${service.p50} / ${service.p99}`.padStart(14)} ${service.cpuMsPerRequest.toFixed(2).padStart(11)} ` +
          `${peer.requestsPerSecond.toFixed(0).padStart(11)} ${`${peer.p50} / ${peer.p99}`.padStart(14)} ${service.ratio.toFixed(2).padStart(6)} ` +
          `${`(${ratioSpread.best.toFixed(2)}–${ratioSpread.worst.toFixed(2)})`.padStart(17)} ` +
          `${floorRequestsPerSecond.toFixed(0).padStart(12)} ${floorRatio.toFixed(2).padStart(12)}${failures}`,
      );
      const severalFigure = severalFigures.get(name);
      if (severalFigure) {
        console.log(
          `  ${`  ×${apiProcesses} processes`.padEnd(13)} ${severalFigure.requestsPerSecond.toFixed(0).padStart(16)} ${`${severalFigure.p50} / ${severalFigure.p99}`.padStart(14)} ` +
            `${severalFigure.cpuMsPerRequest.toFixed(2).padStart(11)} ${''.padStart(11)} ${''.padStart(14)} ${severalFigure.ratio.toFixed(2).padStart(6)}`,
        );
      }
    }
    const matchesFigure = ratios.get('matches');
    if (matchesFigure) {
      console.log(
        `  target: matches page ≥ ${TARGETS.matchesRatio}× the bare server: ${matchesFigure.ratio.toFixed(2)}×, ${verdict(matchesFigure.ratio >= TARGETS.matchesRatio)}`,
      );
    }
    const typenameFigure = ratios.get('typename');
    if (typenameFigure) {
      console.log(
        `  target: { __typename } with a token ≥ ${TARGETS.typenameRatio}×: ${typenameFigure.ratio.toFixed(2)}×, ${verdict(typenameFigure.ratio >= TARGETS.typenameRatio)}` +
          ` (the framework floor reaches ${typenameFigure.floorRatio.toFixed(2)}×)`,
      );
    }
    const worstP99 = Math.max(...[...ratios.values()].map((figure) => figure.p99));
    console.log(
      `  target: p99 ≤ ${TARGETS.p99Ms} ms at ${connections} connections, one API process: worst ${worstP99} ms, ${verdict(worstP99 <= TARGETS.p99Ms)}`,
    );
    if (severalFigures.size) {
      const worstSeveral = Math.max(...[...severalFigures.values()].map((figure) => figure.p99));
      console.log(
        `  target: p99 ≤ ${TARGETS.p99Ms} ms at ${connections} connections, ${apiProcesses} API processes: worst ${worstSeveral} ms, ${verdict(worstSeveral <= TARGETS.p99Ms)}`,
      );
    }
    for (const [name, figure] of ratios) {
      if (figure.p99 <= TARGETS.p99Ms) continue;
      // A closed loop: each connection sends its next request when the last is answered, so by Little's
      // law the mean wait is the connections over the throughput, whatever the service does meanwhile.
      const tail = figure.p99 / figure.meanMs;
      const neededPerSecond = (connections * tail * 1000) / TARGETS.p99Ms;
      console.log(
        `  ${name}: ${connections} connections ÷ ${figure.requestsPerSecond.toFixed(0)} req/s = ` +
          `${((connections / figure.requestsPerSecond) * 1000).toFixed(0)} ms of mean wait (Little's law; measured ${figure.meanMs.toFixed(0)} ms), p99 ${tail.toFixed(1)}× the mean: ` +
          `p99 ≤ ${TARGETS.p99Ms} ms needs ≥ ${neededPerSecond.toFixed(0)} req/s, ${(neededPerSecond / figure.requestsPerSecond).toFixed(1)}× this throughput; ` +
          `the API's main thread, where its JavaScript runs, was busy ${(figure.mainThreadBusy * 100).toFixed(0)}% of the time`,
      );
    }
    if (profile) console.log(`  CPU profile of the API in ${PROFILE_DIR}/read-path-api.cpuprofile`);
  } finally {
    await cleanUp();
  }
}

(process.env.BARE_SERVER ? serveBare() : process.env.FRAMEWORK_FLOOR ? serveFrameworkFloor() : main()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
