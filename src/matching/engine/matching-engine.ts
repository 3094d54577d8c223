import { Injectable } from '@nestjs/common';
import { dialectOf } from '../../database/driver-adapter';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { MatchEventBus } from '../events/match-event-bus';
import { ReferenceService } from '../../reference/reference.service';
import { MatchingRun, MatchingRunStatus } from '../entities/matching-run.entity';
import { FullRunScoringInput, proposalsOf } from './full-run/full-run-scoring';
import { FullRunScoring } from './full-run/scoring-thread-client';
import { planNeedRescore, planOfferRescore } from './match-write-plan';
import { MATCHING_TAXONOMY } from './matching-taxonomy';
import { PreparedOfferCache } from './prepared-offer-cache';
import { toProposal } from './proposal';
import { KnownPairOwners, MatchWriter } from './match-writer';
import {
  DEFAULT_WEIGHTS,
  NeedForScoring,
  NeedIndex,
  OfferForScoring,
  PairScore,
  prepareNeed,
  prepareOffer,
  resolveWeights,
  ScoreAllOptions,
  scoreNeedAgainstOffers,
  scoreOfferAgainstNeeds,
  ScoringWeights,
} from './scoring';
import { ScoringInputRepository } from './scoring-input.repository';

/**
 * Needs scored and written per transaction in a full run, by database. On SQLite a batch is one
 * synchronous transaction that holds the only writer and, without Redis, the API's event loop:
 * 250 needs (~5,000 rows) hold them a quarter as long as 1,000 did, at the same speed end to end,
 * and a batch's objects then die young in both threads' heaps (a 10,000 × 2,000 run peaked at
 * ~290–370 MB RSS instead of 420–550 MB). On PostgreSQL, where other writers are not held up, each
 * batch costs round trips: 250 needs measured ~0.4 s slower; 500 as fast as 1,000, with less memory.
 */
const NEEDS_PER_BATCH = { sqlite: 250, postgres: 500 } as const;
/**
 * Needs of a full run's first batch. Nothing is written before it is scored, and its scoring also
 * prepares and indexes every offer, so it is kept small to start writing sooner.
 */
const NEEDS_IN_FIRST_BATCH = 100;

export interface FullRunProgress {
  /** Pairs that passed the hard filters and got a score. */
  pairsScored: number;
  /** Proposals written or found already up to date. */
  matchesUpserted: number;
}

/**
 * Scores live needs against live offers with the pure scoring module and stores the best
 * MATCH_TOP_K per need scoring at least MATCH_MIN_SCORE. Every write is an idempotent upsert of
 * engine-owned rows, so a job that runs twice, or is cut off and run again, leaves the same rows.
 * New and superseded proposals are announced on the MatchEventBus once their transaction has
 * committed, one batch per transaction; a job run again announces only what it changes.
 */
