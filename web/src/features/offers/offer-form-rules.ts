import type { AssistanceType, Modality } from '../../gql/enums';
import type { Translate } from '../../i18n/I18nProvider';
import type { FormProblem } from '../../ui/api-errors';

/** The API's limits on an offer (src/offers/dto/create-offer.input.ts, src/common/money.ts). */
export const OFFER_LIMITS = {
  titleMin: 3,
  titleMax: 200,
  descriptionMin: 10,
  descriptionMax: 20_000,
  themesMax: 40,
  countriesMax: 250,
  regionsMax: 50,
  amountMax: 1_000_000_000,
  unitMin: 2,
  unitMax: 60,
  conditionsMax: 5_000,
} as const;

/** What the form holds: numbers and dates as typed, so a half-typed value is kept until the reader fixes it. */
export interface OfferFormValues {
  donorId: string;
  title: string;
  description: string;
  themeCodes: string[];
  assistanceTypes: AssistanceType[];
  global: boolean;
  eligibleRegionCodes: string[];
  eligibleCountryIso3s: string[];
  capacityUsd: string;
  minGrantUsd: string;
  maxGrantUsd: string;
  startDate: string;
  endDate: string;
  inKindQuantity: string;
  inKindUnit: string;
  modality: Modality | '';
  requiresGenderComponent: boolean;
  conditions: string;
}

/** The fields the reader edits, in the order the form shows them; the donor is chosen only when posting. */
export const OFFER_FORM_FIELDS = [
  'title',
  'description',
  'themeCodes',
  'assistanceTypes',
  'global',
  'eligibleRegionCodes',
  'eligibleCountryIso3s',
  'capacityUsd',
  'minGrantUsd',
  'maxGrantUsd',
  'startDate',
  'endDate',
  'inKindQuantity',
  'inKindUnit',
  'modality',
  'requiresGenderComponent',
  'conditions',
] as const satisfies readonly (keyof OfferFormValues)[];
export type OfferFormField = (typeof OFFER_FORM_FIELDS)[number];

/** The API's input path of each field → the id of its control, for the error summary's links. */
export const OFFER_FIELD_IDS: Record<string, string> = {
  'input.donorId': 'offer-donor',
  'input.title': 'offer-title',
  'input.description': 'offer-description',
  'input.themeCodes': 'offer-themes',
  'input.assistanceTypes': 'offer-assistance-types',
  'input.global': 'offer-global',
  'input.eligibleRegionCodes': 'offer-regions',
  'input.eligibleCountryIso3s': 'offer-countries-filter',
  'input.capacityUsd': 'offer-capacity',
  'input.minGrantUsd': 'offer-min-grant',
  'input.maxGrantUsd': 'offer-max-grant',
  'input.startDate': 'offer-start-date',
  'input.endDate': 'offer-end-date',
  'input.inKindQuantity': 'offer-in-kind-quantity',
  'input.inKindUnit': 'offer-in-kind-unit',
  'input.modality': 'offer-modality',
  'input.requiresGenderComponent': 'offer-gender',
  'input.conditions': 'offer-conditions',
};

export function emptyOfferForm(donorId = ''): OfferFormValues {
  return {
    donorId,
    title: '',
    description: '',
    themeCodes: [],
    assistanceTypes: [],
    global: false,
    eligibleRegionCodes: [],
    eligibleCountryIso3s: [],
    capacityUsd: '',
    minGrantUsd: '',
    maxGrantUsd: '',
    startDate: '',
    endDate: '',
    inKindQuantity: '',
    inKindUnit: '',
    modality: '',
    requiresGenderComponent: false,
    conditions: '',
  };
}

/** A stored offer, as the API returns it. */
export interface StoredOffer {
  donor: { id: string };
  title: string;
  description: string;
  themes: { code: string }[];
  assistanceTypes: AssistanceType[];
  global: boolean;
  eligibleRegions: { code: string }[];
  eligibleCountries: { iso3: string }[];
  capacityUsd: number;
  minGrantUsd?: number | null;
  maxGrantUsd?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  inKindQuantity?: number | null;
  inKindUnit?: string | null;
  modality?: Modality | null;
  requiresGenderComponent: boolean;
  conditions?: string | null;
}

