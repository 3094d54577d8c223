import { Injectable } from '@nestjs/common';
import { MATCHING_TAXONOMY } from './matching-taxonomy';
import { MatchingEngine } from './matching-engine';
import { PairReasons, prepareNeed, prepareOffer, reasonsForPair } from './scoring';
import { ScoringInputRepository } from './scoring-input.repository';

export interface Pair {
  needId: string;
  offerId: string;
}

/**
 * Why pairs fit, as facts a reader's language can word, read from the needs and offers as they are
 * now and the weights incremental rescoring uses, so the facts are those of the pair's current score.
 */
@Injectable()
export class PairReasonsReader {
  constructor(
    private readonly inputs: ScoringInputRepository,
    private readonly engine: MatchingEngine,
  ) {}

  /**
   * One query per kind of row for all the pairs, in any status: a pairing on a need funded since is
   * still explained, without the share of the gap (see `reasonsForPair`).
   */
  async reasonsOf(pairs: readonly Pair[]): Promise<(PairReasons | null)[]> {
    const [needs, offers, { weights }] = await Promise.all([
      this.inputs.needsByIds([...new Set(pairs.map((pair) => pair.needId))]),
      this.inputs.offersByIds([...new Set(pairs.map((pair) => pair.offerId))]),
      this.engine.latestRun(),
    ]);
    const preparedNeeds = new Map(needs.map((need) => [need.id, prepareNeed(need, MATCHING_TAXONOMY)]));
    const preparedOffers = new Map(offers.map((offer) => [offer.id, prepareOffer(offer, MATCHING_TAXONOMY)]));
    return pairs.map(({ needId, offerId }) => {
      const need = preparedNeeds.get(needId);
      const offer = preparedOffers.get(offerId);
      return need && offer ? reasonsForPair(need, offer, weights) : null;
    });
  }
}
