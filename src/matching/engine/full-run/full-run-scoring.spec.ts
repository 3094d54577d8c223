import { MATCHING_TAXONOMY } from '../matching-taxonomy';
import { toProposal } from '../proposal';
import { DEFAULT_WEIGHTS, OfferIndex, prepareNeed, prepareOffer, scoreAll } from '../scoring';
import { aNeed, anOffer, REGION_NAMES } from '../scoring/scoring-fixtures';
import { FullRunScoringInput, proposalsOf, ScoredBatch, scoredBatches } from './full-run-scoring';
import { FullRunScoring } from './scoring-thread-client';

const THEMES = ['STOCKPILE_MANAGEMENT', 'MARKING', 'TRACING', 'BORDER_CUSTOMS'];
const COUNTRIES: [string, string[]][] = [
  ['GHA', ['011', '202', '002']],
  ['KEN', ['014', '202', '002']],
  ['FRA', ['155', '150']],
];

/** A small market with ties, region-bound and global offers, so batches and ranks have something to get wrong. */
function market(): FullRunScoringInput {
  const needs = Array.from({ length: 23 }, (_, n) => {
    const [countryIso3, regionCodes] = COUNTRIES[n % COUNTRIES.length];
    return aNeed({
      id: `need-${String(n).padStart(2, '0')}`,
      countryIso3,
      regionCodes,
      themeCodes: [THEMES[n % 4], THEMES[(n + 1) % 4]],
      unfundedUsd: 10_000 * (n + 1),
    });
  });
  const offers = Array.from({ length: 9 }, (_, o) =>
    anOffer({
      id: `offer-${o}`,
      themeCodes: [THEMES[o % 4]],
      global: o % 3 === 0,
      eligibleRegionCodes: o % 3 === 1 ? ['002'] : o % 3 === 2 ? ['150'] : [],
      remainingCapacityUsd: 50_000 * (o + 1),
    }),
  );
  return {
    needs,
    offers,
    weights: DEFAULT_WEIGHTS,
    topK: 3,
    minScore: 0.1,
    needsPerBatch: 5,
    firstBatchNeeds: 2,
    regionNames: new Map(Object.entries(REGION_NAMES)),
    countryNames: new Map([
      ['GHA', 'Ghana'],
      ['KEN', 'Kenya'],
      ['FRA', 'France'],
    ]),
  };
}

/** A batch with plain arrays: typed arrays from another thread come with that thread's constructors (in jest). */
const plain = (batch: ScoredBatch) => ({
  ...batch,
  needIndexes: Array.from(batch.needIndexes),
  offerIndexes: Array.from(batch.offerIndexes),
  scores: Array.from(batch.scores),
});

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

async function collect(batches: AsyncIterable<ScoredBatch>): Promise<ScoredBatch[]> {
  const collected: ScoredBatch[] = [];
  for await (const batch of batches) collected.push(batch);
  return collected;
}

/** A thread starts through ts-node here, which takes seconds on a busy machine. */
const THREAD_TEST_TIMEOUT_MS = 60_000;

describe('a full run scored in batches', () => {
  it('gives, batch after batch, exactly what scoring the whole run at once gives, as proposals', () => {
    const input = market();
    const whole = scoreAll(
      input.needs.map((need) => prepareNeed(need, MATCHING_TAXONOMY)),
      new OfferIndex(input.offers.map((offer) => prepareOffer(offer, MATCHING_TAXONOMY))),
      input.weights,
      {
        topK: 3,
        minScore: 0.1,
        placeNames: { regionName: (code) => REGION_NAMES[code], countryName: (iso3) => input.countryNames.get(iso3) },
      },
    );
    const batches = [...scoredBatches(input)];
    expect(batches.map((batch) => [batch.firstNeed, batch.needCount])).toEqual([
      [0, 2],
      [2, 5],
      [7, 5],
      [12, 5],
      [17, 5],
      [22, 1],
    ]);
    expect(batches.flatMap((batch) => proposalsOf(batch, ids(input.needs), ids(input.offers)))).toEqual(whole.matches.map(toProposal));
    expect(batches.at(-1)!.stats).toEqual(whole.stats);
    for (const batch of batches) {
      const needsOfBatch = new Set(input.needs.slice(batch.firstNeed, batch.firstNeed + batch.needCount).map((need) => need.id));
      expect(proposalsOf(batch, ids(input.needs), ids(input.offers)).every((proposal) => needsOfBatch.has(proposal.needId))).toBe(true);
    }
  });

  it(
    'gives the same batches from a thread of its own',
    async () => {
      const input = market();
      const scoring = FullRunScoring.start({ inThread: true });
      try {
        const threaded = await collect(scoring.batches(input));
        expect(threaded.map(plain)).toEqual([...scoredBatches(input)].map(plain));
      } finally {
        await scoring.close();
      }
    },
    THREAD_TEST_TIMEOUT_MS,
  );

  it(
    "reports a failure in the thread as the run's error",
    async () => {
      const scoring = FullRunScoring.start({ inThread: true });
      try {
        await expect(collect(scoring.batches({ ...market(), topK: 0 }))).rejects.toThrow(/topK/);
      } finally {
        await scoring.close();
      }
    },
    THREAD_TEST_TIMEOUT_MS,
  );

  it('ends a thread that was started but never given a run', async () => {
    const scoring = FullRunScoring.start({ inThread: true });
    await expect(scoring.close()).resolves.toBeUndefined();
  });
});
