import { GROUP_THEME_CREDIT, scorePair } from './pair-scorer';
import { prepareNeed, prepareOffer } from './prepared-forms';
import { REGION_FIT } from './region-fit';
import { DEFAULT_WEIGHTS } from './scoring-weights';
import { aNeed, anOffer, POA_TAXONOMY } from './scoring-fixtures';
import { ThemeTaxonomy } from './theme-taxonomy';
import { FACTOR_NAMES, NeedForScoring, OfferForScoring, ScoringWeights } from './types';

function score(
  needOverrides: Partial<NeedForScoring>,
  offerOverrides: Partial<OfferForScoring>,
  weights: ScoringWeights = DEFAULT_WEIGHTS,
) {
  return scorePair(prepareNeed(aNeed(needOverrides), POA_TAXONOMY), prepareOffer(anOffer(offerOverrides), POA_TAXONOMY), weights);
}

/** Weights where only the named factor counts, so the score is that factor alone. */
function only(factor: 'theme' | 'region' | 'capacity'): ScoringWeights {
  return Object.fromEntries(FACTOR_NAMES.map((name) => [name, name === factor ? 1 : 0])) as ScoringWeights;
}

describe('scorePair hard filters', () => {
  it('scores the baseline pair of the fixtures', () => {
    expect(score({}, {})).not.toBeNull();
  });

  describe('some theme in common', () => {
    it('refuses disjoint themes', () => {
      expect(score({ themeCodes: ['MARKING'] }, { themeCodes: ['TRACING'] })).toBeNull();
    });
    it('accepts a theme covered through the group the offer names', () => {
      expect(score({ themeCodes: ['MARKING'] }, { themeCodes: ['WEAPONS_AMMUNITION_MANAGEMENT'] })).not.toBeNull();
    });
    it('refuses a group that does not hold the need’s theme', () => {
      expect(score({ themeCodes: ['MARKING'] }, { themeCodes: ['LAW_ENFORCEMENT'] })).toBeNull();
    });
    it('refuses a need without themes', () => {
      expect(score({ themeCodes: [] }, {})).toBeNull();
    });
  });

  describe('country eligible', () => {
    const targeted = { global: false };
    it('accepts a listed country', () => {
      expect(score({}, { ...targeted, eligibleCountryIso3s: ['GHA'] })).not.toBeNull();
    });
    it.each(['011', '202', '002'])('accepts the need’s region code %s', (code) => {
      expect(score({}, { ...targeted, eligibleRegionCodes: [code] })).not.toBeNull();
    });
    it('refuses other countries and regions', () => {
      expect(score({}, { ...targeted, eligibleCountryIso3s: ['NGA'], eligibleRegionCodes: ['014', '150'] })).toBeNull();
    });
    it('refuses an offer open to no one', () => {
      expect(score({}, targeted)).toBeNull();
    });
  });

  describe('assistance type in common', () => {
    it('refuses when none is shared', () => {
      expect(score({ assistanceTypes: ['TRAINING'] }, { assistanceTypes: ['FINANCIAL', 'EQUIPMENT'] })).toBeNull();
    });
    it('accepts one shared type among several', () => {
      expect(score({ assistanceTypes: ['TRAINING', 'EQUIPMENT'] }, { assistanceTypes: ['EQUIPMENT'] })).not.toBeNull();
    });
  });

  describe('time windows overlap', () => {
    const need2025 = { startDate: '2025-01-01', endDate: '2025-12-31' };
    it('refuses an offer ending before the need starts', () => {
      expect(score(need2025, { startDate: '2024-01-01', endDate: '2024-12-31' })).toBeNull();
    });
    it('refuses an offer starting after the need ends', () => {
      expect(score(need2025, { startDate: '2026-01-01', endDate: null })).toBeNull();
    });
    it('accepts windows sharing a single day at either end', () => {
      expect(score(need2025, { startDate: '2025-12-31', endDate: '2026-06-30' })).not.toBeNull();
      expect(score(need2025, { startDate: '2024-06-01', endDate: '2025-01-01' })).not.toBeNull();
    });
    it('treats open ends as unbounded', () => {
      expect(score({ startDate: null, endDate: '2025-12-31' }, { startDate: '2020-01-01', endDate: null })).not.toBeNull();
      expect(score({ startDate: '2030-01-01', endDate: null }, { startDate: null, endDate: null })).not.toBeNull();
    });
  });

  describe('capacity left and grant size', () => {
    it('refuses an offer with no capacity left', () => {
      expect(score({}, { remainingCapacityUsd: 0 })).toBeNull();
    });
    it('refuses a need that lacks nothing', () => {
      expect(score({ unfundedUsd: 0 }, {})).toBeNull();
      expect(score({ unfundedUsd: -10 }, {})).toBeNull();
    });
    it('refuses a minimum grant above what the need still lacks', () => {
      expect(score({ unfundedUsd: 250_000 }, { minGrantUsd: 250_001 })).toBeNull();
    });
    it('accepts a minimum grant equal to what the need lacks', () => {
      expect(score({ unfundedUsd: 250_000 }, { minGrantUsd: 250_000 })).not.toBeNull();
    });
  });

  describe('required gender component', () => {
    it('refuses a need without one', () => {
      expect(score({ genderComponent: false }, { requiresGenderComponent: true })).toBeNull();
    });
    it('accepts a need with one', () => {
      expect(score({ genderComponent: true }, { requiresGenderComponent: true })).not.toBeNull();
    });
  });

  it('refuses needs and offers prepared with different taxonomies', () => {
    const other = new ThemeTaxonomy([
      { code: 'WEAPONS_AMMUNITION_MANAGEMENT', parentCode: null, label: 'WAM' },
      { code: 'STOCKPILE_MANAGEMENT', parentCode: 'WEAPONS_AMMUNITION_MANAGEMENT', label: 'Stockpiles' },
    ]);
    expect(() => scorePair(prepareNeed(aNeed(), POA_TAXONOMY), prepareOffer(anOffer(), other), DEFAULT_WEIGHTS)).toThrow(/taxonomies/);
  });
});

