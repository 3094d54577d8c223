import fc from 'fast-check';
import loadHighs, { Highs } from 'highs';
import { BadUserInputError } from '../../common/errors/domain-errors';
import { solveAllocation } from './allocation-solver';
import { crossingProblem, match, need, offer } from './allocation-fixtures';
import { findAllocationViolations } from './allocation-verifier';
import { AllocationCandidate, AllocationOptions, AllocationProblem, AllocationResult } from './allocation.types';
import { greedyAllocation } from './greedy-allocation';

const amounts = (result: AllocationResult): Record<string, number> =>
  Object.fromEntries(result.allocations.map((allocation) => [allocation.matchId, allocation.allocatedUsd]));

describe('solveAllocation', () => {
  it('finds the optimum computed by hand, where greedy falls short', async () => {
    const result = await solveAllocation(crossingProblem);

    expect(result.status).toBe('OPTIMAL');
    expect(result.source).toBe('SOLVER');
    expect(amounts(result)).toEqual({ 'N1-O1': 40, 'N2-O1': 80, 'N1-O2': 60 });
    expect(result.objective).toBeCloseTo(130, 9);
    expect(result.upperBound).toBeCloseTo(130, 6);
    expect(result.greedyObjective).toBeCloseTo(112, 9);
    expect(result.buildMillis).toBeGreaterThanOrEqual(0);
    expect(result.solveMillis).toBeGreaterThanOrEqual(0);
  });

  it('exposes the greedy allocation it compares against', () => {
    const greedy = greedyAllocation(crossingProblem);

    expect(greedy.objective).toBeCloseTo(112, 9);
    expect(Object.fromEntries(greedy.allocations.map((a) => [a.matchId, a.allocatedUsd]))).toEqual({
      'N1-O1': 100,
      'N2-O1': 20,
      'N2-O2': 60,
    });
  });

  /**
   * O1 gives 0 or at least 40. The LP relaxation would give N1 70, N2 30 from O1 and N2 20 from
   * O2 (101), but 30 is below the minimum. Exactly: either N2 takes 40 or more from O1, leaving
   * N1 100 − y and O2 → N2 50 − y, worth 125 − 0.8·y, best at y = 40 (N1 60, N2 40 + 10): 93;
   * or N2 takes nothing from O1 (N1 70, N2 30 from O2): 84. Greedy (N1 70, N2 has 30 < 40 left in
   * O1, then 30 from O2) stops at 84, as would dropping the sub-minimum grant and solving again.
   */
  it('solves minimum grants exactly on small problems', async () => {
    const problem: AllocationProblem = {
      needs: [need('N1', 70), need('N2', 50)],
      offers: [offer('O1', 100, 40), offer('O2', 30)],
      candidates: [match('N1', 'O1', 0.9), match('N2', 'O1', 0.8), match('N2', 'O2', 0.7)],
    };

    const result = await solveAllocation(problem);

    expect(result.status).toBe('OPTIMAL');
    expect(amounts(result)).toEqual({ 'N1-O1': 60, 'N2-O1': 40, 'N2-O2': 10 });
    expect(result.objective).toBeCloseTo(93, 9);
    expect(result.greedyObjective).toBeCloseTo(84, 9);
  });

  it('keeps every grant within its offer limits, capacities and unfunded amounts', async () => {
    const problem: AllocationProblem = {
      needs: [need('N1', 500), need('N2', 45), need('N3', 300)],
      offers: [offer('O1', 400, 50, 120), offer('O2', 90, null, 60)],
      candidates: [
        match('N1', 'O1', 1),
        match('N2', 'O1', 0.95),
        match('N3', 'O1', 0.6),
        match('N1', 'O2', 0.9),
        match('N2', 'O2', 0.3),
        match('N3', 'O2', 0.8),
      ],
    };

    const result = await solveAllocation(problem);

    expect(findAllocationViolations(problem, result.allocations)).toEqual([]);
    const granted = amounts(result);
    // N2 lacks 45, below O1's minimum of 50: O1 cannot fund it at all.
    expect(granted['N2-O1']).toBeUndefined();
    expect(granted['N1-O1']).toBe(120);
    expect(granted['N3-O1']).toBe(120);
    // O2's 90 with a 60 cap per grant: 60 to N1 (0.9) and 30 to N3 (0.8).
    expect(granted['N1-O2']).toBe(60);
    expect(granted['N3-O2']).toBe(30);
    expect(result.objective).toBeCloseTo(120 + 72 + 54 + 24, 9);
  });

  it('gives every region its minimum share of the total', async () => {
    // Africa's matches score higher, but Asia must get at least 40% of what is allocated.
    const problem: AllocationProblem = {
      needs: [need('AF', 1000, 'KEN', '002'), need('AS', 1000, 'NPL', '142')],
      offers: [offer('O1', 1000)],
      candidates: [match('AF', 'O1', 0.9), match('AS', 'O1', 0.3)],
      options: { minRegionShare: 0.4 },
    };

    const result = await solveAllocation(problem);

    expect(result.status).toBe('OPTIMAL');
    expect(amounts(result)).toEqual({ 'AF-O1': 600, 'AS-O1': 400 });
    expect(findAllocationViolations(problem, result.allocations)).toEqual([]);
  });

  it('caps every country in dollars', async () => {
    const problem: AllocationProblem = {
      needs: [need('K1', 1000, 'KEN'), need('K2', 1000, 'KEN'), need('U', 1000, 'UGA'), need('T', 100, 'TZA')],
      offers: [offer('O1', 3000)],
      candidates: [match('K1', 'O1', 0.9), match('K2', 'O1', 0.8), match('U', 'O1', 0.7), match('T', 'O1', 0.2)],
      options: { maxCountryUsd: 800 },
    };

    const result = await solveAllocation(problem);

    // Kenya's 800 all go to its better match; Uganda is held to 800 as well.
    expect(amounts(result)).toEqual({ 'K1-O1': 800, 'U-O1': 800, 'T-O1': 100 });
    expect(findAllocationViolations(problem, result.allocations)).toEqual([]);
  });

  it('caps every country in share of the total', async () => {
    const problem: AllocationProblem = {
      needs: [need('K1', 1000, 'KEN'), need('K2', 1000, 'KEN'), need('U', 1000, 'UGA'), need('T', 200, 'TZA')],
      offers: [offer('O1', 3000)],
      candidates: [match('K1', 'O1', 0.9), match('K2', 'O1', 0.8), match('U', 'O1', 0.7), match('T', 'O1', 0.2)],
      options: { maxCountryShare: 0.4 },
    };

    const result = await solveAllocation(problem);

    // Tanzania can take 200 at most, so with K and U for Kenya and Uganda, K ≤ 0.4·(K + U + 200)
    // and U ≤ 0.4·(K + U + 200); both bind at K = U = 400.
    expect(amounts(result)).toEqual({ 'K1-O1': 400, 'U-O1': 400, 'T-O1': 200 });
    expect(result.objective).toBeCloseTo(360 + 280 + 40, 9);
    expect(findAllocationViolations(problem, result.allocations)).toEqual([]);
  });

  it('reports shares that cannot add up as infeasible, with the reason', async () => {
    const result = await solveAllocation({
      needs: [need('AF', 100, 'KEN', '002'), need('AS', 100, 'NPL', '142'), need('EU', 100, 'SRB', '150')],
      offers: [offer('O1', 300)],
      candidates: [match('AF', 'O1', 0.9), match('AS', 'O1', 0.5), match('EU', 'O1', 0.4)],
      options: { minRegionShare: 0.4 },
    });

    expect(result.status).toBe('INFEASIBLE');
    expect(result.allocations).toEqual([]);
    expect(result.objective).toBe(0);
    expect(result.message).toMatch(/3 regions/);
  });

  it('detects infeasibility that only the solver can prove', async () => {
    // Asia can absorb 10 at most; Africa's only offer gives 0 or at least 100, and Africa must
    // hold 40% of any positive total, so Asia would need 40 of 100 or more.
    const result = await solveAllocation({
      needs: [need('AF', 1000, 'KEN', '002'), need('AS', 10, 'NPL', '142')],
      offers: [offer('O1', 1000, 100), offer('O2', 10)],
      candidates: [match('AF', 'O1', 0.9), match('AS', 'O2', 0.5)],
      options: { minRegionShare: 0.4 },
    });

    expect(result.status).toBe('INFEASIBLE');
    expect(result.allocations).toEqual([]);
    expect(result.message).toMatch(/regional minimum shares/);
  });

  it('returns nothing, optimally, when no candidate can be funded', async () => {
    const result = await solveAllocation({
      needs: [need('N1', 0)],
      offers: [offer('O1', 100)],
      candidates: [match('N1', 'O1', 0.9)],
    });

    expect(result).toMatchObject({ status: 'OPTIMAL', objective: 0, allocations: [] });
  });

  it('rejects invalid problems with the fields at fault', async () => {
    const invalid: AllocationProblem = {
      needs: [need('N1', -5), need('N2', 10.5)],
      offers: [offer('O1', 100, 80, 50)],
      candidates: [match('N1', 'O1', 1.2), match('N9', 'O1', 0.5), { ...match('N2', 'O7', 0.5) }],
      options: { minRegionShare: 1.5, maxCountryShare: -0.1 },
    };

    const error = await solveAllocation(invalid).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as BadUserInputError).fields.map((problem) => problem.field)).toEqual([
      'input.needs[0].unfundedUsd',
      'input.needs[1].unfundedUsd',
      'input.offers[0].minGrantUsd',
      'input.candidates[0].score',
      'input.candidates[1].needId',
      'input.candidates[2].offerId',
      'input.minRegionShare',
      'input.maxCountryShare',
    ]);
  });

  it('rejects the same need and offer matched twice', () => {
    const problem: AllocationProblem = {
      needs: [need('N1', 10)],
      offers: [offer('O1', 10)],
      candidates: [match('N1', 'O1', 0.5), { ...match('N1', 'O1', 0.6), matchId: 'other' }],
    };

    expect(() => greedyAllocation(problem)).toThrow(BadUserInputError);
  });

  it('meets every constraint, never scores below greedy and matches an independent model on random problems', async () => {
    const highs = await loadHighs();
    await fc.assert(
      fc.asyncProperty(smallProblem(), async (problem) => {
        const result = await solveAllocation(problem);
        const greedy = greedyAllocation(problem);
        const wholeDollarOptimum = referenceOptimum(highs, problem);

        expect(findAllocationViolations(problem, result.allocations)).toEqual([]);
        expect(findAllocationViolations(problem, greedy.allocations)).toEqual([]);
        expect(result.greedyObjective).toBeCloseTo(greedy.objective, 9);
        expect(result.objective).toBeGreaterThanOrEqual(greedy.objective - 1e-9);
        if (result.upperBound !== null) {
          expect(result.objective).toBeLessThanOrEqual(result.upperBound + 1e-6);
        }
        expect(result.objective).toBeLessThanOrEqual(wholeDollarOptimum + 1e-6);
        const { minRegionShare, maxCountryShare } = problem.options ?? {};
        if (result.status === 'OPTIMAL' && minRegionShare === undefined && maxCountryShare === undefined) {
          // Without shares the programme's vertices are whole dollars: nothing is lost to rounding.
          expect(result.objective).toBeGreaterThanOrEqual(wholeDollarOptimum * (1 - 1e-4) - 1e-6);
        }
        if (result.status === 'INFEASIBLE') {
          expect(greedy.objective).toBe(0);
          expect(wholeDollarOptimum).toBe(0);
        }
      }),
      { numRuns: 150, seed: 20240611 },
    );
  }, 60_000);
});