const text = (value: number | string | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function offerFormFrom(offer: StoredOffer): OfferFormValues {
  return {
    donorId: offer.donor.id,
    title: offer.title,
    description: offer.description,
    themeCodes: offer.themes.map((theme) => theme.code),
    assistanceTypes: [...offer.assistanceTypes],
    global: offer.global,
    eligibleRegionCodes: offer.eligibleRegions.map((region) => region.code),
    eligibleCountryIso3s: offer.eligibleCountries.map((country) => country.iso3),
    capacityUsd: text(offer.capacityUsd),
    minGrantUsd: text(offer.minGrantUsd),
    maxGrantUsd: text(offer.maxGrantUsd),
    startDate: text(offer.startDate),
    endDate: text(offer.endDate),
    inKindQuantity: text(offer.inKindQuantity),
    inKindUnit: text(offer.inKindUnit),
    modality: offer.modality ?? '',
    requiresGenderComponent: offer.requiresGenderComponent,
    conditions: text(offer.conditions),
  };
}

/** Whole numbers as typed: spaces (including the narrow ones some locales group digits with) are allowed, nothing else. */
export function parseWhole(value: string): number | null {
  const digits = value.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{1,10}$/.test(digits)) return null;
  return Number(digits);
}

/** A real calendar date written YYYY-MM-DD (what `<input type="date">` gives). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Global offers need no areas; the areas a reader picked before ticking "global" are not sent. */
export function eligibilityOf(values: OfferFormValues): { regions: string[]; countries: string[] } {
  return values.global ? { regions: [], countries: [] } : { regions: values.eligibleRegionCodes, countries: values.eligibleCountryIso3s };
}

/**
 * The checks the API makes on createOffer and updateOffer, made before sending so the reader hears
 * of them in their language, each under the API's input path. `requireDonor`: the Secretariat posting
 * for a donor must name it; `allocatedUsd`: capacity may not fall below what approved pairings hold.
 */
