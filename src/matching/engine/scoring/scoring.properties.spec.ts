import fc from 'fast-check';
import { NeedIndex, OfferIndex } from './candidate-indexes';
import { scorePair } from './pair-scorer';
import { prepareNeed, prepareOffer } from './prepared-forms';
import { scoreAll, scoreNeedAgainstOffers, scoreOfferAgainstNeeds } from './score-all';
import { aNeed, anOffer, POA_TAXONOMY, POA_THEME_ENTRIES } from './scoring-fixtures';
import { ASSISTANCE_TYPES, FACTOR_NAMES, FactorName, NeedForScoring, OfferForScoring, PairScore, ScoringWeights } from './types';

const THEMES = POA_THEME_ENTRIES.filter((entry) => entry.parentCode !== null).map((entry) => entry.code);
const GROUPS = POA_THEME_ENTRIES.filter((entry) => entry.parentCode === null).map((entry) => entry.code);
const COUNTRY_REGIONS: Record<string, string[]> = {
  GHA: ['011', '202', '002'],
  NGA: ['011', '202', '002'],
  KEN: ['014', '202', '002'],
  FRA: ['155', '150'],
};
const REGION_CODES = ['011', '014', '202', '002', '155', '150', '001'];

/** A window of days in early 2024, each end open or not; short spans so boundaries often touch. */
const window = fc
  .record({
    start: fc.integer({ min: 0, max: 60 }),
    length: fc.integer({ min: 0, max: 30 }),
    openStart: fc.boolean(),
    openEnd: fc.boolean(),
  })
  .map(({ start, length, openStart, openEnd }) => ({
    startDate: openStart ? null : isoDay(start),
    endDate: openEnd ? null : isoDay(start + length),
  }));

function isoDay(offset: number): string {
  return new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

const usd = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000_000 }), fc.double({ min: 1, max: 3_000_000, noNaN: true }));

const needArbitrary: fc.Arbitrary<NeedForScoring> = fc
  .record({
    countryIso3: fc.constantFrom(...Object.keys(COUNTRY_REGIONS)),
    themeCodes: fc.subarray(THEMES, { maxLength: 5 }),
    assistanceTypes: fc.subarray([...ASSISTANCE_TYPES]),
    unfundedUsd: fc.oneof(usd, fc.constant(-5_000)),
    window,
    flags: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  })
  .map(({ countryIso3, window: dates, flags, ...rest }) => {
    const [fromNationalReport, nationalActionPlan, genderComponent, baselineAssessment, multiYear, conflictAffected] = flags;
    return aNeed({
      ...rest,
      ...dates,
      countryIso3,
      regionCodes: COUNTRY_REGIONS[countryIso3],
      fromNationalReport,
      nationalActionPlan,
      genderComponent,
      baselineAssessment,
      multiYear,
      conflictAffected,
    });
  });

const offerArbitrary: fc.Arbitrary<OfferForScoring> = fc
  .record({
    themeCodes: fc.subarray([...THEMES, ...GROUPS], { maxLength: 5 }),
    assistanceTypes: fc.subarray([...ASSISTANCE_TYPES]),
    eligibleCountryIso3s: fc.subarray(Object.keys(COUNTRY_REGIONS)),
    eligibleRegionCodes: fc.subarray(REGION_CODES, { maxLength: 3 }),
    global: fc.boolean(),
    remainingCapacityUsd: usd,
    minGrantUsd: fc.option(usd),
    maxGrantUsd: fc.option(usd),
    window,
    requiresGenderComponent: fc.boolean(),
  })
  .map(({ window: dates, ...rest }) => anOffer({ ...rest, ...dates }));

const weightsArbitrary: fc.Arbitrary<ScoringWeights> = fc
  .tuple(...FACTOR_NAMES.map(() => fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true }))))
  .map((values) => Object.fromEntries(FACTOR_NAMES.map((name, index) => [name, values[index]])) as ScoringWeights)
  .filter((weights) => FACTOR_NAMES.some((name) => name !== 'gender' && weights[name] > 0));

