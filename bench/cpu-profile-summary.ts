/**
 * Where the time of a V8 CPU profile (`node --cpu-prof`, or the benchmarks' `--profile`) goes: self
 * time by source file and by function, and the inclusive time of the functions that matter most.
 *
 *   node bench/.build/bench/cpu-profile-summary.js bench/.profiles/FILE.cpuprofile [--top 25]
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function place(frame: CallFrame): string {
  if (!frame.url) return `(${frame.functionName || 'native'})`;
  const path = frame.url.replace(/^file:\/\//, '');
  return relative(process.cwd(), path).replace(/^node_modules\//, '~/');
}

function label(frame: CallFrame): string {
  return `${frame.functionName || '(anonymous)'} ${place(frame)}:${frame.lineNumber + 1}`;
}

function topEntries(totals: Map<string, number>, limit: number): [string, number][] {
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: cpu-profile-summary FILE.cpuprofile [--top N]');
  const limitAt = process.argv.indexOf('--top');
  const limit = limitAt > 0 ? Number(process.argv[limitAt + 1]) : 25;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const selfByNode = new Map<number, number>();
  profile.samples.forEach((nodeId, index) => selfByNode.set(nodeId, (selfByNode.get(nodeId) ?? 0) + profile.timeDeltas[index] / 1000));
  const total = [...selfByNode.values()].reduce((sum, ms) => sum + ms, 0);

  const selfByFile = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusiveByFunction = new Map<string, number>();
  for (const [nodeId, ms] of selfByNode) {
    const frame = byId.get(nodeId)!.callFrame;
    selfByFile.set(place(frame), (selfByFile.get(place(frame)) ?? 0) + ms);
    selfByFunction.set(label(frame), (selfByFunction.get(label(frame)) ?? 0) + ms);
    // Each function on the stack gets the sample once, however deep its recursion.
    const seen = new Set<string>();
    for (let id: number | undefined = nodeId; id !== undefined; id = parentOf.get(id)) {
      const name = label(byId.get(id)!.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusiveByFunction.set(name, (inclusiveByFunction.get(name) ?? 0) + ms);
    }
  }

  const row = ([name, ms]: [string, number]) =>
    `  ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`;
  console.log(`${file}: ${total.toFixed(0)} ms sampled`);
  console.log('\nself time by file');
  topEntries(selfByFile, limit).forEach((entry) => console.log(row(entry)));
  console.log('\nself time by function');
  topEntries(selfByFunction, limit).forEach((entry) => console.log(row(entry)));
  console.log('\ninclusive time of the project’s own functions');
  const ownFunctions = new Map([...inclusiveByFunction].filter(([name]) => / (src|bench)\//.test(name) || name.includes('.build/src/')));
  topEntries(ownFunctions, limit).forEach((entry) => console.log(row(entry)));
}

main();
