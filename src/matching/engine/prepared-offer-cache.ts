import { Injectable } from '@nestjs/common';
import { OfferIndex, prepareOffer } from './scoring';
import { MATCHING_TAXONOMY } from './matching-taxonomy';
import { ScoringInputRepository } from './scoring-input.repository';

/**
 * How far before a load offer changes are still counted: longer than any transaction that changes an
 * offer, since PostgreSQL stamps a row with the time its transaction began, which can lie before the
 * load although the commit comes after it.
 */
const CHANGE_WINDOW_SECONDS = 10 * 60;
/** A loaded index is thrown away after this, so the counted window stays short and well inside the outbox's retention. */
const MAX_AGE_MS = 5 * 60_000;

interface LoadedOffers {
  index: OfferIndex;
  /** The change stamp read just before the offers were read. */
  stamp: string;
  /** Where the change count of `stamp` starts, on the database's clock. */
  changesSince: string;
  loadedAt: number;
  /** Orders loads that overlap: the one begun last is kept. */
  sequence: number;
}

/**
 * The live offers, prepared and indexed for scoring, kept between incremental jobs: preparing
 * every offer again for each need cost more than the rest of the rescoring. Before each use, a
 * cheap stamp is read from the database (not from local events: other processes change offers and
 * every worker process has its own cache), and the offers are read again when it differs. The stamp
 * is read before the offers, so a change committed in between only causes one reload too many.
 * Callers that find the cache stale each load for themselves rather than wait for a load begun
 * earlier, which may have read the offers before the change they saw; the queue hands a worker one
 * job at a time, so this costs nothing there.
 */
@Injectable()
export class PreparedOfferCache {
  private loaded?: LoadedOffers;
  private loadsBegun = 0;

  constructor(private readonly inputs: ScoringInputRepository) {}

  /** The index of the live offers as committed when this is called, or later. */
  async offerIndex(): Promise<OfferIndex> {
    const loaded = this.loaded;
    if (loaded && Date.now() - loaded.loadedAt < MAX_AGE_MS && (await this.inputs.offerChangeStamp(loaded.changesSince)) === loaded.stamp) {
      return loaded.index;
    }
    return (await this.load()).index;
  }

  private async load(): Promise<LoadedOffers> {
    const sequence = ++this.loadsBegun;
    const loadedAt = Date.now();
    const changesSince = await this.inputs.databaseTimeBefore(CHANGE_WINDOW_SECONDS);
    const stamp = await this.inputs.offerChangeStamp(changesSince);
    const offers = await this.inputs.liveOffers();
    const index = new OfferIndex(offers.map((offer) => prepareOffer(offer, MATCHING_TAXONOMY)));
    const loaded = { index, stamp, changesSince, loadedAt, sequence };
    if (!this.loaded || this.loaded.sequence < sequence) this.loaded = loaded;
    return loaded;
  }
}
