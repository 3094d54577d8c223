/** How a need's country is eligible for an offer, from the most to the least targeted. */
export type EligibilityBasis = 'COUNTRY' | 'INTERMEDIATE_REGION' | 'SUB_REGION' | 'REGION' | 'GLOBAL';

/**
 * Region fit by the most targeted way the country is eligible. An offer aimed at a country, or at its
 * immediate neighbourhood, has usually been designed with that context in mind; a global offer is
 * open to all but tuned to none, so it still scores, only lower.
 *
 * | basis                                          |  fit |
 * | ---------------------------------------------- | ---: |
 * | country named by the offer                     | 1.00 |
 * | intermediate region (e.g. 011 Western Africa)  | 0.80 |
 * | sub-region (e.g. 202 Sub-Saharan Africa)       | 0.70 |
 * | region (e.g. 002 Africa)                       | 0.50 |
 * | global offer (or one listing 001, World)       | 0.30 |
 */
export const REGION_FIT: Readonly<Record<EligibilityBasis, number>> = Object.freeze({
  COUNTRY: 1,
  INTERMEDIATE_REGION: 0.8,
  SUB_REGION: 0.7,
  REGION: 0.5,
  GLOBAL: 0.3,
});

/** M49 code of the whole world; an offer listing it is global. */
export const WORLD_M49_CODE = '001';

/**
 * The level of the code at `position` in a need's region codes. The list runs most specific first and
 * always ends with the region, and only some countries have an intermediate region, so the level is
 * read from the end: last = region, the one before = sub-region, anything earlier = intermediate.
 */
export function basisOfRegionPosition(position: number, codeCount: number): EligibilityBasis {
  const stepsFromEnd = codeCount - 1 - position;
  if (stepsFromEnd === 0) return 'REGION';
  if (stepsFromEnd === 1) return 'SUB_REGION';
  return 'INTERMEDIATE_REGION';
}

/** How a need's country qualifies for an offer: the most targeted basis, the code that matched, its fit. */
export interface Eligibility {
  readonly basis: EligibilityBasis;
  /** The ISO3 or M49 code the offer lists; null for a global offer. */
  readonly code: string | null;
  readonly fit: number;
}

export const GLOBAL_ELIGIBILITY: Eligibility = Object.freeze({ basis: 'GLOBAL', code: null, fit: REGION_FIT.GLOBAL });
