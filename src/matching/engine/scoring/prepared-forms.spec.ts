import { BadUserInputError } from '../../../common/errors/domain-errors';
import { prepareNeed, prepareOffer } from './prepared-forms';
import { aNeed, anOffer, POA_TAXONOMY } from './scoring-fixtures';
import { NeedForScoring, OfferForScoring } from './types';

function refusal(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as BadUserInputError).fields[0];
  }
  throw new Error('expected the input to be refused');
}

const need = (overrides: Partial<NeedForScoring>) => prepareNeed(aNeed(overrides), POA_TAXONOMY);
const offer = (overrides: Partial<OfferForScoring>) => prepareOffer(anOffer(overrides), POA_TAXONOMY);

describe('prepareNeed', () => {
  it('reads the level of each region code from the end of the list', () => {
    expect(need({ regionCodes: ['011', '202', '002'] }).regionPlaces.map((place) => place.basis)).toEqual([
      'INTERMEDIATE_REGION',
      'SUB_REGION',
      'REGION',
    ]);
    expect(need({ countryIso3: 'FRA', regionCodes: ['155', '150'] }).regionPlaces.map((place) => place.basis)).toEqual([
      'SUB_REGION',
      'REGION',
    ]);
  });

  it('turns dates into day numbers with open ends unbounded', () => {
    const prepared = need({ startDate: '1970-01-02', endDate: null });
    expect(prepared.startDay).toBe(1);
    expect(prepared.endDay).toBe(Infinity);
    expect(need({ startDate: null }).startDay).toBe(-Infinity);
  });

  it('counts ownership when the need comes from a national report or a national action plan', () => {
    expect(need({}).ownership).toBe(0);
    expect(need({ fromNationalReport: true }).ownership).toBe(1);
    expect(need({ nationalActionPlan: true }).ownership).toBe(1);
  });

  it('refuses group codes and unknown codes among a need’s themes', () => {
    expect(refusal(() => need({ themeCodes: ['LEGAL_FRAMEWORK'] }))).toEqual({
      field: 'need.themeCodes',
      message: 'Need need-1: LEGAL_FRAMEWORK is not a theme code (needs name themes, not groups).',
    });
    expect(refusal(() => need({ themeCodes: ['SPACE'] })).field).toBe('need.themeCodes');
  });

  it.each([
    ['startDate', { startDate: '2025-13-01' }],
    ['startDate', { startDate: '2025-02-30' }],
    ['endDate', { endDate: '31/12/2025' }],
    ['endDate', { startDate: '2025-06-01', endDate: '2025-05-31' }],
    ['unfundedUsd', { unfundedUsd: Number.NaN }],
    ['assistanceTypes', { assistanceTypes: ['MONEY' as never] }],
  ])('refuses a bad %s', (field, overrides) => {
    expect(refusal(() => need(overrides)).field).toBe(`need.${field}`);
  });
});

describe('prepareOffer', () => {
  it('keeps the themes it names apart from those it covers through a group', () => {
    const prepared = offer({ themeCodes: ['LEGISLATION', 'TRANSFER_CONTROL'] });
    expect(prepared.exactLo).toBe(POA_TAXONOMY.maskOf(['LEGISLATION']).lo);
    expect(prepared.coverLo).toBe(POA_TAXONOMY.maskOf(['LEGISLATION', 'TRANSFER_CONTROLS', 'BORDER_CUSTOMS']).lo);
  });

  it('caps one grant at the maximum grant and at the remaining capacity', () => {
    expect(offer({ remainingCapacityUsd: 500_000, maxGrantUsd: 100_000 }).fundableUsd).toBe(100_000);
    expect(offer({ remainingCapacityUsd: 50_000, maxGrantUsd: 100_000 }).fundableUsd).toBe(50_000);
    expect(offer({ remainingCapacityUsd: 50_000, maxGrantUsd: null }).fundableUsd).toBe(50_000);
  });

  it('treats region 001 (World) as global', () => {
    expect(offer({ global: false, eligibleRegionCodes: ['001'] }).global).toBe(true);
    expect(offer({ global: false, eligibleRegionCodes: ['002'] }).global).toBe(false);
  });

  it('asks about gender when it requires a gender component or names the GENDER theme itself', () => {
    expect(offer({}).asksAboutGender).toBe(false);
    expect(offer({ requiresGenderComponent: true }).asksAboutGender).toBe(true);
    expect(offer({ themeCodes: ['GENDER'] }).asksAboutGender).toBe(true);
    expect(offer({ themeCodes: ['CROSS_CUTTING'] }).asksAboutGender).toBe(false);
  });

  it.each([
    ['themeCodes', { themeCodes: ['SPACE'] }],
    ['minGrantUsd', { minGrantUsd: -1 }],
    ['maxGrantUsd', { maxGrantUsd: Number.POSITIVE_INFINITY }],
    ['remainingCapacityUsd', { remainingCapacityUsd: Number.NaN }],
    ['endDate', { startDate: '2026-01-01', endDate: '2025-01-01' }],
  ])('refuses a bad %s', (field, overrides) => {
    expect(refusal(() => offer(overrides)).field).toBe(`offer.${field}`);
  });
});
