import { BadUserInputError, FieldProblem } from '../../common/errors/domain-errors';
import { AllocationProblem } from './allocation.types';

/** Enough to fix a bad batch without flooding the client with one line per candidate. */
const MAX_REPORTED_PROBLEMS = 20;

/**
 * Rejects a problem the solver could not answer meaningfully. Every problem found is reported at
 * once (up to a limit). The options sit at the top level of the client's input (`input.minRegionShare`),
 * the lists under their own names (`input.candidates[4].needId`).
 */
export function validateAllocationProblem(problem: AllocationProblem): void {
  const problems: FieldProblem[] = [];
  const report = (field: string, message: string): void => {
    problems.push({ field, message });
  };

  const needIds = new Map<string, number>();
  problem.needs.forEach((need, index) => {
    const path = (field = ''): string => `input.needs[${index}]${field}`;
    checkId(need.id, index, needIds, () => path('.id'), report);
    checkWholeDollars(need.unfundedUsd, () => path('.unfundedUsd'), report);
    if (!need.countryIso3) report(path('.countryIso3'), 'A need must name its country.');
    if (!need.regionCode) report(path('.regionCode'), 'A need must name its M49 region.');
  });

  const offerIds = new Map<string, number>();
  problem.offers.forEach((offer, index) => {
    const path = (field = ''): string => `input.offers[${index}]${field}`;
    checkId(offer.id, index, offerIds, () => path('.id'), report);
    checkWholeDollars(offer.remainingUsd, () => path('.remainingUsd'), report);
    if (offer.minGrantUsd !== null) checkWholeDollars(offer.minGrantUsd, () => path('.minGrantUsd'), report);
    if (offer.maxGrantUsd !== null) checkWholeDollars(offer.maxGrantUsd, () => path('.maxGrantUsd'), report);
    if (offer.minGrantUsd !== null && offer.maxGrantUsd !== null && offer.minGrantUsd > offer.maxGrantUsd) {
      report(path('.minGrantUsd'), 'The smallest grant cannot exceed the largest grant.');
    }
  });

  const matchIds = new Map<string, number>();
  const pairs = new Set<number>();
  problem.candidates.forEach((candidate, index) => {
    const path = (field = ''): string => `input.candidates[${index}]${field}`;
    checkId(candidate.matchId, index, matchIds, () => path('.matchId'), report);
    const need = needIds.get(candidate.needId);
    const offer = offerIds.get(candidate.offerId);
    if (need === undefined) report(path('.needId'), `Unknown need ${candidate.needId}.`);
    if (offer === undefined) report(path('.offerId'), `Unknown offer ${candidate.offerId}.`);
    if (!(Number.isFinite(candidate.score) && candidate.score >= 0 && candidate.score <= 1)) {
      report(path('.score'), 'A score must lie between 0 and 1.');
    }
    if (need !== undefined && offer !== undefined) {
      // Two matches for one pair would let that pair take two maximum grants.
      const pair = need * problem.offers.length + offer;
      if (pairs.has(pair)) report(path(), `Need ${candidate.needId} and offer ${candidate.offerId} are matched twice.`);
      pairs.add(pair);
    }
  });

  const options = problem.options ?? {};
  checkShare(options.minRegionShare, 'input.minRegionShare', report);
  checkShare(options.maxCountryShare, 'input.maxCountryShare', report);
  if (options.maxCountryUsd !== undefined) checkWholeDollars(options.maxCountryUsd, () => 'input.maxCountryUsd', report);
  if (options.timeLimitSeconds !== undefined && !(Number.isFinite(options.timeLimitSeconds) && options.timeLimitSeconds > 0)) {
    report('input.timeLimitSeconds', 'The time limit must be a positive number of seconds.');
  }

  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED_PROBLEMS);
    const more = problems.length - shown.length;
    throw new BadUserInputError(
      `The allocation problem is invalid: ${shown[0].message}${more > 0 ? ` (${more} more problems not listed)` : ''}`,
      shown,
    );
  }
}

type Report = (field: string, message: string) => void;

/** Records `id` at `position` (the first occurrence wins), reporting a missing or repeated id. */
function checkId(id: string, position: number, seen: Map<string, number>, field: () => string, report: Report): void {
  if (!id) report(field(), 'An id is required.');
  else if (seen.has(id)) report(field(), `Duplicate id ${id}.`);
  else seen.set(id, position);
}

/** `field` is computed only when reporting, as paths are built for every row otherwise. */
function checkWholeDollars(amount: number, field: () => string, report: Report): void {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    report(field(), 'An amount must be a whole, non-negative number of US dollars.');
  }
}

function checkShare(share: number | undefined, field: string, report: Report): void {
  if (share !== undefined && !(Number.isFinite(share) && share >= 0 && share <= 1)) {
    report(field, 'A share must lie between 0 and 1.');
  }
}
