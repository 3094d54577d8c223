import { describe, expect, it } from 'vitest';
import type { Translate } from '../../i18n/I18nProvider';
import {
  differingOfferFields,
  emptyOfferForm,
  offerFormFrom,
  offerFormProblems,
  offerInputOf,
  parseWhole,
  type OfferFormValues,
} from './offer-form-rules';

/** Messages as their ids, so a test reads which rule spoke. */
const t: Translate = (id) => id;

const valid = (overrides: Partial<OfferFormValues> = {}): OfferFormValues => ({
  ...emptyOfferForm(),
  title: 'Stockpile management support',
  description: 'Funding and expertise for stockpile management.',
  themeCodes: ['STOCKPILE_MANAGEMENT'],
  assistanceTypes: ['FINANCIAL'],
  eligibleRegionCodes: ['011'],
  capacityUsd: '1 000 000',
  ...overrides,
});

const fieldsOf = (values: OfferFormValues, options?: Parameters<typeof offerFormProblems>[2]) =>
  offerFormProblems(values, t, options).map((problem) => `${problem.field} ${problem.message}`);

describe('offerFormProblems', () => {
  it('accepts a complete offer', () => {
    expect(fieldsOf(valid())).toEqual([]);
  });

  it('asks for every required field, each under its input path', () => {
    expect(fieldsOf({ ...emptyOfferForm(), eligibleRegionCodes: [] })).toEqual([
      'input.title offers.rule.titleMissing',
      'input.description offers.rule.descriptionMissing',
      'input.themeCodes offers.rule.themesMissing',
      'input.assistanceTypes offers.rule.assistanceTypesMissing',
      'input.global offers.rule.eligibilityMissing',
      'input.capacityUsd offers.rule.capacityMissing',
    ]);
  });

  it('asks the Secretariat to name the donor', () => {
    expect(fieldsOf(valid(), { requireDonor: true })).toEqual(['input.donorId offers.rule.donorMissing']);
    expect(fieldsOf(valid({ donorId: 'd1' }), { requireDonor: true })).toEqual([]);
  });

  it('keeps the lengths of title, description, unit and conditions', () => {
    expect(fieldsOf(valid({ title: ' ab ' }))).toEqual(['input.title offers.rule.titleLength']);
    expect(fieldsOf(valid({ title: 'x'.repeat(201) }))).toEqual(['input.title offers.rule.titleLength']);
    expect(fieldsOf(valid({ description: 'too short' }))).toEqual(['input.description offers.rule.descriptionLength']);
    expect(fieldsOf(valid({ inKindUnit: 'x' }))).toEqual(['input.inKindUnit offers.rule.unitLength']);
    expect(fieldsOf(valid({ conditions: 'x'.repeat(5001) }))).toEqual(['input.conditions offers.rule.conditionsTooLong']);
    expect(fieldsOf(valid({ themeCodes: Array.from({ length: 41 }, (_, i) => `T${i}`) }))).toEqual([
      'input.themeCodes offers.rule.themesTooMany',
    ]);
  });

  it('needs eligible areas unless the offer is global, and a global offer needs none', () => {
    expect(fieldsOf(valid({ eligibleRegionCodes: [] }))).toEqual(['input.global offers.rule.eligibilityMissing']);
    expect(fieldsOf(valid({ eligibleRegionCodes: [], eligibleCountryIso3s: ['NGA'] }))).toEqual([]);
    expect(fieldsOf(valid({ eligibleRegionCodes: [], global: true }))).toEqual([]);
    expect(fieldsOf(valid({ eligibleRegionCodes: Array.from({ length: 51 }, (_, i) => String(i).padStart(3, '0')) }))).toEqual([
      'input.eligibleRegionCodes offers.rule.regionsTooMany',
    ]);
  });

  it('keeps amounts whole and within USD 1 billion, capacity at least 1', () => {
    expect(fieldsOf(valid({ capacityUsd: '12.5' }))).toEqual(['input.capacityUsd common.rule.wholeNumber']);
    expect(fieldsOf(valid({ capacityUsd: '0' }))).toEqual(['input.capacityUsd offers.rule.amountRange']);
    expect(fieldsOf(valid({ capacityUsd: '1000000001' }))).toEqual(['input.capacityUsd offers.rule.amountRange']);
    expect(fieldsOf(valid({ minGrantUsd: '0' }))).toEqual([]);
    expect(fieldsOf(valid({ maxGrantUsd: '0' }))).toEqual(['input.maxGrantUsd offers.rule.amountRange']);
    expect(fieldsOf(valid({ inKindQuantity: '-3' }))).toEqual(['input.inKindQuantity common.rule.wholeNumber']);
  });

  it('wants the largest grant at least the smallest, and both grants within the capacity', () => {
    expect(fieldsOf(valid({ minGrantUsd: '50000', maxGrantUsd: '10000' }))).toEqual(['input.maxGrantUsd offers.rule.maxBelowMin']);
    expect(fieldsOf(valid({ minGrantUsd: '10000', maxGrantUsd: '10000' }))).toEqual([]);
    expect(fieldsOf(valid({ capacityUsd: '100000', maxGrantUsd: '200000' }))).toEqual(['input.maxGrantUsd offers.rule.maxAboveCapacity']);
    expect(fieldsOf(valid({ capacityUsd: '100000', minGrantUsd: '200000' }))).toEqual(['input.minGrantUsd offers.rule.minAboveCapacity']);
  });

  it('keeps the capacity above what approved pairings already hold', () => {
    expect(fieldsOf(valid({ capacityUsd: '400000' }), { allocatedUsd: 500_000 })).toEqual([
      'input.capacityUsd offers.rule.capacityBelowAllocated',
    ]);
    expect(fieldsOf(valid({ capacityUsd: '500000' }), { allocatedUsd: 500_000 })).toEqual([]);
  });

  it('wants real dates and an end after the start', () => {
    expect(fieldsOf(valid({ startDate: '2027-02-30' }))).toEqual(['input.startDate common.rule.date']);
    expect(fieldsOf(valid({ startDate: '2027-06-01', endDate: '2027-06-01' }))).toEqual(['input.endDate offers.rule.endBeforeStart']);
    expect(fieldsOf(valid({ startDate: '2027-06-01', endDate: '2027-06-02' }))).toEqual([]);
    expect(fieldsOf(valid({ endDate: '2027-06-02' }))).toEqual([]);
  });
});

