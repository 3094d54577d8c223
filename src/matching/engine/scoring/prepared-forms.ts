import { BadUserInputError } from '../../../common/errors/domain-errors';
import { basisOfRegionPosition, Eligibility, GLOBAL_ELIGIBILITY, REGION_FIT, WORLD_M49_CODE } from './region-fit';
import { bitsOf, popCount32, ThemeTaxonomy } from './theme-taxonomy';
import { ASSISTANCE_TYPES, AssistanceType, NeedForScoring, OfferForScoring } from './types';

/** A need's country or one of its M49 areas, with the region fit an offer naming it would earn. */
export interface NeedPlace extends Eligibility {
  readonly code: string;
}

/**
 * A need compiled once for scoring: sets as bit masks, dates as day numbers (open ends infinite),
 * flags as 0/1 so factors are plain arithmetic.
 */
export interface PreparedNeed {
  readonly source: NeedForScoring;
  readonly taxonomy: ThemeTaxonomy;
  readonly themeLo: number;
  readonly themeHi: number;
  readonly themeCount: number;
  /** Equal for needs with the same themes. */
  readonly themeKey: string;
  /** The bits of the need's themes, in taxonomy order. */
  readonly themeBits: readonly number[];
  readonly assistanceMask: number;
  readonly startDay: number;
  readonly endDay: number;
  readonly unfundedUsd: number;
  readonly countryPlace: NeedPlace;
  /** The country's M49 areas, most specific first, each with its level and fit. */
  readonly regionPlaces: readonly NeedPlace[];
  /** Needs with the same key are eligible for exactly the same offers. */
  readonly placeKey: string;
  readonly ownership: number;
  readonly gender: number;
  readonly baseline: number;
  readonly multiYear: number;
  readonly conflict: number;
}

/** An offer compiled once for scoring. */
export interface PreparedOffer {
  readonly source: OfferForScoring;
  readonly taxonomy: ThemeTaxonomy;
  /** Themes the offer names itself. */
  readonly exactLo: number;
  readonly exactHi: number;
  /** Themes it names plus every theme of the groups it names. */
  readonly coverLo: number;
  readonly coverHi: number;
  readonly assistanceMask: number;
  readonly startDay: number;
  readonly endDay: number;
  readonly remainingCapacityUsd: number;
  /** Zero when the offer sets no minimum. */
  readonly minGrantUsd: number;
  /** The most one grant can carry: remaining capacity, capped by the maximum grant. */
  readonly fundableUsd: number;
  readonly requiresGenderComponent: boolean;
  /** Whether the gender factor counts for this offer (see pair-scorer.ts). */
  readonly asksAboutGender: boolean;
  readonly eligibleCountries: ReadonlySet<string>;
  readonly eligibleRegions: ReadonlySet<string>;
  readonly global: boolean;
}

/** The theme whose explicit naming marks an offer as interested in gender. */
export const GENDER_THEME_CODE = 'GENDER';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function prepareNeed(need: NeedForScoring, taxonomy: ThemeTaxonomy): PreparedNeed {
  const invalid = (field: string, message: string) => BadUserInputError.forField(`need.${field}`, `Need ${need.id}: ${message}`);
  for (const code of need.themeCodes) {
    if (!taxonomy.isTheme(code)) {
      throw invalid('themeCodes', `${code} is not a theme code${taxonomy.isGroup(code) ? ' (needs name themes, not groups)' : ''}.`);
    }
  }
  if (!Number.isFinite(need.unfundedUsd)) throw invalid('unfundedUsd', 'the unfunded amount must be a finite number.');
  const theme = taxonomy.maskOf(need.themeCodes);
  const [startDay, endDay] = dayWindow(need.startDate, need.endDate, invalid);
  const regionPlaces = need.regionCodes.map((code, position): NeedPlace => {
    const basis = basisOfRegionPosition(position, need.regionCodes.length);
    return { code, basis, fit: REGION_FIT[basis] };
  });
  return {
    source: need,
    taxonomy,
    themeLo: theme.lo,
    themeHi: theme.hi,
    themeCount: popCount32(theme.lo) + popCount32(theme.hi),
    themeKey: `${theme.lo}:${theme.hi}`,
    themeBits: bitsOf(theme.lo, theme.hi),
    assistanceMask: assistanceMaskOf(need.assistanceTypes, invalid),
    startDay,
    endDay,
    unfundedUsd: need.unfundedUsd,
    countryPlace: { code: need.countryIso3, basis: 'COUNTRY', fit: REGION_FIT.COUNTRY },
    regionPlaces,
    placeKey: [need.countryIso3, ...need.regionCodes].join('/'),
    ownership: need.fromNationalReport || need.nationalActionPlan ? 1 : 0,
    gender: need.genderComponent ? 1 : 0,
    baseline: need.baselineAssessment ? 1 : 0,
    multiYear: need.multiYear ? 1 : 0,
    conflict: need.conflictAffected ? 1 : 0,
  };
}

