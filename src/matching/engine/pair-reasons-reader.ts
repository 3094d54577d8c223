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
   * still explained, without the share of the gap (see `reasonsForPair`). The share is also left out
   * while the need or the offer is not live (withdrawn, closed, stale…), as it takes no new funding then.
   */
  async reasonsOf(pairs: readonly Pair[]): Promise<(PairReasons | null)[]> {
    const [needs, offers, { weights }] = await Promise.all([
      this.inputs.needsByIds([...new Set(pairs.map((pair) => pair.needId))]),
      this.inputs.offersByIds([...new Set(pairs.map((pair) => pair.offerId))]),
      this.engine.latestRun(),
    ]);
    const preparedNeeds = new Map(needs.map((need) => [need.id, { live: need.live, prepared: prepareNeed(need, MATCHING_TAXONOMY) }]));
    const preparedOffers = new Map(
      offers.map((offer) => [offer.id, { live: offer.live, prepared: prepareOffer(offer, MATCHING_TAXONOMY) }]),
    );
    return pairs.map(({ needId, offerId }) => {
      const need = preparedNeeds.get(needId);
      const offer = preparedOffers.get(offerId);
      if (!need || !offer) return null;
      const reasons = reasonsForPair(need.prepared, offer.prepared, weights);
      return reasons && !(need.live && offer.live) ? { ...reasons, capacityShare: null } : reasons;
    });
  }
}