export function offerFormProblems(
  values: OfferFormValues,
  t: Translate,
  options: { requireDonor?: boolean; allocatedUsd?: number } = {},
): FormProblem[] {
  const problems: FormProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field: `input.${field}`, message });
  const L = OFFER_LIMITS;

  if (options.requireDonor && !values.donorId) add('donorId', t('offers.rule.donorMissing'));

  const title = values.title.trim();
  if (!title) add('title', t('offers.rule.titleMissing'));
  else if (title.length < L.titleMin || title.length > L.titleMax)
    add('title', t('offers.rule.titleLength', { min: L.titleMin, max: L.titleMax }));

  const description = values.description.trim();
  if (!description) add('description', t('offers.rule.descriptionMissing'));
  else if (description.length < L.descriptionMin || description.length > L.descriptionMax) {
    add('description', t('offers.rule.descriptionLength', { min: L.descriptionMin, max: L.descriptionMax }));
  }

  if (!values.themeCodes.length) add('themeCodes', t('offers.rule.themesMissing'));
  else if (values.themeCodes.length > L.themesMax) add('themeCodes', t('offers.rule.themesTooMany', { max: L.themesMax }));

  if (!values.assistanceTypes.length) add('assistanceTypes', t('offers.rule.assistanceTypesMissing'));

  const { regions, countries } = eligibilityOf(values);
  if (!values.global && !regions.length && !countries.length) add('global', t('offers.rule.eligibilityMissing'));
  if (regions.length > L.regionsMax) add('eligibleRegionCodes', t('offers.rule.regionsTooMany', { max: L.regionsMax }));
  if (countries.length > L.countriesMax) add('eligibleCountryIso3s', t('offers.rule.countriesTooMany', { max: L.countriesMax }));

  const amount = (
    field: 'capacityUsd' | 'minGrantUsd' | 'maxGrantUsd' | 'inKindQuantity',
    min: number,
    required: boolean,
  ): number | null => {
    const typed = values[field].trim();
    if (!typed) {
      if (required) add(field, t('offers.rule.capacityMissing'));
      return null;
    }
    const value = parseWhole(typed);
    if (value === null) add(field, t('common.rule.wholeNumber'));
    else if (value < min || value > L.amountMax) add(field, t('offers.rule.amountRange', { min, max: L.amountMax }));
    else return value;
    return null;
  };
  const capacity = amount('capacityUsd', 1, true);
  const minGrant = amount('minGrantUsd', 0, false);
  const maxGrant = amount('maxGrantUsd', 1, false);
  amount('inKindQuantity', 1, false);

  if (capacity !== null && options.allocatedUsd && capacity < options.allocatedUsd) {
    add('capacityUsd', t('offers.rule.capacityBelowAllocated', { allocated: options.allocatedUsd }));
  }
  if (minGrant !== null && maxGrant !== null && minGrant > maxGrant) add('maxGrantUsd', t('offers.rule.maxBelowMin'));
  if (capacity !== null && maxGrant !== null && maxGrant > capacity) add('maxGrantUsd', t('offers.rule.maxAboveCapacity'));
  if (capacity !== null && minGrant !== null && minGrant > capacity) add('minGrantUsd', t('offers.rule.minAboveCapacity'));

  const unit = values.inKindUnit.trim();
  if (unit && (unit.length < L.unitMin || unit.length > L.unitMax))
    add('inKindUnit', t('offers.rule.unitLength', { min: L.unitMin, max: L.unitMax }));

  const startValid = isCalendarDate(values.startDate);
  const endValid = isCalendarDate(values.endDate);
  if (values.startDate && !startValid) add('startDate', t('common.rule.date'));
  if (values.endDate && !endValid) add('endDate', t('common.rule.date'));
  // ISO dates compare as text; the API refuses an end on or before the start.
  if (startValid && endValid && values.endDate <= values.startDate) add('endDate', t('offers.rule.endBeforeStart'));

  if (values.conditions.trim().length > L.conditionsMax) add('conditions', t('offers.rule.conditionsTooLong', { max: L.conditionsMax }));
  return problems;
}

/**
 * The form as the API's input; call only when offerFormProblems found none. Emptied optional fields
 * are sent as null so an edit can clear them (the API keeps what is omitted).
 */
export function offerInputOf(values: OfferFormValues) {
  const whole = (value: string) => (value.trim() ? parseWhole(value) : null);
  const { regions, countries } = eligibilityOf(values);
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    themeCodes: values.themeCodes,
    assistanceTypes: values.assistanceTypes,
    global: values.global,
    eligibleRegionCodes: regions,
    eligibleCountryIso3s: countries,
    capacityUsd: parseWhole(values.capacityUsd) ?? 0,
    minGrantUsd: whole(values.minGrantUsd),
    maxGrantUsd: whole(values.maxGrantUsd),
    startDate: values.startDate || null,
    endDate: values.endDate || null,
    inKindQuantity: whole(values.inKindQuantity),
    inKindUnit: values.inKindUnit.trim() || null,
    modality: values.modality || null,
    requiresGenderComponent: values.requiresGenderComponent,
    conditions: values.conditions.trim() || null,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** The fields whose values differ between two versions of the form (lists compare as sets). */
export function differingOfferFields(a: OfferFormValues, b: OfferFormValues): OfferFormField[] {
  return OFFER_FORM_FIELDS.filter((field) => {
    const x = a[field];
    const y = b[field];
    if (Array.isArray(x) && Array.isArray(y)) return !sameList(x, y);
    return typeof x === 'string' && typeof y === 'string' ? x.trim() !== y.trim() : x !== y;
  });
}
