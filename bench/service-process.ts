/**
 * What the benchmarks that measure the service as its users meet it share: the compiled API (or
 * worker) started as a process of its own, and a GraphQL client speaking to it over HTTP.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../src/demo/demo-data';

/** Where `--profile` runs write the V8 CPU profiles of the processes they start. */
export const PROFILE_DIR = join(process.cwd(), 'bench', '.profiles');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const millisecondsSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The compiled application beside the compiled benchmarks (`npm run bench` writes both to bench/.build). */
export const COMPILED_SOURCE = join(__dirname, '..', 'src');

/** The ADMIN account of a service a benchmark starts on its own scratch database. */
export const BENCH_ADMIN = { email: 'admin@bench.local', password: 'a-benchmark-admin-password' };

/**
 * The environment of a production API or worker on a benchmark's scratch database and queue prefix. Without
 * `logLevel` the production default applies, whatever the shell running the benchmark sets.
 */
export function benchServiceEnv(settings: {
  port: number;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  logLevel?: string;
}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(settings.port),
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    QUEUE_PREFIX: settings.queuePrefix,
    JWT_SECRET: randomBytes(24).toString('hex'),
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    LOGIN_RATE_LIMIT: '1000',
  };
  if (settings.logLevel) env.LOG_LEVEL = settings.logLevel;
  else delete env.LOG_LEVEL;
  return env;
}

/** A demo account (`npm run seed:demo`), e.g. `demoAccount('donor.germany')`. */
export const demoAccount = (name: string) => ({ email: `${name}@demo.poa-match.local`, password: DEMO_PASSWORD });

/**
 * Loads the demonstration (`npm run seed:demo`) into the database of `env.DATABASE_URL` with the
 * compiled seed, in-process matching included; the seed refuses NODE_ENV=production, so it runs without.
 */
export function seedDemo(env: NodeJS.ProcessEnv): void {
  const seedEnv: NodeJS.ProcessEnv = { ...env };
  delete seedEnv.NODE_ENV;
  delete seedEnv.REDIS_URL;
  const seeded = spawnSync(process.execPath, [join(COMPILED_SOURCE, 'seed-demo.js')], { env: seedEnv, encoding: 'utf8', timeout: 300_000 });
  if (seeded.status !== 0)
    throw new Error(`seeding the demo failed (${seeded.status ?? seeded.signal}):\n${seeded.stderr}\n${seeded.stdout}`);
}