describe('offerInputOf', () => {
  it('sends numbers as numbers, empty optional fields as null, and no areas for a global offer', () => {
    const input = offerInputOf(
      valid({ global: true, eligibleCountryIso3s: ['NGA'], minGrantUsd: '', maxGrantUsd: '20 000', title: ' Offer title ' }),
    );
    expect(input).toMatchObject({
      title: 'Offer title',
      capacityUsd: 1_000_000,
      minGrantUsd: null,
      maxGrantUsd: 20_000,
      global: true,
      eligibleRegionCodes: [],
      eligibleCountryIso3s: [],
      startDate: null,
      modality: null,
      inKindUnit: null,
      conditions: null,
    });
  });
});

describe('differingOfferFields and offerFormFrom', () => {
  const stored = {
    donor: { id: 'd1' },
    title: 'Offer',
    description: 'A description',
    themes: [{ code: 'A' }, { code: 'B' }],
    assistanceTypes: ['FINANCIAL' as const],
    global: false,
    eligibleRegions: [{ code: '011' }],
    eligibleCountries: [{ iso3: 'NGA' }],
    capacityUsd: 1000,
    minGrantUsd: null,
    maxGrantUsd: 500,
    requiresGenderComponent: false,
  };

  it('reads a stored offer into the form, numbers as text', () => {
    expect(offerFormFrom(stored)).toMatchObject({
      donorId: 'd1',
      themeCodes: ['A', 'B'],
      capacityUsd: '1000',
      minGrantUsd: '',
      maxGrantUsd: '500',
      startDate: '',
    });
  });

  it('names the fields that differ, comparing lists as sets', () => {
    const base = offerFormFrom(stored);
    expect(differingOfferFields(base, { ...base, themeCodes: ['B', 'A'] })).toEqual([]);
    expect(differingOfferFields(base, { ...base, title: 'Other', global: true, eligibleCountryIso3s: [] })).toEqual([
      'title',
      'global',
      'eligibleCountryIso3s',
    ]);
  });
});

describe('parseWhole', () => {
  it('allows the spaces locales group digits with, nothing else', () => {
    expect(parseWhole('1\u202f000\u00a0000')).toBe(1_000_000);
    expect(parseWhole('1,000')).toBeNull();
    expect(parseWhole('')).toBeNull();
  });
});
