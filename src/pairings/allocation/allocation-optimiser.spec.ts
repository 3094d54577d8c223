import fc from 'fast-check';
import loadHighs, { Highs } from 'highs';
import { indexAllocationProblem, objectiveOf } from './allocation-index';
import { AllocationModel } from './allocation-model';
import { optimiseAllocation } from './allocation-optimiser';
import { AllocationProblem } from './allocation.types';
import { greedyAmounts } from './greedy-allocation';

/** 10–40 needs in 6 countries of 3 regions, 3–12 offers, most pairs matched: enough for pricing to matter. */
function mediumProblem(withMinimumGrants: boolean): fc.Arbitrary<AllocationProblem> {
  const countries = ['KEN:002', 'UGA:002', 'NPL:142', 'IND:142', 'SRB:150', 'PER:019'];
  return fc
    .record({
      needs: fc.array(fc.record({ unfundedUsd: fc.integer({ min: 0, max: 5_000 }), country: fc.integer({ min: 0, max: 5 }) }), {
        minLength: 10,
        maxLength: 40,
      }),
      offers: fc.array(
        fc.record({
          remainingUsd: fc.integer({ min: 0, max: 20_000 }),
          minGrantUsd: withMinimumGrants ? fc.option(fc.integer({ min: 2, max: 1_500 }), { nil: null }) : fc.constant(null),
          maxGrantUsd: fc.option(fc.integer({ min: 1_500, max: 4_000 }), { nil: null }),
        }),
        { minLength: 3, maxLength: 12 },
      ),
      scores: fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 480, maxLength: 480 }),
      minRegionShare: fc.option(
        fc.integer({ min: 5, max: 30 }).map((p) => p / 100),
        { nil: undefined },
      ),
      maxCountryShare: fc.option(
        fc.integer({ min: 20, max: 60 }).map((p) => p / 100),
        { nil: undefined },
      ),
    })
    .map(({ needs, offers, scores, minRegionShare, maxCountryShare }) => ({
      needs: needs.map((n, i) => {
        const [countryIso3, regionCode] = countries[n.country].split(':');
        return { id: `N${i}`, unfundedUsd: n.unfundedUsd, countryIso3, regionCode };
      }),
      offers: offers.map((o, i) => ({ id: `O${i}`, ...o })),
      candidates: needs.flatMap((_, n) =>
        offers.flatMap((__, o) => {
          const score = scores[n * 12 + o];
          // About one pair in ten is not a match.
          return score % 10 === 0 ? [] : [{ matchId: `N${n}-O${o}`, needId: `N${n}`, offerId: `O${o}`, score: score / 1_000 }];
        }),
      ),
      options: { minRegionShare, maxCountryShare },
    }));
}

describe('optimiseAllocation', () => {
  let highs: Highs;

  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('reaches by column generation the optimum of the LP over every candidate', () => {
    fc.assert(
      fc.property(mediumProblem(false), (problem) => {
        const index = indexAllocationProblem(problem);
        const greedy = greedyAmounts(index);
        const full = new AllocationModel(highs, index, 60);
        full.addAllCandidates();
        const fullStatus = full.run();
        const fullOptimum = full.objective();
        full.dispose();

        const outcome = optimiseAllocation(highs, index, greedy, { timeLimitSeconds: 60, exactCandidateLimit: 0 });

        if (fullStatus === 'INFEASIBLE') {
          expect(outcome.status).toBe('INFEASIBLE');
          return;
        }
        expect(outcome.status).toBe('OPTIMAL');
        expect(outcome.upperBound).toBeCloseTo(fullOptimum, 4);
        expect(objectiveOf(index, outcome.amounts!)).toBeCloseTo(fullOptimum, 4);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('leaves no grant below its minimum, and never claims more than the bound, without the exact solve', () => {
    fc.assert(
      fc.property(mediumProblem(true), (problem) => {
        const index = indexAllocationProblem(problem);
        const outcome = optimiseAllocation(highs, index, greedyAmounts(index), {
          timeLimitSeconds: 60,
          exactCandidateLimit: 0,
        });
        if (outcome.amounts === null) return;

        outcome.amounts.forEach((amount, c) => {
          const below = index.lowerOf[c] > 1 && amount > 1e-6 && amount < index.lowerOf[c] - 1e-6;
          expect({ candidate: c, amount, below }).toEqual({ candidate: c, amount, below: false });
        });
        expect(['OPTIMAL', 'FEASIBLE']).toContain(outcome.status);
        expect(objectiveOf(index, outcome.amounts)).toBeLessThanOrEqual(outcome.upperBound! + 1e-6);
      }),
      { numRuns: 25, seed: 11 },
    );
  });
});