/** User and system CPU time in seconds from a /proc `stat` line, of a process or one of its threads. */
function cpuSecondsOf(statFile: string): number {
  const fields = readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of the line; counted here from field 3, after the name.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** The unit of /proc's CPU times: USER_HZ, 100 on every Linux build this runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** The processes a process started itself (several API processes: API_PROCESSES), from /proc. */
function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

/** A compiled entry point (`src/main.js`, `src/worker.js`) started as its own process. */

export class ServiceProcess {
  private output = '';
  private problems: string[] = [];
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;

  constructor(
    readonly name: string,
    script: string,
    env: NodeJS.ProcessEnv,
    profileName: string | null,
  ) {
    const profiling = profileName ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR, '--cpu-prof-name', profileName] : [];
    this.child = spawn(process.execPath, [...profiling, script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Only the tail is kept: enough to explain a failure, without growing with every job logged.
    const keep = (chunk: Buffer) => {
      const text = chunk.toString();
      this.output = (this.output + text).slice(-20_000);
      // Warnings and errors (pino levels 40 and up) are kept apart, so a flood of request lines does not push them out.
      for (const line of text.split('\n')) if (/"level":[4-6]0\b/.test(line)) this.problems = [...this.problems, line].slice(-20);
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
  }

  async waitFor(text: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes(text)) {
      if (!this.running) throw new Error(`${this.name} exited with ${this.child.exitCode ?? this.child.signalCode}:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`${this.name} did not say "${text}" within ${timeoutMs} ms:\n${this.output}`);
      await sleep(50);
    }
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last warnings and errors it logged and the last lines it wrote, to explain a failure. */
  recentOutput(lines = 10): string {
    return [...this.problems, '…', ...this.output.split('\n').slice(-lines)].join('\n');
  }

  /**
   * The CPU time the process has used so far, user and system, in seconds (Linux: /proc). A ratio of
   * two readings to the work done between them holds on a busy machine, where rates do not.
   */
  cpuSeconds(): number {
    const pid = this.child.pid!;
    return [pid, ...childrenOf(pid)].reduce((sum, each) => sum + cpuSecondsOf(`/proc/${each}/stat`), 0);
  }

  /**
   * The same for the main thread alone, where the JavaScript runs (GC helpers and libuv's pool left
   * out); of a process that started others to serve (API_PROCESSES), their main threads' mean.
   */
  mainThreadCpuSeconds(): number {
    const pid = this.child.pid!;
    const serving = childrenOf(pid);
    const threads = serving.length ? serving : [pid];
    return threads.reduce((sum, each) => sum + cpuSecondsOf(`/proc/${each}/task/${each}/stat`), 0) / threads.length;
  }

  /** SIGTERM, and SIGKILL if it has not exited after the grace period. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** What a worker writes once it takes jobs. */
export const WORKER_READY = 'poa-match worker: consuming';

/**
 * The compiled API and then `workers` worker processes on `env`, each added to `services` as soon as
 * it is started, so the caller stops it also when another fails to start. With `profilePrefix`, each
 * writes its V8 CPU profile (`<prefix>-api.cpuprofile`, and as `spawnWorkers` names them).
 */
export async function startApiAndWorkers(
  env: NodeJS.ProcessEnv,
  services: ServiceProcess[],
  options: { workers: number; profilePrefix: string | null },
): Promise<void> {
  const { profilePrefix } = options;
  const api = new ServiceProcess('API', join(COMPILED_SOURCE, 'main.js'), env, profilePrefix && `${profilePrefix}-api.cpuprofile`);
  services.push(api);
  await api.waitFor('poa-match: console at');
  await Promise.all(spawnWorkers(env, services, options.workers, profilePrefix).map((worker) => worker.waitFor(WORKER_READY)));
}

/**
 * `count` compiled workers started at once, each added to `services`; the caller waits for
 * `WORKER_READY` as it needs. With `profilePrefix` the first writes `<prefix>-worker.cpuprofile`,
 * the next `<prefix>-worker-2.cpuprofile` and so on.
 */
export function spawnWorkers(
  env: NodeJS.ProcessEnv,
  services: ServiceProcess[],
  count: number,
  profilePrefix: string | null,
): ServiceProcess[] {
  return Array.from({ length: count }, (_, index) => {
    const suffix = index === 0 ? '' : `-${index + 1}`;
    const worker = new ServiceProcess(
      index === 0 ? 'worker' : `worker ${index + 1}`,
      join(COMPILED_SOURCE, 'worker.js'),
      env,
      profilePrefix && `${profilePrefix}-worker${suffix}.cpuprofile`,
    );
    services.push(worker);
    return worker;
  });
}

/**
 * A client of the GraphQL API, one request at a time on a kept-alive connection. Through `node:http`
 * rather than `fetch`: the benchmarks load the service from the same machine, and fetch (undici) spent
 * about a third of a core at 250 requests/s that the service then lacked.
 */
export class GraphQLClient {
  token?: string;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly url: string) {}

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const payload = JSON.stringify({ query, variables });
    const text = await new Promise<string>((resolve, reject) => {
      const call = httpRequest(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          response.on('error', reject);
        },
      );
      call.on('error', reject);
      call.end(payload);
    });
    const body = JSON.parse(text) as { data?: T; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  async login(account: { email: string; password: string }): Promise<void> {
    const { login } = await this.request<{ login: { accessToken: string } }>(
      'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      account,
    );
    this.token = login.accessToken;
  }
}
