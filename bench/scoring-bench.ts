/**
 * Micro-benchmark of the scoring engine on seeded synthetic data: 10,000 needs × 2,000 offers with a
 * realistic spread of regions, themes, dates and money. Prints the time of each stage, pairs/second and
 * memory. Usage: npx ts-node -P tsconfig.scripts.json bench/scoring-bench.ts [needs] [offers] [topK]
 */
import {
  ASSISTANCE_TYPES,
  AssistanceType,
  NeedForScoring,
  OfferForScoring,
  OfferIndex,
  prepareNeed,
  prepareOffer,
  resolveWeights,
  scoreAll,
  scoreAllInBatches,
  ScoringStats,
} from '../src/matching/engine/scoring';
import { POA_TAXONOMY, POA_THEME_ENTRIES } from '../src/matching/engine/scoring/scoring-fixtures';
import { seededRandom } from './seeded-random';

const [needCount = 10_000, offerCount = 2_000, topK = 10] = process.argv.slice(2).map(Number);
const ROUNDS = 7;

const random = seededRandom(20_240_611);
const chance = (probability: number) => random() < probability;
const intBetween = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const logUniform = (low: number, high: number) => Math.round(low * Math.pow(high / low, random()));
const distinct = <T>(count: number, draw: () => T): T[] => {
  const found = new Set<T>();
  for (let attempt = 0; found.size < count && attempt < count * 20; attempt++) found.add(draw());
  return [...found];
};

/** The M49 tree, leaf area → [intermediate?, sub-region, region], with a rough count of states each. */
const AREAS: { codes: string[]; states: number; needShare: number }[] = [
  { codes: ['015', '002'], states: 6, needShare: 5 },
  { codes: ['014', '202', '002'], states: 18, needShare: 14 },
  { codes: ['017', '202', '002'], states: 9, needShare: 9 },
  { codes: ['018', '202', '002'], states: 5, needShare: 3 },
  { codes: ['011', '202', '002'], states: 16, needShare: 14 },
  { codes: ['029', '419', '019'], states: 13, needShare: 6 },
  { codes: ['013', '419', '019'], states: 8, needShare: 7 },
  { codes: ['005', '419', '019'], states: 12, needShare: 6 },
  { codes: ['021', '019'], states: 2, needShare: 0.5 },
  { codes: ['143', '142'], states: 5, needShare: 3 },
  { codes: ['030', '142'], states: 5, needShare: 1 },
  { codes: ['035', '142'], states: 11, needShare: 5 },
  { codes: ['034', '142'], states: 9, needShare: 6 },
  { codes: ['145', '142'], states: 18, needShare: 8 },
  { codes: ['151', '150'], states: 10, needShare: 4 },
  { codes: ['154', '150'], states: 10, needShare: 0.5 },
  { codes: ['039', '150'], states: 16, needShare: 4 },
  { codes: ['155', '150'], states: 9, needShare: 0.5 },
  { codes: ['053', '009'], states: 2, needShare: 0.2 },
  { codes: ['054', '009'], states: 5, needShare: 2 },
  { codes: ['057', '009'], states: 5, needShare: 1 },
  { codes: ['061', '009'], states: 4, needShare: 1 },
];

interface State {
  iso3: string;
  regionCodes: string[];
  weight: number;
}

const STATES: State[] = AREAS.flatMap((area, areaIndex) =>
  Array.from({ length: area.states }, (_, index) => ({
    iso3: `${String.fromCharCode(65 + areaIndex)}${String.fromCharCode(65 + Math.floor(index / 26))}${String.fromCharCode(65 + (index % 26))}`,
    regionCodes: area.codes,
    weight: area.needShare / area.states,
  })),
);
const TOTAL_STATE_WEIGHT = STATES.reduce((sum, state) => sum + state.weight, 0);
const ALL_AREA_CODES = [...new Set(AREAS.flatMap((area) => area.codes))];
const REGION_CODES = ['002', '019', '142', '150', '009'];

function weightedState(): State {
  let remaining = random() * TOTAL_STATE_WEIGHT;
  for (const state of STATES) {
    remaining -= state.weight;
    if (remaining <= 0) return state;
  }
  return STATES[STATES.length - 1];
}

const THEMES = POA_THEME_ENTRIES.filter((entry) => entry.parentCode !== null).map((entry) => entry.code);
const GROUP_CODES = POA_THEME_ENTRIES.filter((entry) => entry.parentCode === null).map((entry) => entry.code);
/** Demand is skewed: stockpiles, marking, tracing, laws and borders come up far more than youth. */
const popularTheme = () => THEMES[Math.floor(THEMES.length * Math.pow(random(), 1.8))];
const assistanceTypes = (count: number) => distinct<AssistanceType>(count, () => pick(ASSISTANCE_TYPES));