/**
 * The whole-dollar optimum from a model written independently of the solver: LP text with
 * integer amounts and an explicit on/off binary per grant for minimum grants, and the shares
 * written against the sum of all amounts rather than through totals.
 */
function referenceOptimum(highs: Highs, problem: AllocationProblem): number {
  const options = problem.options ?? {};
  const needs = new Map(problem.needs.map((n) => [n.id, n]));
  const offers = new Map(problem.offers.map((o) => [o.id, o]));
  const funded = problem.candidates
    .map((candidate, c) => {
      const { remainingUsd, minGrantUsd, maxGrantUsd } = offers.get(candidate.offerId)!;
      const upper = Math.min(
        remainingUsd,
        maxGrantUsd ?? Infinity,
        needs.get(candidate.needId)!.unfundedUsd,
        options.maxCountryUsd ?? Infinity,
      );
      return { candidate, name: `x${c}`, on: `y${c}`, lower: minGrantUsd ?? 0, upper };
    })
    .filter((grant) => grant.upper >= Math.max(1, grant.lower));
  if (funded.length === 0) return 0;

  const sum = (grants: typeof funded, weight: (grant: (typeof funded)[number]) => number = () => 1): string =>
    grants.map((grant) => `${weight(grant) >= 0 ? '+' : '-'} ${Math.abs(weight(grant))} ${grant.name}`).join(' ');
  const rows: string[] = [];
  const groups = (key: (grant: (typeof funded)[number]) => string): Map<string, typeof funded> => {
    const grouped = new Map<string, typeof funded>();
    for (const grant of funded) grouped.set(key(grant), [...(grouped.get(key(grant)) ?? []), grant]);
    return grouped;
  };
  for (const [offerId, grants] of groups((g) => g.candidate.offerId)) rows.push(`${sum(grants)} <= ${offers.get(offerId)!.remainingUsd}`);
  for (const [needId, grants] of groups((g) => g.candidate.needId)) rows.push(`${sum(grants)} <= ${needs.get(needId)!.unfundedUsd}`);
  const regionOf = (grant: (typeof funded)[number]): string => needs.get(grant.candidate.needId)!.regionCode;
  const countryOf = (grant: (typeof funded)[number]): string => needs.get(grant.candidate.needId)!.countryIso3;
  if (options.minRegionShare !== undefined) {
    const share = options.minRegionShare;
    const regions = new Set(problem.candidates.map((candidate) => needs.get(candidate.needId)!.regionCode));
    for (const region of regions) rows.push(`${sum(funded, (g) => (regionOf(g) === region ? 1 - share : -share))} >= 0`);
  }
  for (const [country, grants] of groups(countryOf)) {
    if (options.maxCountryUsd !== undefined) rows.push(`${sum(grants)} <= ${options.maxCountryUsd}`);
    const share = options.maxCountryShare;
    if (share !== undefined) rows.push(`${sum(funded, (g) => (countryOf(g) === country ? 1 - share : -share))} <= 0`);
  }
  for (const grant of funded.filter((g) => g.lower > 0)) {
    rows.push(`${grant.name} - ${grant.lower} ${grant.on} >= 0`, `${grant.name} - ${grant.upper} ${grant.on} <= 0`);
  }

  const withMinimum = funded.filter((g) => g.lower > 0);
  const text = [
    'Maximize',
    ` obj: ${sum(funded, (g) => g.candidate.score)}`,
    'Subject To',
    ...rows.map((row, i) => ` r${i}: ${row}`),
    'Bounds',
    ...funded.map((g) => ` 0 <= ${g.name} <= ${g.upper}`),
    'General',
    ` ${funded.map((g) => g.name).join(' ')}`,
    ...(withMinimum.length > 0 ? ['Binary', ` ${withMinimum.map((g) => g.on).join(' ')}`] : []),
    'End',
  ].join('\n');
  const solution = highs.solve(text, { mip_rel_gap: 0 });
  if (solution.Status !== 'Optimal') throw new Error(`Reference model ended ${solution.Status}`);
  return solution.ObjectiveValue;
}

