import { PairScore, ScoreBreakdown } from './scoring';

/** A scored pair in the form the match writer stores it. */
export interface Proposal {
  needId: string;
  offerId: string;
  score: number;
  explanation: string;
  /** `matches.breakdown` as stored: JSON with a number for every factor. */
  breakdownJson: string;
}

export function toProposal(pair: PairScore): Proposal {
  return {
    needId: pair.needId,
    offerId: pair.offerId,
    score: pair.score,
    explanation: pair.explanation,
    breakdownJson: storedBreakdownJson(pair.breakdown),
  };
}

/**
 * The stored breakdown has a number for every factor: a gender factor that does not count for the
 * pair (the offer shows no interest in gender) is stored as 0, and the explanation says nothing of
 * it. Written out by hand, as JSON.stringify would write it (every factor is a finite number), at
 * a fraction of its cost: a full run stores some 200,000 of them.
 */
export function storedBreakdownJson(b: ScoreBreakdown): string {
  return (
    `{"theme":${b.theme},"region":${b.region},"capacity":${b.capacity},"ownership":${b.ownership},` +
    `"gender":${b.gender ?? 0},"baseline":${b.baseline},"multiYear":${b.multiYear},"conflict":${b.conflict}}`
  );
}
