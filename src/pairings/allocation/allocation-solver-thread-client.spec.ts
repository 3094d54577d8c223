import { crossingProblem, match } from './allocation-fixtures';
import { solveAllocationInThread } from './allocation-solver-thread-client';
import { AllocationProblem } from './allocation.types';

/** The crossing problem: greedy is worth 112, the optimum 130 (see allocation-fixtures.ts). */
describe('solveAllocationInThread', () => {
  it('solves in a thread of its own and hands back the whole result', async () => {
    const result = await solveAllocationInThread(crossingProblem);
    expect(result).toMatchObject({ status: 'OPTIMAL', source: 'SOLVER', greedyObjective: expect.closeTo(112, 6) });
    expect(result.objective).toBeCloseTo(130, 6);
    expect(Object.fromEntries(result.allocations.map((allocation) => [allocation.matchId, allocation.allocatedUsd]))).toEqual({
      'N1-O1': 40,
      'N2-O1': 80,
      'N1-O2': 60,
    });
  });

  it('rejects with the reason a solve fails', async () => {
    const invalid: AllocationProblem = { ...crossingProblem, candidates: [match('N9', 'O1', 0.5)] };
    await expect(solveAllocationInThread(invalid)).rejects.toThrow(/allocation problem|needId/i);
  });
});
