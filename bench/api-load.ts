/**
 * What the benchmarks that load the service through its API share: the API and its workers on a scratch
 * database and queue prefix, stopped and removed afterwards; the Secretariat's account and donor
 * they write with; the synthetic needs and offers as the API takes them, and many clients creating
 * and publishing them at once.
 */
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { createScratchDatabase, ScratchDatabase } from './scratch-database';
import {
  benchServiceEnv,
  freePort,
  GraphQLClient,
  millisecondsSince,
  ServiceProcess,
  spawnWorkers,
  startApiAndWorkers,
} from './service-process';
import { SyntheticMarket, SyntheticNeed, SyntheticOffer } from './synthetic-market';

export const BENCH_SECRETARIAT = { email: 'secretariat@bench.local', password: 'a-benchmark-secretariat-password' };

export const CREATE_NEED = 'mutation CreateNeed($input: CreateNeedInput!) { createNeed(input: $input) { id } }';
export const PUBLISH_NEED = 'mutation PublishNeed($id: ID!) { publishNeed(id: $id) { id status } }';
const CREATE_OFFER = 'mutation CreateOffer($input: CreateOfferInput!) { createOffer(input: $input) { id } }';
const PUBLISH_OFFER = 'mutation PublishOffer($id: ID!) { publishOffer(id: $id) { id status } }';

export function argument(name: string, fallback: string): string {
  const position = process.argv.indexOf(`--${name}`);
  return position >= 0 ? process.argv[position + 1] : fallback;
}

export type Item = { kind: 'need'; need: SyntheticNeed } | { kind: 'offer'; offer: SyntheticOffer };

/**
 * The synthetic offer as its donor's desk would post it: countries by ISO code, areas by M49 code,
 * and grant limits within the capacity, as the API requires (the generator draws them apart).
 */
function offerInput(offer: SyntheticOffer, donorId: string): Record<string, unknown> {
  const { eligibleAreaCodes, ...rest } = offer;
  const maxGrantUsd = rest.maxGrantUsd === null ? null : Math.min(rest.maxGrantUsd, rest.capacityUsd);
  const minGrantUsd = rest.minGrantUsd === null ? null : Math.min(rest.minGrantUsd, maxGrantUsd ?? rest.capacityUsd);
  return {
    ...rest,
    minGrantUsd,
    maxGrantUsd,
    donorId,
    eligibleCountryIso3s: eligibleAreaCodes.filter((code) => /^[A-Z]{3}$/.test(code)),
    eligibleRegionCodes: eligibleAreaCodes.filter((code) => /^\d{3}$/.test(code)),
  };
}

/** Needs and offers interleaved, so offers arrive all through the load as they would. */
export function workload(market: SyntheticMarket, needCount: number, offerCount: number): Item[] {
  const needs = market.needs(needCount);
  // The generator exhausts some offers (capacity 0), which the API refuses to create.
  const offers = market
    .offers(offerCount * 2)
    .filter((offer) => offer.capacityUsd > 0)
    .slice(0, offerCount);
  const items: Item[] = [];
  const needsPerOffer = needCount / Math.max(1, offerCount);
  for (let n = 0, o = 0; n < needs.length || o < offers.length;) {
    if (o < offers.length && (n >= needs.length || n >= (o + 1) * needsPerOffer - 1)) items.push({ kind: 'offer', offer: offers[o++] });
    else items.push({ kind: 'need', need: needs[n++] });
  }
  return items;
}

/**
 * `clients` clients at once take the items in turn and create and publish each (two mutations); the
 * wall time of the whole load and each mutation's latency.
 */
export async function runClients(
  url: string,
  token: string,
  donorId: string,
  items: Item[],
  clients: number,
): Promise<{ seconds: number; latencies: number[] }> {
  let next = 0;
  const latencies: number[] = [];
  const timed = async <T>(client: GraphQLClient, query: string, variables: Record<string, unknown>): Promise<T> => {
    const start = process.hrtime.bigint();
    const data = await client.request<T>(query, variables);
    latencies.push(millisecondsSince(start));
    return data;
  };
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new GraphQLClient(url);
      client.token = token;
      for (let index = next++; index < items.length; index = next++) {
        const item = items[index];
        if (item.kind === 'need') {
          const { createNeed } = await timed<{ createNeed: { id: string } }>(client, CREATE_NEED, { input: item.need });
          await timed(client, PUBLISH_NEED, { id: createNeed.id });
        } else {
          const { createOffer } = await timed<{ createOffer: { id: string } }>(client, CREATE_OFFER, {
            input: offerInput(item.offer, donorId),
          });
          await timed(client, PUBLISH_OFFER, { id: createOffer.id });
        }
      }
    }),
  );
  return { seconds: millisecondsSince(start) / 1000, latencies };
}

