/** Builders and small allocation problems shared by the solver's specs. */
import { AllocationCandidate, AllocationNeed, AllocationOffer, AllocationProblem } from './allocation.types';

export const need = (id: string, unfundedUsd: number, countryIso3 = 'KEN', regionCode = '002'): AllocationNeed => ({
  id,
  unfundedUsd,
  countryIso3,
  regionCode,
});
export const offer = (
  id: string,
  remainingUsd: number,
  minGrantUsd: number | null = null,
  maxGrantUsd: number | null = null,
): AllocationOffer => ({
  id,
  remainingUsd,
  minGrantUsd,
  maxGrantUsd,
});
export const match = (needId: string, offerId: string, score: number): AllocationCandidate => ({
  matchId: `${needId}-${offerId}`,
  needId,
  offerId,
  score,
});
/**
 * Two needs, two offers, supply = demand = 180.
 * Greedy takes N1-O1 (0.9) for 100, then N2-O1 (0.8) for the 20 left in O1, skips N1-O2 (N1 is
 * full) and gives N2-O2 (0.1) 60: 90 + 16 + 6 = 112.
 * Optimum: with every row tight, x(N1-O2) = 100 − x1, x(N2-O1) = 120 − x1, x(N2-O2) = x1 − 40, so
 * the objective is 142 − 0.3·x1, best at the smallest x1 = 40: N1-O1 40, N2-O1 80, N1-O2 60,
 * N2-O2 0, worth 36 + 64 + 30 = 130. The row prices O1 0.4, O2 0, N1 0.5, N2 0.4 cover every
 * score and also sum to 120·0.4 + 100·0.5 + 80·0.4 = 130, which proves it.
 */
export const crossingProblem: AllocationProblem = {
  needs: [need('N1', 100), need('N2', 80, 'UGA')],
  offers: [offer('O1', 120), offer('O2', 60)],
  candidates: [match('N1', 'O1', 0.9), match('N2', 'O1', 0.8), match('N1', 'O2', 0.5), match('N2', 'O2', 0.1)],
};
