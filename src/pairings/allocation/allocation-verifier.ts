import { Allocation, AllocationProblem } from './allocation.types';

/** Geographic shares are compared in floating point; a millionth of a dollar is not a violation. */
const SHARE_TOLERANCE_USD = 1e-6;

/**
 * Lists every constraint the allocations break, read straight from the problem's ids (no shared
 * code with the solver, so it can stand as an independent check): whole positive dollars, known
 * candidates used once, grant limits, offer capacities, unfunded amounts, country caps and
 * regional shares. An empty list means the allocation is valid.
 */
export function findAllocationViolations(problem: AllocationProblem, allocations: Allocation[]): string[] {
  const violations: string[] = [];
  const options = problem.options ?? {};
  const needs = new Map(problem.needs.map((need) => [need.id, need]));
  const offers = new Map(problem.offers.map((offer) => [offer.id, offer]));
  const candidates = new Map(problem.candidates.map((candidate) => [candidate.matchId, candidate]));
  const seen = new Set<string>();
  const byOffer = new Map<string, number>();
  const byNeed = new Map<string, number>();
  const byCountry = new Map<string, number>();
  const byRegion = new Map<string, number>();
  const add = (sums: Map<string, number>, key: string, amount: number): void => {
    sums.set(key, (sums.get(key) ?? 0) + amount);
  };
  let total = 0;

  for (const allocation of allocations) {
    const { matchId, allocatedUsd: amount } = allocation;
    const candidate = candidates.get(matchId);
    if (!candidate || candidate.needId !== allocation.needId || candidate.offerId !== allocation.offerId) {
      violations.push(`${matchId}: not a candidate of this problem`);
      continue;
    }
    if (seen.has(matchId)) violations.push(`${matchId}: allocated twice`);
    seen.add(matchId);
    if (!Number.isSafeInteger(amount) || amount <= 0) violations.push(`${matchId}: ${amount} is not a positive whole amount`);
    const offer = offers.get(candidate.offerId)!;
    const need = needs.get(candidate.needId)!;
    if (offer.minGrantUsd !== null && amount < offer.minGrantUsd) {
      violations.push(`${matchId}: ${amount} is below the minimum grant ${offer.minGrantUsd}`);
    }
    if (offer.maxGrantUsd !== null && amount > offer.maxGrantUsd) {
      violations.push(`${matchId}: ${amount} is above the maximum grant ${offer.maxGrantUsd}`);
    }
    add(byOffer, offer.id, amount);
    add(byNeed, need.id, amount);
    add(byCountry, need.countryIso3, amount);
    add(byRegion, need.regionCode, amount);
    total += amount;
  }

  for (const [offerId, sum] of byOffer) {
    const remaining = offers.get(offerId)!.remainingUsd;
    if (sum > remaining) violations.push(`offer ${offerId}: ${sum} allocated, ${remaining} remaining`);
  }
  for (const [needId, sum] of byNeed) {
    const unfunded = needs.get(needId)!.unfundedUsd;
    if (sum > unfunded) violations.push(`need ${needId}: ${sum} allocated, ${unfunded} unfunded`);
  }
  for (const [country, sum] of byCountry) {
    if (options.maxCountryUsd !== undefined && sum > options.maxCountryUsd) {
      violations.push(`country ${country}: ${sum} allocated, cap ${options.maxCountryUsd}`);
    }
    if (options.maxCountryShare !== undefined && sum > options.maxCountryShare * total + SHARE_TOLERANCE_USD) {
      violations.push(`country ${country}: ${sum} of ${total} is above the ${options.maxCountryShare} share cap`);
    }
  }
  if (options.minRegionShare !== undefined) {
    const candidateRegions = new Set(problem.candidates.map((candidate) => needs.get(candidate.needId)!.regionCode));
    for (const region of candidateRegions) {
      const sum = byRegion.get(region) ?? 0;
      if (sum < options.minRegionShare * total - SHARE_TOLERANCE_USD) {
        violations.push(`region ${region}: ${sum} of ${total} is below the ${options.minRegionShare} minimum share`);
      }
    }
  }
  return violations;
}