export function prepareOffer(offer: OfferForScoring, taxonomy: ThemeTaxonomy): PreparedOffer {
  const invalid = (field: string, message: string) => BadUserInputError.forField(`offer.${field}`, `Offer ${offer.id}: ${message}`);
  for (const code of offer.themeCodes) {
    if (!taxonomy.isTheme(code) && !taxonomy.isGroup(code)) throw invalid('themeCodes', `${code} is not a theme or group code.`);
  }
  if (!Number.isFinite(offer.remainingCapacityUsd)) {
    throw invalid('remainingCapacityUsd', 'the remaining capacity must be a finite number.');
  }
  for (const field of ['minGrantUsd', 'maxGrantUsd'] as const) {
    const amount = offer[field];
    if (amount !== null && !(Number.isFinite(amount) && amount >= 0)) {
      throw invalid(field, 'a grant limit must be a finite amount of at least 0, or null.');
    }
  }
  const exact = taxonomy.maskOf(offer.themeCodes.filter((code) => taxonomy.isTheme(code)));
  const cover = taxonomy.maskOf(offer.themeCodes);
  const [startDay, endDay] = dayWindow(offer.startDate, offer.endDate, invalid);
  const requiresGenderComponent = offer.requiresGenderComponent;
  return {
    source: offer,
    taxonomy,
    exactLo: exact.lo,
    exactHi: exact.hi,
    coverLo: cover.lo,
    coverHi: cover.hi,
    assistanceMask: assistanceMaskOf(offer.assistanceTypes, invalid),
    startDay,
    endDay,
    remainingCapacityUsd: offer.remainingCapacityUsd,
    minGrantUsd: offer.minGrantUsd ?? 0,
    fundableUsd: Math.min(offer.remainingCapacityUsd, offer.maxGrantUsd ?? Infinity),
    requiresGenderComponent,
    asksAboutGender: requiresGenderComponent || offer.themeCodes.includes(GENDER_THEME_CODE),
    eligibleCountries: new Set(offer.eligibleCountryIso3s),
    eligibleRegions: new Set(offer.eligibleRegionCodes),
    global: offer.global || offer.eligibleRegionCodes.includes(WORLD_M49_CODE),
  };
}

type InvalidInput = (field: string, message: string) => BadUserInputError;

function assistanceMaskOf(types: readonly AssistanceType[], invalid: InvalidInput): number {
  let mask = 0;
  for (const type of types) {
    const bit = ASSISTANCE_TYPES.indexOf(type);
    if (bit < 0) throw invalid('assistanceTypes', `${String(type)} is not an assistance type.`);
    mask |= 1 << bit;
  }
  return mask;
}

/** [first day, last day] as days since 1970-01-01; an open end is unbounded. */
function dayWindow(start: string | null, end: string | null, invalid: InvalidInput): [number, number] {
  const startDay = start === null ? -Infinity : dayNumber(start, () => invalid('startDate', `"${start}" is not a YYYY-MM-DD date.`));
  const endDay = end === null ? Infinity : dayNumber(end, () => invalid('endDate', `"${end}" is not a YYYY-MM-DD date.`));
  if (endDay < startDay) throw invalid('endDate', 'the end date comes before the start date.');
  return [startDay, endDay];
}

function dayNumber(isoDate: string, invalid: () => BadUserInputError): number {
  const parts = ISO_DATE.exec(isoDate);
  if (!parts) throw invalid();
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw invalid();
  return time / DAY_MS;
}

/** Theme bits only mean the same thing when both sides were compiled with one taxonomy. */
export function assertOneTaxonomy(needs: readonly PreparedNeed[], offers: readonly PreparedOffer[]): void {
  const taxonomy = needs[0]?.taxonomy ?? offers[0]?.taxonomy;
  if (needs.some((need) => need.taxonomy !== taxonomy) || offers.some((offer) => offer.taxonomy !== taxonomy)) {
    throw new Error('Needs and offers were prepared with different theme taxonomies.');
  }
}

/**
 * The country's eligibility for the offer, or null when the offer does not reach it. Returns one of
 * the need's prepared places, so nothing is allocated per pair.
 */
export function eligibilityOf(need: PreparedNeed, offer: PreparedOffer): Eligibility | null {
  if (offer.eligibleCountries.has(need.countryPlace.code)) return need.countryPlace;
  for (const place of need.regionPlaces) {
    if (offer.eligibleRegions.has(place.code)) return place;
  }
  return offer.global ? GLOBAL_ELIGIBILITY : null;
}
