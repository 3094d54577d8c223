import { reasonsForPair, scorePair } from './pair-scorer';
import { prepareNeed, prepareOffer } from './prepared-forms';
import { DEFAULT_WEIGHTS } from './scoring-weights';
import { aNeed, anOffer, POA_TAXONOMY, REGION_NAMES } from './scoring-fixtures';
import { NeedForScoring, OfferForScoring, PlaceNames, ScoringWeights } from './types';

const placeNames: PlaceNames = {
  regionName: (code) => REGION_NAMES[code],
  countryName: (iso3) => ({ GHA: 'Ghana' })[iso3],
};

function explain(
  needOverrides: Partial<NeedForScoring>,
  offerOverrides: Partial<OfferForScoring>,
  names: PlaceNames = placeNames,
  weights: ScoringWeights = DEFAULT_WEIGHTS,
): string {
  const need = prepareNeed(aNeed(needOverrides), POA_TAXONOMY);
  const result = scorePair(need, prepareOffer(anOffer(offerOverrides), POA_TAXONOMY), weights, names);
  if (!result) throw new Error('the pair should pass the filters');
  return result.explanation;
}

describe('pair explanations', () => {
  it('says which themes are covered, how the country is eligible and how much the offer can fund', () => {
    expect(
      explain(
        { themeCodes: ['STOCKPILE_MANAGEMENT', 'MARKING', 'TRACING'], unfundedUsd: 250_000 },
        { themeCodes: ['STOCKPILE_MANAGEMENT', 'MARKING'], global: false, eligibleRegionCodes: ['011'], remainingCapacityUsd: 200_000 },
      ),
    ).toBe('covers 2 of 3 themes (stockpile management, marking); eligible as Western Africa; can fund 80% of the remaining USD 250,000');
  });

  it('names the group through which a theme is covered', () => {
    expect(
      explain({ themeCodes: ['LEGISLATION', 'MARKING', 'TRACING'] }, { themeCodes: ['LEGISLATION', 'WEAPONS_AMMUNITION_MANAGEMENT'] }),
    ).toMatch(/^covers 3 of 3 themes \(legislation, marking and tracing via weapons and ammunition management\);/);
  });

  it('uses the singular for a single theme and keeps acronyms in capitals', () => {
    expect(explain({ themeCodes: ['DDR'] }, { themeCodes: ['DDR'] })).toMatch(
      /^covers 1 of 1 theme \(DDR and community violence reduction\);/,
    );
  });

  it.each([
    ['a named country', { eligibleCountryIso3s: ['GHA'] }, 'eligible as Ghana (named)'],
    ['the sub-region', { eligibleRegionCodes: ['202'] }, 'eligible as Sub-Saharan Africa'],
    ['the region', { eligibleRegionCodes: ['002'] }, 'eligible as Africa'],
    ['a global offer', { global: true }, 'eligible worldwide'],
  ])('describes eligibility through %s', (_, eligibility, phrase) => {
    expect(explain({}, { global: false, ...eligibility })).toContain(`; ${phrase}; `);
  });

  it('falls back to codes without place names', () => {
    expect(explain({}, { global: false, eligibleRegionCodes: ['011'] }, {})).toContain('; eligible as 011; ');
    expect(explain({}, { global: false, eligibleCountryIso3s: ['GHA'] }, {})).toContain('; eligible as GHA (named); ');
  });

  it.each([
    [250_000, 5_000_000, 'can fund all of the remaining USD 250,000'],
    [1_234_567.6, 617_283.8, 'can fund 50% of the remaining USD 1,234,568'],
    [3_000_000, 1_000, 'can fund under 1% of the remaining USD 3,000,000'],
    [999, 998, 'can fund 99% of the remaining USD 999'],
  ])('describes capacity for USD %d unfunded and %d remaining', (unfundedUsd, remainingCapacityUsd, phrase) => {
    expect(explain({ unfundedUsd }, { remainingCapacityUsd })).toMatch(new RegExp(`; ${phrase}$`));
  });

  it('adds the secondary facts that raised the score', () => {
    expect(
      explain(
        {
          fromNationalReport: true,
          nationalActionPlan: true,
          genderComponent: true,
          baselineAssessment: true,
          multiYear: true,
          conflictAffected: true,
        },
        { requiresGenderComponent: true },
      ),
    ).toMatch(
      /; also: drawn from a national report, part of a national action plan, has the required gender component, baseline assessment done, multi-year, conflict-affected$/,
    );
  });

  it('leaves out facts that did not count: gender the offer did not ask about, or zero weights', () => {
    expect(explain({ genderComponent: true, multiYear: true }, {})).toMatch(/; also: multi-year$/);
    expect(explain({ multiYear: true }, {}, placeNames, { ...DEFAULT_WEIGHTS, multiYear: 0 })).not.toContain('also');
    expect(explain({ genderComponent: true }, { themeCodes: ['STOCKPILE_MANAGEMENT', 'GENDER'] })).toMatch(
      /; also: has a gender component$/,
    );
  });
});

