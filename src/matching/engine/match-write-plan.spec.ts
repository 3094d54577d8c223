import { MatchStatus } from '../../domain/statuses';
import { isEngineOwned, planNeedRescore as planNeedRescoreOf, StoredMatch, StoredMatches } from './match-write-plan';
import { Proposal } from './proposal';

const scored = (needId: string, offerId: string, score: number): Proposal => ({
  needId,
  offerId,
  score,
  breakdownJson: '{}',
  explanation: '',
});
const stored = (needId: string, offerId: string, score: number, status = MatchStatus.PROPOSED, version = 1): StoredMatch => ({
  id: `${needId}:${offerId}`,
  needId,
  offerId,
  score,
  explanation: '',
  status,
  version,
});

const planNeedRescore = (rows: StoredMatch[], results: Proposal[]) => planNeedRescoreOf(new StoredMatches(rows), results);

describe('isEngineOwned', () => {
  it('owns proposals and its own supersessions, never decided rows', () => {
    expect(isEngineOwned(stored('n', 'o', 0.5))).toBe(true);
    expect(isEngineOwned(stored('n', 'o', 0.5, MatchStatus.SUPERSEDED))).toBe(true);
    expect(isEngineOwned(stored('n', 'o', 0.5, MatchStatus.SUPERSEDED, 2))).toBe(false);
    for (const status of [
      MatchStatus.DONOR_INTERESTED,
      MatchStatus.APPROVED,
      MatchStatus.REJECTED,
      MatchStatus.DECLINED,
      MatchStatus.ACTIVE,
    ]) {
      expect(isEngineOwned(stored('n', 'o', 0.5, status, 2))).toBe(false);
    }
  });
});

describe('planNeedRescore', () => {
  it('upserts new and proposed pairs, leaves decided pairs alone and supersedes proposals that dropped out', () => {
    const plan = planNeedRescore(
      [
        stored('n', 'kept', 0.4),
        stored('n', 'approved', 0.9, MatchStatus.APPROVED, 2),
        stored('n', 'dropped', 0.7),
        stored('n', 'rejected', 0.1, MatchStatus.REJECTED, 2),
      ],
      [scored('n', 'kept', 0.6), scored('n', 'approved', 0.8), scored('n', 'new', 0.5)],
    );
    expect(plan.upserts.map((pair) => pair.offerId)).toEqual(['kept', 'new']);
    expect(plan.supersede).toEqual(['n:dropped']);
    expect(plan.proposed).toBe(2);
  });

  it('brings back a pair it superseded itself once it fits again', () => {
    const plan = planNeedRescore([stored('n', 'back', 0.5, MatchStatus.SUPERSEDED)], [scored('n', 'back', 0.6)]);
    expect(plan.upserts.map((pair) => pair.offerId)).toEqual(['back']);
    expect(plan.supersede).toEqual([]);
  });

  it('is idempotent: once the results are stored, the same results write nothing', () => {
    const results = [scored('n', 'a', 0.6), scored('n', 'b', 0.5)];
    expect(planNeedRescore([], results).upserts).toEqual(results);
    expect(
      planNeedRescore(
        results.map((pair) => stored(pair.needId, pair.offerId, pair.score)),
        results,
      ),
    ).toEqual({ upserts: [], supersede: [], proposed: 2 });
  });

  it('rewrites a proposal whose explanation changed even when its score did not', () => {
    const plan = planNeedRescore(
      [stored('n', 'a', 0.6)],
      [{ ...scored('n', 'a', 0.6), explanation: 'can fund 80% of the remaining USD 300,000' }],
    );
    expect(plan.upserts.map((pair) => pair.offerId)).toEqual(['a']);
  });
});
