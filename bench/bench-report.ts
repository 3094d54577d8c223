/** What every benchmark prints beside its figures: the machine, and the best and median of repeated timings. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

export function describeMachine(): string {
  const cpuModel = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  const memory = execFileSync('free', ['-h'], { encoding: 'utf8' }).trimEnd();
  const processors = execFileSync('nproc', { encoding: 'utf8' }).trim();
  return [
    `date      ${new Date().toISOString()}`,
    `cpu       ${cpuModel}, nproc ${processors}`,
    `node      ${process.version} (${process.platform} ${process.arch})`,
    `load      ${loadAverage()} (1, 5, 15 min; other work on the machine makes timings noisy)`,
    'memory (free -h)',
    ...memory.split('\n').map((line) => `  ${line}`),
  ].join('\n');
}

/** The machine's CPU time so far, busy and in all, from /proc/stat (in clock ticks). */
export interface CpuTimes {
  busy: number;
  total: number;
}

export function cpuTimes(): CpuTimes {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

/** How many of the machine's cores were busy on average since `since`, by every process on it: "1.9 of 2 cores busy". */
export function coresBusySince(since: CpuTimes): string {
  const now = cpuTimes();
  const share = (now.busy - since.busy) / Math.max(1, now.total - since.total);
  return `${(share * cpus().length).toFixed(1)} of ${cpus().length} cores busy`;
}

export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
}

export interface Summary {
  best: number;
  median: number;
  worst: number;
}

/** Best (lowest), median and worst of repeated measurements. */
export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return { best: sorted[0], median: percentile(sorted, 50), worst: sorted[sorted.length - 1] };
}

/** Nearest-rank percentile of values sorted ascending. */
export function percentile(sortedValues: readonly number[], percent: number): number {
  const rank = Math.ceil((percent / 100) * sortedValues.length);
  return sortedValues[Math.min(sortedValues.length, Math.max(1, rank)) - 1];
}

export const megabytes = (bytes: number): string => `${(bytes / 1_048_576).toFixed(0)} MB`;

/** Peak resident set size of this process so far (`maxRSS` is in kilobytes). */
export const peakRssBytes = (): number => process.resourceUsage().maxRSS * 1024;

export const verdict = (met: boolean): string => (met ? 'target met' : 'TARGET MISSED');
