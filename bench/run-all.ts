/**
 * `npm run bench`: compiles the application and the benchmarks (tsc -p bench/tsconfig.json, into
 * bench/.build), then runs each benchmark as compiled JavaScript in its own process, one after the
 * other, and prints the machine they ran on. Each benchmark cleans up after itself (scratch
 * databases, worker and API processes, queue keys); a benchmark that overruns its time limit is
 * stopped, and Ctrl-C stops the running one and lets it clean up.
 *
 *   npm run bench [-- --only scoring,full-run,incremental,allocation,console,read-path,writes,backlog,scale-out]
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describeMachine, loadAverage } from './bench-report';

interface Benchmark {
  name: string;
  title: string;
  script: string;
  args: string[];
  timeLimitMs: number;
}

const ROOT = join(__dirname, '..');
const COMPILED = join(ROOT, 'bench', '.build', 'bench');

const BENCHMARKS: Benchmark[] = [
  {
    name: 'scoring',
    title: 'scoring micro-benchmark: the pure scorer alone, 10,000 needs × 2,000 offers, top 20 per need',
    script: 'scoring-bench.js',
    args: ['10000', '2000', '20'],
    timeLimitMs: 10 * 60_000,
  },
  {
    name: 'full-run',
    title: 'full matching run end to end (load, score, write) through FullRunExecutor',
    script: 'matching-full-run-bench.js',
    args: ['--sizes', '1000x200,10000x2000', '--repeat', '3'],
    timeLimitMs: 20 * 60_000,
  },
  {
    name: 'incremental',
    title: 'incremental matching latency: API + separate worker process + Redis, 200 needs against 2,000 offers',
    script: 'incremental-latency-bench.js',
    args: ['--needs', '200', '--offers', '2000'],
    timeLimitMs: 10 * 60_000,
  },
  {
    name: 'allocation',
    title: 'allocation solver (HiGHS): 5,000 needs × 2,000 offers, top 100 candidates per need',
    script: 'allocation-bench.js',
    args: ['--needs', '5000', '--offers', '2000', '--per-need', '100'],
    timeLimitMs: 15 * 60_000,
  },
  {
    name: 'console',
    title: 'the console in Chromium: sign-in page JavaScript, needs list of 500, Secretariat queue, live match row (builds first)',
    script: 'console-bench.js',
    args: ['--runs', '5', '--needs', '500', '--live', '20'],
    timeLimitMs: 15 * 60_000,
  },
  {
    name: 'read-path',
    title:
      "the read path under load: the demo donor's matches page, { __typename }, me, themes at 20 connections, beside a bare Apollo Server",
    script: 'read-path-bench.js',
    args: ['--connections', '20'],
    timeLimitMs: 10 * 60_000,
  },
  {
    name: 'writes',
    title:
      "writes through the API: 12 clients create and publish 1,000 needs and 200 offers while a worker rescores, beside the disk's bound",
    script: 'write-throughput-bench.js',
    args: ['--needs', '1000', '--offers', '200', '--clients', '12'],
    timeLimitMs: 10 * 60_000,
  },
  {
    name: 'backlog',
    title:
      'the rescoring backlog: 12 clients create and publish 5,000 needs and 1,000 offers; drain time with one worker, a person’s need and a full run meanwhile',
    script: 'backlog-bench.js',
    args: ['--needs', '5000', '--offers', '1000', '--clients', '12'],
    timeLimitMs: 30 * 60_000,
  },
  {
    name: 'scale-out',
    title:
      'scale-out on PostgreSQL: the drain of a backlog of 2,000 needs and 400 offers loaded through the API, and a full run over 5,000 needs × 1,000 offers, with 1 worker against 2',
    script: 'scale-out-bench.js',
    args: ['--needs', '2000', '--offers', '400', '--full-needs', '5000', '--full-offers', '1000', '--repeat', '2'],
    timeLimitMs: 45 * 60_000,
  },
];

let running: ChildProcess | undefined;

function compile(): void {
  console.log('compiling the application and the benchmarks (tsc -p bench/tsconfig.json → bench/.build)…');
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'bench', 'tsconfig.json')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    // tsc still writes its output; a type error elsewhere in the tree should not stop a measurement.
    console.log(`tsc reported errors (the compiled output is used anyway):\n${result.stdout}${result.stderr}`);
  }
}

function runBenchmark(benchmark: Benchmark): Promise<number | string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(COMPILED, benchmark.script), ...benchmark.args], { cwd: ROOT, stdio: 'inherit' });
    running = child;
    const timer = setTimeout(() => {
      console.log(`\n${benchmark.name} overran its ${benchmark.timeLimitMs / 60_000} min limit; stopping it`);
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
    }, benchmark.timeLimitMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      running = undefined;
      resolve(signal ?? code ?? 'unknown');
    });
  });
}

async function main(): Promise<void> {
  const onlyAt = process.argv.indexOf('--only');
  const wanted = onlyAt > 0 ? process.argv[onlyAt + 1].split(',') : BENCHMARKS.map((benchmark) => benchmark.name);
  const unknown = wanted.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.name === name));
  if (unknown.length)
    throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${BENCHMARKS.map((benchmark) => benchmark.name).join(', ')}`);
  process.on('SIGINT', () => {
    // The benchmark gets the signal too (same process group) and cleans up; this process waits for it.
    if (!running) process.exit(130);
  });

  console.log(`poa-match benchmarks\n${describeMachine()}\n`);
  compile();
  const outcomes: string[] = [];
  for (const benchmark of BENCHMARKS.filter((candidate) => wanted.includes(candidate.name))) {
    console.log(
      `\n=== ${benchmark.title}\n    node bench/.build/bench/${benchmark.script} ${benchmark.args.join(' ')}   (load ${loadAverage()})`,
    );
    const started = Date.now();
    const exit = await runBenchmark(benchmark);
    outcomes.push(
      `${benchmark.name.padEnd(12)} ${exit === 0 ? 'done' : `FAILED (exit ${exit})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  console.log(`\n=== summary (load ${loadAverage()})\n${outcomes.join('\n')}`);
  if (outcomes.some((outcome) => outcome.includes('FAILED'))) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
