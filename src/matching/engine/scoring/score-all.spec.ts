import { BadUserInputError } from '../../../common/errors/domain-errors';
import { NeedIndex, OfferIndex } from './candidate-indexes';
import { scorePair } from './pair-scorer';
import { prepareNeed, prepareOffer } from './prepared-forms';
import { scoreAll, scoreAllInBatches, scoreNeedAgainstOffers, scoreOfferAgainstNeeds } from './score-all';
import { DEFAULT_WEIGHTS } from './scoring-weights';
import { aNeed, anOffer, POA_TAXONOMY, REGION_NAMES } from './scoring-fixtures';
import { PairScore } from './types';

const needs = [
  aNeed({ id: 'need-gha', themeCodes: ['MARKING', 'TRACING'] }),
  aNeed({ id: 'need-ken', countryIso3: 'KEN', regionCodes: ['014', '202', '002'], themeCodes: ['MARKING'], unfundedUsd: 100_000 }),
  aNeed({ id: 'need-fra', countryIso3: 'FRA', regionCodes: ['155', '150'], themeCodes: ['BORDER_CUSTOMS'] }),
  aNeed({ id: 'need-gha-2', themeCodes: ['STOCKPILE_MANAGEMENT'], unfundedUsd: 0 }),
].map((need) => prepareNeed(need, POA_TAXONOMY));

const offers = [
  anOffer({ id: 'offer-global-wam', themeCodes: ['WEAPONS_AMMUNITION_MANAGEMENT'] }),
  anOffer({ id: 'offer-gha-marking', themeCodes: ['MARKING', 'TRACING'], global: false, eligibleCountryIso3s: ['GHA'] }),
  anOffer({ id: 'offer-africa-marking', themeCodes: ['MARKING'], global: false, eligibleRegionCodes: ['002'] }),
  anOffer({ id: 'offer-europe-borders', themeCodes: ['BORDER_CUSTOMS'], global: false, eligibleRegionCodes: ['150'] }),
  anOffer({ id: 'offer-empty', themeCodes: ['MARKING'], remainingCapacityUsd: 0 }),
].map((offer) => prepareOffer(offer, POA_TAXONOMY));

const ids = (matches: PairScore[]) => matches.map((match) => `${match.needId}→${match.offerId}`);

describe('scoreAll', () => {
  it('returns each need’s matches best first, grouped by need in input order', () => {
    const { matches } = scoreAll(needs, offers, DEFAULT_WEIGHTS, { topK: 10 });
    expect(ids(matches)).toEqual([
      'need-gha→offer-gha-marking',
      'need-gha→offer-africa-marking',
      'need-gha→offer-global-wam',
      'need-ken→offer-africa-marking',
      'need-ken→offer-global-wam',
      'need-fra→offer-europe-borders',
    ]);
  });

  it('gives the same results as scorePair, explanations included', () => {
    const placeNames = { regionName: (code: string) => REGION_NAMES[code] };
    const { matches } = scoreAll(needs, offers, DEFAULT_WEIGHTS, { topK: 10, placeNames });
    for (const match of matches) {
      const need = needs.find((candidate) => candidate.source.id === match.needId)!;
      const offer = offers.find((candidate) => candidate.source.id === match.offerId)!;
      expect(match).toEqual(scorePair(need, offer, DEFAULT_WEIGHTS, placeNames));
    }
  });

  it('keeps at most topK matches per need', () => {
    const { matches } = scoreAll(needs, offers, DEFAULT_WEIGHTS, { topK: 1 });
    expect(ids(matches)).toEqual(['need-gha→offer-gha-marking', 'need-ken→offer-africa-marking', 'need-fra→offer-europe-borders']);
  });

  it('drops matches below minScore', () => {
    const { matches } = scoreAll(needs, offers, DEFAULT_WEIGHTS, { topK: 10 });
    const threshold = matches[1].score;
    const kept = scoreAll(needs, offers, DEFAULT_WEIGHTS, { topK: 10, minScore: threshold }).matches;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((match) => match.score >= threshold)).toBe(true);
    expect(kept).toEqual(matches.filter((match) => match.score >= threshold));
  });

  it('counts the pairs considered, examined, passing and kept', () => {
    const { stats } = scoreAll(needs, new OfferIndex(offers), DEFAULT_WEIGHTS, { topK: 1 });
    expect(stats).toEqual({
      pairsConsidered: 20,
      // GHA ×2: global-wam, gha-marking, africa-marking, empty; KEN: global-wam, africa-marking, empty; FRA: global-wam, europe, empty.
      pairsExamined: 14,
      pairsPassingFilters: 6,
      matchesKept: 3,
    });
  });

  it('validates weights and options before scoring', () => {
    expect(() => scoreAll(needs, offers, { ...DEFAULT_WEIGHTS, region: Number.NaN }, { topK: 5 })).toThrow(BadUserInputError);
    expect(() => scoreAll(needs, offers, DEFAULT_WEIGHTS, { topK: 0 })).toThrow(/topK/);
    expect(() => scoreAll(needs, offers, DEFAULT_WEIGHTS, { topK: 2, minScore: 1.5 })).toThrow(/minScore/);
  });

  it('handles empty inputs', () => {
    expect(scoreAll([], offers, DEFAULT_WEIGHTS, { topK: 3 }).matches).toEqual([]);
    expect(scoreAll(needs, [], DEFAULT_WEIGHTS, { topK: 3 }).stats.pairsConsidered).toBe(0);
  });
});