describe('pair reasons', () => {
  function reasons(needOverrides: Partial<NeedForScoring>, offerOverrides: Partial<OfferForScoring>, weights = DEFAULT_WEIGHTS) {
    return reasonsForPair(prepareNeed(aNeed(needOverrides), POA_TAXONOMY), prepareOffer(anOffer(offerOverrides), POA_TAXONOMY), weights);
  }

  it('gives as codes and figures what the explanation line words', () => {
    expect(
      reasons(
        { themeCodes: ['LEGISLATION', 'MARKING', 'TRACING', 'GENDER'], unfundedUsd: 250_000, fromNationalReport: true, multiYear: true },
        {
          themeCodes: ['LEGISLATION', 'WEAPONS_AMMUNITION_MANAGEMENT'],
          global: false,
          eligibleRegionCodes: ['011'],
          remainingCapacityUsd: 200_000,
        },
      ),
    ).toEqual({
      themes: {
        themeCount: 4,
        named: ['LEGISLATION'],
        throughGroups: [{ groupCode: 'WEAPONS_AMMUNITION_MANAGEMENT', themeCodes: ['MARKING', 'TRACING'] }],
      },
      eligibility: { basis: 'INTERMEDIATE_REGION', code: '011' },
      capacityShare: 0.8,
      unfundedUsd: 250_000,
      facts: ['NATIONAL_REPORT', 'MULTI_YEAR'],
    });
  });

  it('names the same facts as the line, and only those that counted', () => {
    const need = { genderComponent: true, baselineAssessment: true, conflictAffected: true };
    expect(reasons(need, { requiresGenderComponent: true })?.facts).toEqual([
      'REQUIRED_GENDER_COMPONENT',
      'BASELINE_ASSESSMENT',
      'CONFLICT_AFFECTED',
    ]);
    expect(reasons(need, {}, { ...DEFAULT_WEIGHTS, conflict: 0 })?.facts).toEqual(['BASELINE_ASSESSMENT']);
  });

  it('says a named country and a worldwide offer apart', () => {
    expect(reasons({}, { global: false, eligibleCountryIso3s: ['GHA'] })?.eligibility).toEqual({ basis: 'COUNTRY', code: 'GHA' });
    expect(reasons({}, { global: true })?.eligibility).toEqual({ basis: 'GLOBAL', code: null });
  });

  it('is null once the offer no longer reaches the country, and has no share of the gap for a pair failing another filter', () => {
    expect(reasons({}, { global: false, eligibleCountryIso3s: ['KEN'] })).toBeNull();
    const funded = reasons({ unfundedUsd: 0, multiYear: true }, { themeCodes: ['STOCKPILE_MANAGEMENT'] });
    expect(funded).toMatchObject({ capacityShare: null, unfundedUsd: 0, facts: ['MULTI_YEAR'] });
    expect(funded?.themes.named).toEqual(['STOCKPILE_MANAGEMENT']);
    expect(reasons({ assistanceTypes: ['EQUIPMENT'] }, { assistanceTypes: ['TRAINING'] })?.capacityShare).toBeNull();
  });
});
