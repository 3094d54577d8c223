import { indexAllocationProblem } from './allocation-index';
import { AllocationProblem } from './allocation.types';
import { repairToFeasible } from './feasibility-repair';

/** Needs N0.., one per entry of `needs` as [unfunded, region]; every need matched with offer O. */
function problemWith(
  needs: [unfundedUsd: number, regionCode: string][],
  scores: number[],
  offer: { remainingUsd: number; minGrantUsd?: number; maxGrantUsd?: number },
  options: AllocationProblem['options'] = {},
): AllocationProblem {
  return {
    needs: needs.map(([unfundedUsd, regionCode], n) => ({
      id: `N${n}`,
      unfundedUsd,
      countryIso3: `C${n}`,
      regionCode,
    })),
    offers: [
      {
        id: 'O',
        remainingUsd: offer.remainingUsd,
        minGrantUsd: offer.minGrantUsd ?? null,
        maxGrantUsd: offer.maxGrantUsd ?? null,
      },
    ],
    candidates: scores.map((score, n) => ({ matchId: `M${n}`, needId: `N${n}`, offerId: 'O', score })),
    options,
  };
}

function repaired(problem: AllocationProblem, amounts: number[], roundingSlackUsd = 0): number[] {
  const values = Float64Array.from(amounts);
  repairToFeasible(indexAllocationProblem(problem), values, roundingSlackUsd);
  return Array.from(values);
}

describe('repairToFeasible', () => {
  it('rounds down, counting a value within the slack of a whole dollar as that dollar', () => {
    const problem = problemWith(
      [
        [100, '002'],
        [100, '002'],
      ],
      [0.9, 0.5],
      { remainingUsd: 200, minGrantUsd: 40 },
    );

    expect(repaired(problem, [39.9999999, 55.7], 1e-6)).toEqual([40, 55]);
    expect(repaired(problem, [39.99, 55.7], 1e-6)).toEqual([0, 55]);
  });

  it('trims an overdrawn offer from its lowest-scored grant, dropping it below the minimum', () => {
    const problem = problemWith(
      [
        [100, '002'],
        [100, '002'],
        [100, '002'],
      ],
      [0.9, 0.2, 0.5],
      { remainingUsd: 150, minGrantUsd: 30 },
    );

    // 20 over: the 0.2 grant (50) can lose 20 and keep 30.
    expect(repaired(problem, [80, 50, 40])).toEqual([80, 30, 40]);
    // 25 over: the 0.2 grant would fall to 25 < 30, so it goes, which is enough.
    expect(repaired(problem, [80, 50, 45])).toEqual([80, 0, 45]);
  });

  it('caps grants at the offer maximum and the unfunded amount', () => {
    const problem = problemWith([[60, '002']], [0.9], { remainingUsd: 500, maxGrantUsd: 100 });

    expect(repaired(problem, [75.5])).toEqual([60]);
  });

  it('lowers the total until every region holds its minimum share', () => {
    const problem = problemWith(
      [
        [1000, '002'],
        [1000, '142'],
      ],
      [0.9, 0.3],
      { remainingUsd: 2000 },
      { minRegionShare: 0.2 },
    );

    // Asia's 100 is 20% of at most 500, so Africa keeps 400.
    expect(repaired(problem, [900, 100])).toEqual([400, 100]);
  });

  it('lowers a country above its share of the total', () => {
    const problem = problemWith(
      [
        [1000, '002'],
        [1000, '002'],
        [1000, '002'],
      ],
      [0.9, 0.8, 0.7],
      { remainingUsd: 3000 },
      { maxCountryShare: 0.5 },
    );

    // C0 may hold half: 0.5·(x + 300) ≥ x gives x ≤ 300.
    expect(repaired(problem, [700, 200, 100])).toEqual([300, 200, 100]);
  });

  it('gives nothing when the shares admit nothing else', () => {
    const problem = problemWith(
      [
        [1000, '002'],
        [1000, '142'],
      ],
      [0.9, 0.3],
      { remainingUsd: 2000 },
      { minRegionShare: 0.6 },
    );

    expect(repaired(problem, [500, 500])).toEqual([0, 0]);
  });
});