describe('scoreAllInBatches', () => {
  it('hands over the full run a few needs at a time, with running totals', () => {
    const whole = scoreAll(needs, offers, DEFAULT_WEIGHTS, { topK: 2 });
    const batches = [...scoreAllInBatches(needs, offers, DEFAULT_WEIGHTS, { topK: 2, needsPerBatch: 3 })];
    expect(batches.map((batch) => ids(batch.matches))).toEqual([
      [
        'need-gha→offer-gha-marking',
        'need-gha→offer-africa-marking',
        'need-ken→offer-africa-marking',
        'need-ken→offer-global-wam',
        'need-fra→offer-europe-borders',
      ],
      [],
    ]);
    expect(batches.flatMap((batch) => batch.matches)).toEqual(whole.matches);
    expect(batches[0].stats.matchesKept).toBe(5);
    expect(batches[1].stats).toEqual(whole.stats);
  });

  it('yields one empty batch for no needs', () => {
    expect([...scoreAllInBatches([], offers, DEFAULT_WEIGHTS, { topK: 1 })]).toEqual([
      { matches: [], stats: { pairsConsidered: 0, pairsExamined: 0, pairsPassingFilters: 0, matchesKept: 0 } },
    ]);
  });

  it('validates on the call, before any batch is asked for', () => {
    expect(() => scoreAllInBatches(needs, offers, DEFAULT_WEIGHTS, { topK: 1, needsPerBatch: 0 })).toThrow(/needsPerBatch/);
    expect(() => scoreAllInBatches(needs, offers, DEFAULT_WEIGHTS, { topK: -1 })).toThrow(/topK/);
  });
});

describe('scoreNeedAgainstOffers', () => {
  it('matches what a full run gives that need', () => {
    const index = new OfferIndex(offers);
    const full = scoreAll(needs, index, DEFAULT_WEIGHTS, { topK: 2 }).matches.filter((match) => match.needId === 'need-gha');
    const single = scoreNeedAgainstOffers(needs[0], index, DEFAULT_WEIGHTS, { topK: 2 });
    expect(single.matches).toEqual(full);
    expect(single.stats).toMatchObject({ pairsConsidered: 5, pairsExamined: 4, pairsPassingFilters: 3, matchesKept: 2 });
  });
});

describe('scoreOfferAgainstNeeds', () => {
  it('returns every need the offer pairs with, best first, as scorePair scores them', () => {
    const index = new NeedIndex(needs);
    const { matches, stats } = scoreOfferAgainstNeeds(offers[2], index, DEFAULT_WEIGHTS);
    expect(ids(matches)).toEqual(['need-ken→offer-africa-marking', 'need-gha→offer-africa-marking']);
    expect(matches[0].score).toBeGreaterThan(matches[1].score);
    expect(matches).toEqual(
      needs
        .map((need) => scorePair(need, offers[2], DEFAULT_WEIGHTS))
        .filter(Boolean)
        .sort((a, b) => b!.score - a!.score),
    );
    expect(stats).toEqual({ pairsConsidered: 4, pairsExamined: 3, pairsPassingFilters: 2, matchesKept: 2 });
  });

  it('visits every need for a global offer and applies minScore', () => {
    const index = new NeedIndex(needs);
    const all = scoreOfferAgainstNeeds(offers[0], index, DEFAULT_WEIGHTS);
    expect(all.stats.pairsExamined).toBe(4);
    expect(ids(all.matches)).toEqual(['need-gha→offer-global-wam', 'need-ken→offer-global-wam']);
    const atBest = scoreOfferAgainstNeeds(offers[0], index, DEFAULT_WEIGHTS, { minScore: all.matches[0].score });
    expect(atBest.matches).toEqual(all.matches);
    const aboveBest = scoreOfferAgainstNeeds(offers[0], index, DEFAULT_WEIGHTS, { minScore: all.matches[0].score + 1e-9 });
    expect(aboveBest.matches).toEqual([]);
    expect(aboveBest.stats.pairsPassingFilters).toBe(2);
  });

  it('breaks score ties by need id', () => {
    const twins = ['need-b', 'need-a', 'need-c'].map((id) => prepareNeed(aNeed({ id }), POA_TAXONOMY));
    const { matches } = scoreOfferAgainstNeeds(offers[0], new NeedIndex(twins), DEFAULT_WEIGHTS);
    expect(matches.map((match) => match.needId)).toEqual(['need-a', 'need-b', 'need-c']);
  });
});