/**
 * Signs in as the ADMIN, creates the donor the offers belong to and the Secretariat account that
 * writes everything (`secretariatId`), and signs that account in.
 */
export async function prepareAccounts(
  url: string,
  admin: { email: string; password: string },
): Promise<{ secretariat: GraphQLClient; secretariatId: string; donorId: string }> {
  const client = new GraphQLClient(url);
  await client.login(admin);
  const { createDonor } = await client.request<{ createDonor: { id: string } }>(
    'mutation CreateDonor($input: CreateDonorInput!) { createDonor(input: $input) { id } }',
    { input: { name: 'Benchmark donor', kind: 'STATE' } },
  );
  const { client: secretariat, id: secretariatId } = await secretariatMember(url, admin, BENCH_SECRETARIAT.email);
  return { secretariat, secretariatId, donorId: createDonor.id };
}

/** A member of the Secretariat with an account of their own (made by `admin`), signed in. */
export async function secretariatMember(
  url: string,
  admin: { email: string; password: string },
  email: string,
): Promise<{ client: GraphQLClient; id: string }> {
  const adminClient = new GraphQLClient(url);
  await adminClient.login(admin);
  const account = { email, password: BENCH_SECRETARIAT.password };
  const { createUser } = await adminClient.request<{ createUser: { id: string } }>(
    'mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { ...account, role: 'SECRETARIAT' } },
  );
  const client = new GraphQLClient(url);
  await client.login(account);
  return { client, id: createUser.id };
}

export interface ServiceStack {
  database: ScratchDatabase;
  /** The API's GraphQL endpoint. */
  url: string;
  redisUrl: string;
  queuePrefix: string;
  services: ServiceProcess[];
  /** Starts `count` more workers at once (not profiled), stopped with the rest; the caller waits for them to be ready. */
  spawnWorkers(count: number): ServiceProcess[];
  /** Stops the processes, drops the database and deletes the queue keys; once, however often it is called. */
  stop(): Promise<void>;
}

/**
 * The compiled API and `workers` workers, one by default (NODE_ENV=production), on a new scratch
 * database, with Redis (BENCH_REDIS_URL) under a queue prefix of their own. SIGINT or SIGTERM stops
 * and removes it all and ends the process; so does a failure to start. The caller stops it when
 * done, failed or not.
 */
export async function startServiceStack(options: {
  profilePrefix: string | null;
  logLevel?: string;
  workers?: number;
}): Promise<ServiceStack> {
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const queuePrefix = `poa-bench-${randomBytes(4).toString('hex')}`;
  const services: ServiceProcess[] = [];
  let database: ScratchDatabase | undefined;
  let stopping: Promise<void> | undefined;
  const onSignal = () => void stop().finally(() => process.exit(130));
  const stop = () =>
    (stopping ??= (async () => {
      for (const service of [...services].reverse()) await service.stop();
      await database?.drop().catch((error: unknown) => console.error(`could not drop the scratch database: ${String(error)}`));
      await deleteQueueKeys(redisUrl, queuePrefix).catch((error: unknown) =>
        console.error(`could not delete the queue keys: ${String(error)}`),
      );
      // Removed only now, so a signal during the clean-up waits for it; and removed, so that in a
      // benchmark starting one stack after another a finished stack's handler cannot end the process
      // before the running one has cleaned up.
      for (const signal of SIGNALS) process.off(signal, onSignal);
    })());
  for (const signal of SIGNALS) process.once(signal, onSignal);
  try {
    database = await createScratchDatabase();
    const port = await freePort();
    const env = benchServiceEnv({ port, databaseUrl: database.url, redisUrl, queuePrefix, logLevel: options.logLevel });
    await startApiAndWorkers(env, services, { workers: options.workers ?? 1, profilePrefix: options.profilePrefix });
    return {
      database,
      url: `http://127.0.0.1:${port}/graphql`,
      redisUrl,
      queuePrefix,
      services,
      spawnWorkers: (count) => spawnWorkers(env, services, count, null),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