const withIds = <T extends { id: string }>(items: T[], prefix: string): T[] =>
  items.map((item, index) => ({ ...item, id: `${prefix}-${String(index).padStart(2, '0')}` }));

const prepared = (need: NeedForScoring, offer: OfferForScoring) =>
  [prepareNeed(need, POA_TAXONOMY), prepareOffer(offer, POA_TAXONOMY)] as const;

/** The hard filters written out plainly over the raw inputs, independently of the engine. */
function passesFiltersPlainly(need: NeedForScoring, offer: OfferForScoring): boolean {
  const covered = new Set(offer.themeCodes.flatMap((code) => (GROUPS.includes(code) ? POA_TAXONOMY.themesOf(code) : [code])));
  const eligible =
    offer.global ||
    offer.eligibleRegionCodes.includes('001') ||
    offer.eligibleCountryIso3s.includes(need.countryIso3) ||
    need.regionCodes.some((code) => offer.eligibleRegionCodes.includes(code));
  const overlaps = (need.startDate ?? '0000') <= (offer.endDate ?? '9999') && (offer.startDate ?? '0000') <= (need.endDate ?? '9999');
  return (
    need.themeCodes.some((code) => covered.has(code)) &&
    eligible &&
    need.assistanceTypes.some((type) => offer.assistanceTypes.includes(type)) &&
    overlaps &&
    offer.remainingCapacityUsd > 0 &&
    need.unfundedUsd > 0 &&
    (offer.minGrantUsd ?? 0) <= need.unfundedUsd &&
    (need.genderComponent || !offer.requiresGenderComponent)
  );
}

/** Weighted mean of a breakdown, gender left out when it does not count. */
function weightedMean(result: PairScore, weights: ScoringWeights): number {
  const counted = FACTOR_NAMES.filter((name) => result.breakdown[name] !== null);
  const total = counted.reduce((sum, name) => sum + weights[name], 0);
  return counted.reduce((sum, name) => sum + weights[name] * (result.breakdown[name] as number), 0) / total;
}

function byScoreThenOffer(a: PairScore, b: PairScore): number {
  return b.score - a.score || (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0);
}