/** Up to 6 needs in up to 3 countries of 2 regions, up to 4 offers, any subset of the pairs. */
function smallProblem(): fc.Arbitrary<AllocationProblem> {
  const countries = [
    ['KEN', '002'],
    ['UGA', '002'],
    ['NPL', '142'],
  ];
  const needArbitrary = fc.record({
    unfundedUsd: fc.integer({ min: 0, max: 300 }),
    country: fc.integer({ min: 0, max: 2 }),
  });
  const offerArbitrary = fc.record({
    remainingUsd: fc.integer({ min: 0, max: 400 }),
    minGrantUsd: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null, freq: 2 }),
    maxGrantExtra: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
  });
  // Each option is set in about half of the problems, so their interplay and absence are both
  // covered; shares are whole percentages, as the Secretariat sets them.
  const percent = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max }).map((p) => p / 100);
  const optionsArbitrary: fc.Arbitrary<AllocationOptions> = fc.record({
    minRegionShare: fc.option(percent(0, 45), { nil: undefined, freq: 2 }),
    maxCountryShare: fc.option(percent(35, 100), { nil: undefined, freq: 2 }),
    maxCountryUsd: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined, freq: 2 }),
  });
  return fc
    .record({
      needs: fc.array(needArbitrary, { minLength: 1, maxLength: 6 }),
      offers: fc.array(offerArbitrary, { minLength: 1, maxLength: 4 }),
      options: optionsArbitrary,
      pairScores: fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 2 }), {
        minLength: 24,
        maxLength: 24,
      }),
    })
    .map(({ needs, offers, options, pairScores }) => {
      const candidates: AllocationCandidate[] = [];
      needs.forEach((_, n) =>
        offers.forEach((__, o) => {
          const score = pairScores[n * 4 + o];
          if (score !== null) candidates.push(match(`N${n}`, `O${o}`, score / 100));
        }),
      );
      return {
        needs: needs.map((spec, n) => need(`N${n}`, spec.unfundedUsd, countries[spec.country][0], countries[spec.country][1])),
        offers: offers.map((spec, o) =>
          offer(
            `O${o}`,
            spec.remainingUsd,
            spec.minGrantUsd,
            spec.maxGrantExtra === null ? null : (spec.minGrantUsd ?? 0) + spec.maxGrantExtra,
          ),
        ),
        candidates,
        options,
      };
    });
}