function isoDay(offsetDays: number): string {
  return new Date(Date.UTC(2025, 0, 1) + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function syntheticNeed(index: number): NeedForScoring {
  const state = weightedState();
  const start = intBetween(-180, 900);
  return {
    id: `need-${index.toString().padStart(5, '0')}`,
    countryIso3: state.iso3,
    regionCodes: state.regionCodes,
    themeCodes: distinct(intBetween(1, 4), popularTheme),
    assistanceTypes: assistanceTypes(intBetween(1, 2)),
    unfundedUsd: chance(0.03) ? 0 : logUniform(10_000, 3_000_000),
    startDate: chance(0.15) ? null : isoDay(start),
    endDate: chance(0.2) ? null : isoDay(start + intBetween(180, 1_100)),
    fromNationalReport: chance(0.5),
    nationalActionPlan: chance(0.3),
    genderComponent: chance(0.35),
    baselineAssessment: chance(0.25),
    multiYear: chance(0.4),
    conflictAffected: chance(0.2),
  };
}

function syntheticOffer(index: number): OfferForScoring {
  const reach = random();
  const start = intBetween(-365, 700);
  const ownThemes = distinct(intBetween(1, 4), popularTheme);
  return {
    id: `offer-${index.toString().padStart(4, '0')}`,
    themeCodes: chance(0.15) ? [...ownThemes.slice(1), pick(GROUP_CODES)] : ownThemes,
    assistanceTypes: assistanceTypes(intBetween(1, 3)),
    eligibleCountryIso3s: reach >= 0.7 ? distinct(intBetween(3, 25), () => weightedState().iso3) : [],
    eligibleRegionCodes:
      reach < 0.2
        ? []
        : reach < 0.45
          ? distinct(intBetween(1, 2), () => pick(REGION_CODES))
          : reach < 0.7
            ? distinct(intBetween(1, 3), () => pick(ALL_AREA_CODES))
            : [],
    global: reach < 0.2,
    remainingCapacityUsd: chance(0.05) ? 0 : logUniform(50_000, 10_000_000),
    minGrantUsd: chance(0.3) ? logUniform(10_000, 200_000) : null,
    maxGrantUsd: chance(0.5) ? logUniform(100_000, 2_000_000) : null,
    startDate: chance(0.3) ? null : isoDay(start),
    endDate: chance(0.3) ? null : isoDay(start + intBetween(365, 1_800)),
    requiresGenderComponent: chance(0.1),
  };
}

function millisecondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(0)} MB`;
}

const rawNeeds = Array.from({ length: needCount }, (_, index) => syntheticNeed(index));
const rawOffers = Array.from({ length: offerCount }, (_, index) => syntheticOffer(index));
const weights = resolveWeights();
const pairs = needCount * offerCount;

/** Scores the whole run one way and returns its wall time, CPU time and stats. */
function measure(run: () => ScoringStats): { wallMs: number; cpuMs: number; stats: ScoringStats } {
  const cpuStart = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  const stats = run();
  const cpu = process.cpuUsage(cpuStart);
  return { wallMs: millisecondsSince(wallStart), cpuMs: (cpu.user + cpu.system) / 1000, stats };
}

console.log(
  `scoring ${needCount.toLocaleString('en')} needs × ${offerCount.toLocaleString('en')} offers = ${pairs.toLocaleString('en')} pairs, topK ${topK}`,
);
const warmTimes = { whole: [] as number[], batched: [] as number[] };
for (let round = 1; round <= ROUNDS; round++) {
  const prepareStart = process.hrtime.bigint();
  const needs = rawNeeds.map((need) => prepareNeed(need, POA_TAXONOMY));
  const offerIndex = new OfferIndex(rawOffers.map((offer) => prepareOffer(offer, POA_TAXONOMY)));
  const prepareMs = millisecondsSince(prepareStart);

  // scoreAll keeps every result; the batched run drops each batch as a writer would once it is stored.
  const whole = measure(() => scoreAll(needs, offerIndex, weights, { topK }).stats);
  const batched = measure(() => {
    let last: ScoringStats | undefined;
    for (const batch of scoreAllInBatches(needs, offerIndex, weights, { topK })) last = batch.stats;
    return last!;
  });
  if (round > 1) {
    warmTimes.whole.push(whole.wallMs);
    warmTimes.batched.push(batched.wallMs);
  }
  const { stats } = whole;
  const memory = process.memoryUsage();
  console.log(
    [
      `run ${round}${round === 1 ? ' (cold)' : ''}: prepare+index ${prepareMs.toFixed(0)} ms;`,
      `scoreAll ${whole.wallMs.toFixed(0)} ms (cpu ${whole.cpuMs.toFixed(0)});`,
      `in batches ${batched.wallMs.toFixed(0)} ms (cpu ${batched.cpuMs.toFixed(0)});`,
      `examined ${stats.pairsExamined.toLocaleString('en')}, passing ${stats.pairsPassingFilters.toLocaleString('en')},`,
      `kept ${stats.matchesKept.toLocaleString('en')}; heap ${megabytes(memory.heapUsed)}, rss ${megabytes(memory.rss)}`,
    ].join(' '),
  );
}
// Wall time is noisy on a shared machine: the fastest warm run is the least disturbed one.
for (const [mode, times] of Object.entries(warmTimes)) {
  const sorted = [...times].sort((a, b) => a - b);
  const [fastest, median] = [sorted[0], sorted[Math.floor(sorted.length / 2)]];
  console.log(
    `${mode}: fastest warm ${fastest.toFixed(0)} ms (${(pairs / fastest / 1000).toFixed(1)} M pairs/s), median ${median.toFixed(0)} ms`,
  );
}