describe('scoring properties', () => {
  it('keeps every score and every factor within [0, 1]', () => {
    fc.assert(
      fc.property(needArbitrary, offerArbitrary, weightsArbitrary, (need, offer, weights) => {
        const result = scorePair(...prepared(need, offer), weights);
        if (result === null) return;
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        for (const value of Object.values(result.breakdown)) {
          if (value !== null) expect(value >= 0 && value <= 1).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('scores a pair exactly when it passes every hard filter', () => {
    fc.assert(
      fc.property(needArbitrary, offerArbitrary, (need, offer) => {
        const result = scorePair(...prepared(need, offer), uniformWeights());
        expect(result !== null).toBe(passesFiltersPlainly(need, offer));
      }),
      { numRuns: 1_000 },
    );
  });

  it('never lowers theme fit when the offer adds one of the need’s themes or its group', () => {
    fc.assert(
      fc.property(
        needArbitrary.filter((need) => need.themeCodes.length > 0),
        offerArbitrary,
        fc.nat(),
        fc.boolean(),
        (need, offer, pick, asGroup) => {
          const before = scorePair(...prepared(need, offer), uniformWeights());
          fc.pre(before !== null);
          const theme = need.themeCodes[pick % need.themeCodes.length];
          const added = asGroup ? POA_TAXONOMY.groupOf(theme)! : theme;
          const after = scorePair(...prepared(need, { ...offer, themeCodes: [...offer.themeCodes, added] }), uniformWeights());
          expect(after).not.toBeNull();
          expect(after!.breakdown.theme).toBeGreaterThanOrEqual(before.breakdown.theme);
        },
      ),
    );
  });

  it('drops a factor with zero weight: the score is the weighted mean of the others', () => {
    fc.assert(
      fc.property(
        needArbitrary,
        offerArbitrary,
        weightsArbitrary,
        fc.constantFrom(...FACTOR_NAMES),
        (need, offer, weights, dropped: FactorName) => {
          const withoutOne = { ...weights, [dropped]: 0 };
          fc.pre(FACTOR_NAMES.some((name) => name !== 'gender' && withoutOne[name] > 0));
          const result = scorePair(...prepared(need, offer), withoutOne);
          if (result === null) return;
          const others = FACTOR_NAMES.filter((name) => name !== dropped && result.breakdown[name] !== null);
          const total = others.reduce((sum, name) => sum + withoutOne[name], 0);
          const expected = others.reduce((sum, name) => sum + withoutOne[name] * (result.breakdown[name] as number), 0) / total;
          expect(result.score).toBeCloseTo(expected, 10);
          expect(result.score).toBeCloseTo(weightedMean(result, withoutOne), 10);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('scoreAll keeps at most topK per need, all ≥ minScore, sorted, and agrees with scorePair', () => {
    fc.assert(
      fc.property(
        fc.array(needArbitrary, { maxLength: 12 }),
        fc.array(offerArbitrary, { maxLength: 12 }),
        weightsArbitrary,
        fc.integer({ min: 1, max: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rawNeeds, rawOffers, weights, topK, minScore) => {
          const needs = withIds(rawNeeds, 'need').map((need) => prepareNeed(need, POA_TAXONOMY));
          const offers = withIds(rawOffers, 'offer').map((offer) => prepareOffer(offer, POA_TAXONOMY));
          const { matches, stats } = scoreAll(needs, offers, weights, { topK, minScore });

          const expected = needs.flatMap((need) =>
            offers
              .map((offer) => scorePair(need, offer, weights))
              .filter((result): result is PairScore => result !== null && result.score >= minScore)
              .sort(byScoreThenOffer)
              .slice(0, topK),
          );
          expect(matches).toEqual(expected);
          for (const need of needs) {
            const own = matches.filter((match) => match.needId === need.source.id);
            expect(own.length).toBeLessThanOrEqual(topK);
            expect(own.every((match, index) => match.score >= minScore && (index === 0 || own[index - 1].score >= match.score))).toBe(true);
          }
          const passing = needs.flatMap((need) => offers.filter((offer) => scorePair(need, offer, weights) !== null));
          expect(stats.pairsPassingFilters).toBe(passing.length);
          expect(stats.pairsConsidered).toBe(needs.length * offers.length);
          expect(stats.matchesKept).toBe(matches.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('incremental rescoring agrees with the full run and with scorePair', () => {
    fc.assert(
      fc.property(
        fc.array(needArbitrary, { minLength: 1, maxLength: 10 }),
        fc.array(offerArbitrary, { minLength: 1, maxLength: 10 }),
        weightsArbitrary,
        fc.integer({ min: 1, max: 4 }),
        (rawNeeds, rawOffers, weights, topK) => {
          const needs = withIds(rawNeeds, 'need').map((need) => prepareNeed(need, POA_TAXONOMY));
          const offers = withIds(rawOffers, 'offer').map((offer) => prepareOffer(offer, POA_TAXONOMY));
          const offerIndex = new OfferIndex(offers);
          const full = scoreAll(needs, offerIndex, weights, { topK }).matches;
          for (const need of needs) {
            const single = scoreNeedAgainstOffers(need, offerIndex, weights, { topK }).matches;
            expect(single).toEqual(full.filter((match) => match.needId === need.source.id));
          }
          const needIndex = new NeedIndex(needs);
          for (const offer of offers) {
            const expected = needs
              .map((need) => scorePair(need, offer, weights))
              .filter((result): result is PairScore => result !== null)
              .sort((a, b) => b.score - a.score || (a.needId < b.needId ? -1 : 1));
            expect(scoreOfferAgainstNeeds(offer, needIndex, weights).matches).toEqual(expected);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

function uniformWeights(): ScoringWeights {
  return Object.fromEntries(FACTOR_NAMES.map((name) => [name, 1])) as ScoringWeights;
}
