/**
 * Allocation solver at full scale: 5,000 needs × 2,000 offers, the 100 best candidates per need
 * (500,000 columns), on seeded synthetic data.
 *
 *   npm run bench:allocation -- [--seed 1] [--scenario plain|grants|geo|all] [--repeat 3]
 *     [--needs 5000] [--offers 2000] [--per-need 100]
 *
 * Scenarios: `plain` (capacities and maximum grants only, a pure LP), `grants` (40% of offers also
 * have a minimum grant, a MIP with semi-continuous columns), `geo` (grants plus a 10% regional
 * minimum share and a 3% country share cap). Each is solved once to warm up, then `--repeat` times;
 * it prints build and solve time (wall clock, and the process CPU time, which is steadier on a
 * busy machine), status, optimum vs greedy and whether every constraint holds; then peak RSS.
 */
import { findAllocationViolations } from '../src/pairings/allocation/allocation-verifier';
import { solveAllocation } from '../src/pairings/allocation/allocation-solver';
import {
  AllocationCandidate,
  AllocationNeed,
  AllocationOffer,
  AllocationOptions,
  AllocationProblem,
} from '../src/pairings/allocation/allocation.types';
import { describeMachine, megabytes, peakRssBytes, summarise, verdict } from './bench-report';
import { seededRandom } from './seeded-random';

export interface BenchSize {
  needs: number;
  offers: number;
  candidatesPerNeed: number;
}

const FULL_SIZE: BenchSize = { needs: 5_000, offers: 2_000, candidatesPerNeed: 100 };

const SOLVE_TARGET_MILLIS = 5_000;

/** M49 regions with roughly their number of countries. */
const REGIONS: [code: string, countries: number][] = [
  ['002', 54],
  ['019', 35],
  ['142', 48],
  ['150', 44],
  ['009', 14],
];

export type Scenario = 'plain' | 'grants' | 'geo';

/** Log-uniform whole thousands of dollars between `low` and `high`. */
function dollars(random: () => number, low: number, high: number): number {
  return Math.round(Math.exp(Math.log(low) + random() * (Math.log(high) - Math.log(low))) / 1000) * 1000;
}

export function generateProblem(seed: number, scenario: Scenario, size: BenchSize = FULL_SIZE): AllocationProblem {
  const random = seededRandom(seed);
  const countries = REGIONS.flatMap(([regionCode, count]) =>
    Array.from({ length: count }, (_, i) => ({ countryIso3: `${regionCode}-${i}`, regionCode })),
  );
  const needs: AllocationNeed[] = Array.from({ length: size.needs }, (_, i) => ({
    id: `need-${i}`,
    unfundedUsd: dollars(random, 20_000, 2_000_000),
    ...countries[Math.floor(random() * countries.length)],
  }));
  const offers: AllocationOffer[] = Array.from({ length: size.offers }, (_, i) => {
    const remainingUsd = dollars(random, 100_000, 5_000_000);
    const minGrantUsd = scenario !== 'plain' && random() < 0.4 ? dollars(random, 10_000, 100_000) : null;
    const maxGrantUsd = random() < 0.5 ? dollars(random, 150_000, 1_500_000) : null;
    return { id: `offer-${i}`, remainingUsd, minGrantUsd, maxGrantUsd };
  });

  const candidates: AllocationCandidate[] = [];
  const offerOrder = Array.from({ length: size.offers }, (_, i) => i);
  for (const need of needs) {
    // Partial Fisher–Yates: distinct offers for each need, as if the best-scored were kept.
    for (let k = 0; k < Math.min(size.candidatesPerNeed, size.offers); k++) {
      const pick = k + Math.floor(random() * (size.offers - k));
      [offerOrder[k], offerOrder[pick]] = [offerOrder[pick], offerOrder[k]];
      const offer = offers[offerOrder[k]];
      candidates.push({
        matchId: `${need.id}:${offer.id}`,
        needId: need.id,
        offerId: offer.id,
        score: Math.round((0.3 + 0.7 * random() ** 2) * 10_000) / 10_000,
      });
    }
  }
  const options: AllocationOptions = scenario === 'geo' ? { minRegionShare: 0.1, maxCountryShare: 0.03 } : {};
  return { needs, offers, candidates, options };
}

function argument(name: string, fallback: string): string {
  const position = process.argv.indexOf(`--${name}`);
  return position >= 0 ? process.argv[position + 1] : fallback;
}

async function main(): Promise<void> {
  const seed = Number(argument('seed', '1'));
  const size: BenchSize = {
    needs: Number(argument('needs', String(FULL_SIZE.needs))),
    offers: Number(argument('offers', String(FULL_SIZE.offers))),
    candidatesPerNeed: Number(argument('per-need', String(FULL_SIZE.candidatesPerNeed))),
  };
  const repeat = Number(argument('repeat', '3'));
  const requested = argument('scenario', 'all');
  const scenarios: Scenario[] = requested === 'all' ? ['plain', 'grants', 'geo'] : [requested as Scenario];
  console.log(describeMachine());

  for (const scenario of scenarios) {
    const problem = generateProblem(seed, scenario, size);
    console.log(`\n[${scenario}] ${problem.needs.length} needs × ${problem.offers.length} offers, ${problem.candidates.length} candidates`);
    const builds: number[] = [];
    const solves: number[] = [];
    const cpus: number[] = [];
    let result = await solveAllocation(problem);
    for (let run = 0; run < repeat; run++) {
      const cpuBefore = process.cpuUsage();
      result = await solveAllocation(problem);
      const cpu = process.cpuUsage(cpuBefore);
      builds.push(result.buildMillis);
      solves.push(result.solveMillis);
      cpus.push((cpu.user + cpu.system) / 1000);
    }
    const violations = findAllocationViolations(problem, result.allocations);
    const gain = result.greedyObjective > 0 ? (100 * (result.objective / result.greedyObjective - 1)).toFixed(2) : 'n/a';
    const gap = result.upperBound !== null && result.upperBound > 0 ? (100 * (1 - result.objective / result.upperBound)).toFixed(4) : 'n/a';
    const [build, solve, cpu] = [builds, solves, cpus].map(summarise);
    console.log(`  ${repeat} runs after a warm-up, best / median ms:`);
    console.log(`  build ${build.best} / ${build.median}, solve ${solve.best} / ${solve.median} (wall)`);
    console.log(`  process CPU for build and solve ${cpu.best.toFixed(0)} / ${cpu.median.toFixed(0)}`);
    console.log(`  solve ≤ ${SOLVE_TARGET_MILLIS} ms: ${verdict(solve.median <= SOLVE_TARGET_MILLIS)}`);
    console.log(`  status ${result.status} (${result.source}), ${result.allocations.length} grants`);
    console.log(`  objective ${result.objective.toFixed(0)} vs greedy ${result.greedyObjective.toFixed(0)} (+${gain}%)`);
    console.log(`  upper bound ${result.upperBound?.toFixed(0) ?? 'none'} (gap after rounding ${gap}%)`);
    console.log(`  constraint violations: ${violations.length}${violations.length ? ` e.g. ${violations[0]}` : ''}`);
    console.log(`  objective ≥ greedy: ${verdict(result.objective >= result.greedyObjective)}`);
    if (result.message) console.log(`  ${result.message}`);
  }
  console.log(`\npeak RSS ${megabytes(peakRssBytes())}`);
}

if (require.main === module) void main();
