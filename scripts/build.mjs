#!/usr/bin/env node
// Builds the API and the console without ever touching a build a process may be running from.
//
//   node scripts/build.mjs              build now (`npm run build`)
//   node scripts/build.mjs --if-stale   build only when dist/ is missing or was built from other sources
//                                       (`npm start`, `npm run start:worker`, `npm run cli`, …)
//
// Each build goes to a directory of its own, .builds/<id>/, and `dist` is a symbolic link to the
// current one, replaced in one rename once the new build is complete. A process started from
// dist/main.js runs from the build's real path (Node resolves the link when it loads the script), so
// the threads it starts later (the full run's scoring, the allocation solver, the WAL checkpoint)
// find their files in the build it started with, whatever is built after it. The latest KEEP_BUILDS
// builds are kept, and older ones only go when no running process can be using them (see
// buildsInUse). Two commands that find the build stale at once build once: the second waits on
// .builds/.lock and then finds the build current.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILDS = join(ROOT, '.builds');
const DIST = join(ROOT, 'dist');
const LOCK = join(BUILDS, '.lock');
const FINGERPRINT_FILE = '.fingerprint';
const KEEP_BUILDS = 3;
/** What a build is made from; a change to any of these makes the build stale. */
const INPUTS = ['src', 'web', 'schema.gql', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];
/** Written by the build itself (the console's typed operations), so not an input. */
const GENERATED = [join(ROOT, 'web', 'src', 'gql')];

const ifStale = process.argv.includes('--if-stale');
const log = (message) => process.stderr.write(`build: ${message}\n`);

function filesUnder(path) {
  if (GENERATED.some((generated) => path === generated) || !existsSync(path)) return [];
  if (!lstatSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name !== 'node_modules')
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

function fingerprint() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => filesUnder(join(ROOT, input)))) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function currentFingerprint() {
  try {
    return readFileSync(join(DIST, FINGERPRINT_FILE), 'utf8');
  } catch {
    return null;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

const npx = (...args) => run(process.platform === 'win32' ? 'npx.cmd' : 'npx', args);

function buildInto(directory) {
  npx('tsc', '-p', 'tsconfig.json', '--outDir', directory);
  // Data files the code reads at run time (reference data), as `nest build` copied them.
  cpSync(join(ROOT, 'src'), directory, {
    recursive: true,
    filter: (source) => lstatSync(source).isDirectory() || source.endsWith('.json'),
  });
  run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'web:typecheck']);
  npx('vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn', '--outDir', join(directory, 'web'), '--emptyOutDir');
}

/** Points dist at `directory` in one rename: a reader sees the old build or the new one, never neither. */
function publish(directory) {
  if (existsSync(DIST) && !lstatSync(DIST).isSymbolicLink()) {
    // A dist/ directory from before builds were kept apart: kept as a build of its own.
    renameSync(DIST, join(BUILDS, `0-earlier-${Date.now()}`));
  }
  const link = join(BUILDS, `.dist-${process.pid}`);
  rmSync(link, { force: true });
  symlinkSync(relative(ROOT, directory), link);
  renameSync(link, DIST);
}

/**
 * Builds that running processes started from, read from their command lines (Linux's /proc). null
 * when that cannot be known: no /proc, or a process started through the dist link, whose build is
 * whichever dist pointed to then.
 */
function buildsInUse() {
  const used = new Set();
  let pids;
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  for (const pid of pids) {
    let cwd, args;
    try {
      cwd = readlinkSync(`/proc/${pid}/cwd`);
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // ended meanwhile, or not ours to read
    }
    for (const arg of args.filter((candidate) => candidate.endsWith('.js'))) {
      const path = resolve(cwd, arg);
      if (path.startsWith(DIST + sep)) return null;
      if (path.startsWith(BUILDS + sep)) used.add(path.slice(BUILDS.length + 1).split(sep)[0]);
    }
  }
  return used;
}

/** Removes builds beyond the latest KEEP_BUILDS that no running process may need. */
function prune(current) {
  const inUse = buildsInUse();
  if (!inUse) return;
  const builds = readdirSync(BUILDS)
    .filter((name) => !name.startsWith('.') && lstatSync(join(BUILDS, name)).isDirectory())
    .sort()
    .reverse();
  for (const name of builds.slice(KEEP_BUILDS)) {
    if (name !== current && !inUse.has(name)) rmSync(join(BUILDS, name), { recursive: true, force: true });
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** One build at a time per checkout: a lock directory naming its holder, taken over when the holder is gone. */
function withLock(work) {
  mkdirSync(BUILDS, { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(readFileSafe(join(LOCK, 'pid')));
      if (holder && !processAlive(holder)) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (!announced) log(`waiting for the build of process ${holder || '?'}`);
      announced = true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  writeFileSync(join(LOCK, 'pid'), String(process.pid));
  try {
    return work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function readFileSafe(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function main() {
  if (ifStale && currentFingerprint() === fingerprint()) return;
  withLock(() => {
    // Built by another command while this one waited.
    if (ifStale && currentFingerprint() === fingerprint()) return;
    if (ifStale) log(existsSync(DIST) ? 'the sources changed since the last build; building' : 'no build yet; building');
    const id = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${process.pid}`;
    const directory = join(BUILDS, id);
    try {
      buildInto(directory);
    } catch (error) {
      rmSync(directory, { recursive: true, force: true });
      throw error;
    }
    writeFileSync(join(directory, FINGERPRINT_FILE), fingerprint());
    publish(directory);
    prune(id);
    log(`dist -> ${relative(ROOT, realpathSync(DIST))}`);
  });
}

try {
  main();
} catch (error) {
  log(error.message);
  process.exit(1);
}