describe('scorePair factors', () => {
  describe('theme fit', () => {
    const need = { themeCodes: ['STOCKPILE_MANAGEMENT', 'MARKING', 'LEGISLATION', 'BORDER_CUSTOMS'] };
    it('is the share of the need’s themes the offer names', () => {
      expect(score(need, { themeCodes: ['MARKING', 'LEGISLATION', 'DDR'] })!.breakdown.theme).toBe(0.5);
      expect(score(need, { themeCodes: [...need.themeCodes, 'DDR'] })!.breakdown.theme).toBe(1);
    });
    it('gives themes covered only through a group partial credit', () => {
      const fit = score(need, { themeCodes: ['MARKING', 'WEAPONS_AMMUNITION_MANAGEMENT'] })!.breakdown.theme;
      expect(fit).toBeCloseTo((1 + GROUP_THEME_CREDIT) / 4, 12);
    });
    it('ranks a theme named outright above the same theme covered by its group', () => {
      const named = score({ themeCodes: ['MARKING'] }, { themeCodes: ['MARKING'] })!;
      const viaGroup = score({ themeCodes: ['MARKING'] }, { themeCodes: ['WEAPONS_AMMUNITION_MANAGEMENT'] })!;
      expect(named.breakdown.theme).toBeGreaterThan(viaGroup.breakdown.theme);
      expect(named.score).toBeGreaterThan(viaGroup.score);
    });
  });

  describe('region fit', () => {
    const targeted = { global: false };
    it.each([
      ['a named country', { eligibleCountryIso3s: ['GHA'] }, REGION_FIT.COUNTRY],
      ['the intermediate region', { eligibleRegionCodes: ['011'] }, REGION_FIT.INTERMEDIATE_REGION],
      ['the sub-region', { eligibleRegionCodes: ['202'] }, REGION_FIT.SUB_REGION],
      ['the region', { eligibleRegionCodes: ['002'] }, REGION_FIT.REGION],
      ['a global offer', { global: true }, REGION_FIT.GLOBAL],
    ])('scores %s', (_, eligibility, expected) => {
      expect(score({}, { ...targeted, ...eligibility })!.breakdown.region).toBe(expected);
    });
    it('orders country > intermediate region > sub-region > region > global', () => {
      const fits = ['COUNTRY', 'INTERMEDIATE_REGION', 'SUB_REGION', 'REGION', 'GLOBAL'].map(
        (basis) => REGION_FIT[basis as keyof typeof REGION_FIT],
      );
      expect([...fits].sort((a, b) => b - a)).toEqual(fits);
    });
    it('takes the most targeted basis when several apply', () => {
      const both = score({}, { global: true, eligibleRegionCodes: ['002', '202'], eligibleCountryIso3s: [] })!;
      expect(both.breakdown.region).toBe(REGION_FIT.SUB_REGION);
      expect(score({}, { global: true, eligibleCountryIso3s: ['GHA'] })!.breakdown.region).toBe(REGION_FIT.COUNTRY);
    });
  });

  describe('capacity fit', () => {
    it('is the share of the unfunded amount one grant can carry', () => {
      expect(score({ unfundedUsd: 250_000 }, { remainingCapacityUsd: 200_000 })!.breakdown.capacity).toBeCloseTo(0.8, 12);
    });
    it('is limited by the maximum grant', () => {
      expect(score({ unfundedUsd: 250_000 }, { remainingCapacityUsd: 900_000, maxGrantUsd: 50_000 })!.breakdown.capacity).toBeCloseTo(
        0.2,
        12,
      );
    });
    it('stops at 1 when the offer can carry it all', () => {
      expect(score({ unfundedUsd: 250_000 }, { remainingCapacityUsd: 5_000_000 })!.breakdown.capacity).toBe(1);
    });
  });

  it('reads ownership, baseline, multi-year and conflict from the need’s flags', () => {
    const flagged = score({ nationalActionPlan: true, baselineAssessment: true, multiYear: true, conflictAffected: true }, {})!;
    expect(flagged.breakdown).toMatchObject({ ownership: 1, baseline: 1, multiYear: 1, conflict: 1 });
    expect(score({}, {})!.breakdown).toMatchObject({ ownership: 0, baseline: 0, multiYear: 0, conflict: 0 });
  });

  describe('gender', () => {
    it('does not count for offers that do not ask about gender', () => {
      const withComponent = score({ genderComponent: true }, {})!;
      const without = score({ genderComponent: false }, {})!;
      expect(withComponent.breakdown.gender).toBeNull();
      expect(withComponent.score).toBe(without.score);
    });
    it('counts for offers naming the GENDER theme', () => {
      const offer = { themeCodes: ['STOCKPILE_MANAGEMENT', 'GENDER'] };
      const withComponent = score({ genderComponent: true }, offer)!;
      const without = score({ genderComponent: false }, offer)!;
      expect([withComponent.breakdown.gender, without.breakdown.gender]).toEqual([1, 0]);
      expect(withComponent.score).toBeGreaterThan(without.score);
    });
    it('counts, fully met, for offers requiring a gender component', () => {
      expect(score({ genderComponent: true }, { requiresGenderComponent: true })!.breakdown.gender).toBe(1);
    });
  });
});

