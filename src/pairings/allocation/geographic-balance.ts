import { AllocationIndex } from './allocation-index';

/** Shares such as 1/3 do not add up to exactly 1 in floating point. */
const SHARE_SUM_TOLERANCE = 1e-12;

/**
 * Explains, without solving anything, why the geographic constraints leave nothing but the empty
 * allocation, or returns null when that cannot be told in advance. Shares are relative to the
 * allocated total T, so they can always be met by giving nothing; these are the cases where
 * giving anything at all breaks them:
 * - every region must get at least s·T, so the regions together need s·R·T ≤ T;
 * - a region whose candidates can none be funded keeps 0 < s·T for every T > 0;
 * - every country may get at most c·T, so the K countries that can be funded reach at most c·K·T.
 */
export function geographicInfeasibilityReason(index: AllocationIndex): string | null {
  const fundableRegions = new Set<number>();
  const fundableCountries = new Set<number>();
  for (let c = 0; c < index.candidateCount; c++) {
    if (index.upperOf[c] > 0) {
      fundableRegions.add(index.regionOf[c]);
      fundableCountries.add(index.countryOf[c]);
    }
  }
  if (fundableCountries.size === 0) return null;

  const regionCount = index.regionCodes.length;
  const share = index.minRegionShare;
  if (share > 0 && share * regionCount > 1 + SHARE_SUM_TOLERANCE) {
    return `A minimum regional share of ${share} for each of the ${regionCount} regions with candidate needs adds up to more than the whole.`;
  }
  if (share > 0 && fundableRegions.size < regionCount) {
    const starved = index.regionCodes.filter((_, region) => !fundableRegions.has(region));
    return `No candidate in region ${starved.join(', ')} can be funded, so no allocation gives every region its minimum share.`;
  }
  if (index.maxCountryShare * fundableCountries.size < 1 - SHARE_SUM_TOLERANCE) {
    return `A country share cap of ${index.maxCountryShare} over the ${fundableCountries.size} countries that can be funded cannot add up to the whole.`;
  }
  return null;
}