@Injectable()
export class MatchingEngine {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inputs: ScoringInputRepository,
    private readonly writer: MatchWriter,
    private readonly config: AppConfig,
    private readonly reference: ReferenceService,
    private readonly events: MatchEventBus,
    private readonly preparedOffers: PreparedOfferCache,
  ) {}

  /**
   * Every live need against every live offer, written batch by batch; each batch's transaction
   * records the run's progress so far.
   */
  async scoreEverything(weights: ScoringWeights, runId: string): Promise<FullRunProgress> {
    const live = await this.inputs.liveCounts();
    const scoring = FullRunScoring.start({ inThread: live.needs * live.offers >= this.config.MATCH_SCORING_THREAD_FROM_PAIRS });
    try {
      const { batches, needIds, offerIds, owners } = await this.startScoring(scoring, weights);
      const progress: FullRunProgress = { pairsScored: 0, matchesUpserted: 0 };
      for await (const batch of batches) {
        const outcome = await this.writer.writeRunBatch(
          {
            runId,
            needIds: needIds.slice(batch.firstNeed, batch.firstNeed + batch.needCount),
            proposals: proposalsOf(batch, needIds, offerIds),
            pairsScored: batch.stats.pairsPassingFilters,
            matchesUpsertedBefore: progress.matchesUpserted,
          },
          owners,
        );
        await this.events.publish(outcome.events);
        progress.matchesUpserted += outcome.proposed;
        progress.pairsScored = batch.stats.pairsPassingFilters;
      }
      await this.events.publish(await this.dataSource.transaction((manager) => this.writer.supersedeDeadPairs(manager)));
      return progress;
    } finally {
      await scoring.close();
    }
  }

  /** One need against every live offer; a need that is no longer live loses its proposals. */
  async rescoreNeed(needId: string): Promise<void> {
    // Read side by side (PostgreSQL answers on several connections); the offers are only checked
    // for changes unless they changed, so this costs little for a need that is no longer live.
    const [[need], weights, offerIndex] = await Promise.all([
      this.inputs.liveNeeds({ ids: [needId] }),
      this.currentWeights(),
      this.preparedOffers.offerIndex(),
    ]);
    let results: PairScore[] = [];
    if (need) {
      results = scoreNeedAgainstOffers(prepareNeed(need, MATCHING_TAXONOMY), offerIndex, weights, this.scoreOptions()).matches;
    }
    const { events } = await this.dataSource.transaction(async (manager) => {
      const stored = await this.writer.storedMatches(manager, 'need_id', [needId]);
      return this.writer.apply(manager, planNeedRescore(stored, results.map(toProposal)), null, stored);
    });
    await this.events.publish(events);
  }

  /** One offer against every live need, keeping each need's top K right; an offer no longer live loses its proposals. */
  async rescoreOffer(offerId: string): Promise<void> {
    const [offer] = await this.inputs.liveOffers({ ids: [offerId] });
    let results: PairScore[] = [];
    if (offer) {
      const [weights, needs] = await Promise.all([this.currentWeights(), this.inputs.liveNeeds()]);
      const needIndex = new NeedIndex(needs.map((need) => prepareNeed(need, MATCHING_TAXONOMY)));
      const { minScore, placeNames } = this.scoreOptions();
      results = scoreOfferAgainstNeeds(prepareOffer(offer, MATCHING_TAXONOMY), needIndex, weights, { minScore, placeNames }).matches;
    }
    const { events } = await this.dataSource.transaction(async (manager) => {
      const ownRows = await this.writer.storedMatches(manager, 'offer_id', [offerId]);
      const needIds = [...new Set([...results.map((result) => result.needId), ...ownRows.rows.map((row) => row.needId)])];
      const stored = await this.writer.storedMatches(manager, 'need_id', needIds);
      return this.writer.apply(manager, planOfferRescore(offerId, stored, results.map(toProposal), this.config.MATCH_TOP_K), null, stored);
    });
    await this.events.publish(events);
  }

  /**
   * Incremental jobs score with the weights of the latest successful full run, so a pair rescored
   * after a change ranks on the same scale as the rest; the defaults until the first run.
   */
  async currentWeights(): Promise<ScoringWeights> {
    const latest = await this.dataSource.getRepository(MatchingRun).findOne({
      select: { id: true, weights: true },
      where: { status: MatchingRunStatus.SUCCEEDED },
      order: { finishedAt: 'DESC' },
    });
    return latest ? resolveWeights(latest.weights) : { ...DEFAULT_WEIGHTS };
  }

  /**
   * Loads the run's live needs and offers and hands them to `scoring`; keeps only their ids and
   * owners, so that with a scoring thread the inputs themselves live in the thread alone.
   */
  private async startScoring(scoring: FullRunScoring, weights: ScoringWeights) {
    const [needs, offers, donorOfOffer] = await Promise.all([
      this.inputs.liveNeeds(),
      this.inputs.liveOffers(),
      this.writer.liveOfferDonors(this.dataSource.manager),
    ]);
    const owners: KnownPairOwners = { countryOfNeed: new Map(needs.map((need) => [need.id, need.countryIso3])), donorOfOffer };
    return {
      batches: scoring.batches(this.fullRunInput(needs, offers, weights)),
      needIds: needs.map((need) => need.id),
      offerIds: offers.map((offer) => offer.id),
      owners,
    };
  }

  private fullRunInput(needs: NeedForScoring[], offers: OfferForScoring[], weights: ScoringWeights): FullRunScoringInput {
    return {
      needs,
      offers,
      weights,
      topK: this.config.MATCH_TOP_K,
      minScore: this.config.MATCH_MIN_SCORE,
      needsPerBatch: NEEDS_PER_BATCH[dialectOf(this.dataSource)],
      firstBatchNeeds: NEEDS_IN_FIRST_BATCH,
      regionNames: new Map(this.reference.listRegions().map((region) => [region.code, region.name])),
      countryNames: new Map(this.reference.listCountries().map((country) => [country.iso3, country.name])),
    };
  }

  private scoreOptions(): ScoreAllOptions {
    return {
      topK: this.config.MATCH_TOP_K,
      minScore: this.config.MATCH_MIN_SCORE,
      placeNames: {
        regionName: (code) => this.reference.findRegion(code)?.name,
        countryName: (iso3) => this.reference.findCountry(iso3)?.name,
      },
    };
  }
}