describe('scorePair score', () => {
  it('is the weighted mean of the factors that count', () => {
    const result = score(
      { themeCodes: ['MARKING', 'TRACING'], unfundedUsd: 400_000, fromNationalReport: true, conflictAffected: true },
      { themeCodes: ['MARKING'], remainingCapacityUsd: 100_000, global: false, eligibleRegionCodes: ['202'] },
    )!;
    const { theme, region, capacity, ownership, gender, baseline, multiYear, conflict } = result.breakdown;
    expect([theme, region, capacity, ownership, gender, baseline, multiYear, conflict]).toEqual([0.5, 0.7, 0.25, 1, null, 0, 0, 1]);
    const w = DEFAULT_WEIGHTS;
    const expected =
      (w.theme * 0.5 + w.region * 0.7 + w.capacity * 0.25 + w.ownership + w.conflict) /
      (w.theme + w.region + w.capacity + w.ownership + w.baseline + w.multiYear + w.conflict);
    expect(result.score).toBeCloseTo(expected, 12);
  });

  it('reaches 1 for a perfect pair and stays there under any weights', () => {
    const perfect = score(
      { genderComponent: true, fromNationalReport: true, baselineAssessment: true, multiYear: true, conflictAffected: true },
      { global: false, eligibleCountryIso3s: ['GHA'], requiresGenderComponent: true },
      { theme: 0.1, region: 0.7, capacity: 0.3, ownership: 0.2, gender: 0.3, baseline: 0.1, multiYear: 0.7, conflict: 0.9 },
    )!;
    expect(perfect.score).toBe(1);
  });

  it('follows a single weighted factor when all others weigh zero', () => {
    const result = score({ unfundedUsd: 250_000 }, { remainingCapacityUsd: 200_000 }, only('capacity'))!;
    expect(result.score).toBeCloseTo(0.8, 12);
    expect(score({}, {}, only('region'))!.score).toBe(REGION_FIT.GLOBAL);
    expect(score({}, { themeCodes: ['WEAPONS_AMMUNITION_MANAGEMENT'] }, only('theme'))!.score).toBeCloseTo(GROUP_THEME_CREDIT, 12);
  });

  it('identifies the pair', () => {
    expect(score({ id: 'need-7' }, { id: 'offer-9' })).toMatchObject({ needId: 'need-7', offerId: 'offer-9' });
  });

  it('validates the weights it is given', () => {
    expect(() => score({}, {}, { ...DEFAULT_WEIGHTS, theme: -1 })).toThrow(/weights\.theme/);
  });
});
