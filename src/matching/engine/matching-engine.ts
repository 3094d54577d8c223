import { Injectable } from '@nestjs/common';
import { dialectOf } from '../../database/driver-adapter';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { MatchEventBus } from '../events/match-event-bus';
import { ReferenceService } from '../../reference/reference.service';
import { MatchingRun, MatchingRunStatus } from '../entities/matching-run.entity';
import { FullRunScoringInput, proposalsOf } from './full-run/full-run-scoring';
import { FullRunScoring } from './full-run/scoring-thread-client';
import { planNeedRescore } from './match-write-plan';
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
import { NeedIdRange, ScoringInputRepository } from './scoring-input.repository';

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
/** Needs rescored per transaction by the incremental jobs. */
const NEEDS_PER_RESCORE_TRANSACTION = 250;

/**
 * Called between the transactions of a rescoring; it may throw to stop the rescoring there. It
 * resolves to the needs it had rescored meanwhile, which the rescoring then leaves as they are: its
 * own reading of them may be older.
 */
export type BeforeEachWrite = () => Promise<readonly string[]>;
const noPause: BeforeEachWrite = () => Promise.resolve([]);

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
   * The live needs of `range` (every live need when both ends are open) against every live offer,
   * written batch by batch; each batch's transaction adds its counts to the run's progress. Parts of
   * one run may score side by side, each in a worker of its own: a need's best offers depend on that
   * need alone, and each need belongs to one part.
   */
  async scoreRunPart(weights: ScoringWeights, runId: string, range: NeedIdRange): Promise<FullRunProgress> {
    const live = await this.inputs.liveCounts();
    const scoring = FullRunScoring.start({ inThread: live.needs * live.offers >= this.config.MATCH_SCORING_THREAD_FROM_PAIRS });
    try {
      const { batches, needIds, offerIds, owners } = await this.startScoring(scoring, weights, range);
      const progress: FullRunProgress = { pairsScored: 0, matchesUpserted: 0 };
      for await (const batch of batches) {
        const outcome = await this.writer.writeRunBatch(
          {
            runId,
            needIds: needIds.slice(batch.firstNeed, batch.firstNeed + batch.needCount),
            proposals: proposalsOf(batch, needIds, offerIds),
            pairsScored: batch.stats.pairsPassingFilters - progress.pairsScored,
          },
          owners,
        );
        await this.events.publish(outcome.events);
        progress.matchesUpserted += outcome.proposed;
        progress.pairsScored = batch.stats.pairsPassingFilters;
      }
      return progress;
    } finally {
      await scoring.close();
    }
  }

  /**
   * Divides the live needs into at most `parts` ranges of about as many needs each, in id order,
   * the first open at its start and the last at its end, so needs filed meanwhile fall in one.
   */
  async needRanges(parts: number): Promise<NeedIdRange[]> {
    const ids = await this.inputs.liveNeedIds();
    const count = Math.max(1, Math.min(parts, ids.length));
    return Array.from({ length: count }, (_, part) => ({
      after: part === 0 ? null : ids[Math.ceil((ids.length * part) / count) - 1],
      upTo: part === count - 1 ? null : ids[Math.ceil((ids.length * (part + 1)) / count) - 1],
    }));
  }

  /** The end of a full run: proposals of needs or offers no longer live are superseded. */
  async supersedeDeadPairs(): Promise<void> {
    await this.events.publish(await this.dataSource.transaction((manager) => this.writer.supersedeDeadPairs(manager)));
  }

  /**
   * Needs against every live offer; a need that is no longer live loses its proposals. Written in
   * transactions of a few hundred needs, so a large batch does not hold the SQLite writer long.
   * `beforeEachWrite` runs before each transaction and may throw to stop there: what was written
   * stays, and running the same needs again finishes the work.
   */
  async rescoreNeeds(needIds: readonly string[], beforeEachWrite: BeforeEachWrite = noPause): Promise<void> {
    if (needIds.length === 0) return;
    // Read side by side: PostgreSQL answers on several connections.
    const [needs, { weights }] = await Promise.all([this.inputs.liveNeeds({ ids: needIds }), this.latestRun()]);
    await this.writeNeedResults(needIds, needs, weights, beforeEachWrite);
  }

  /**
   * Offers changed: every need whose top K they may enter or leave is rescored against every live
   * offer, exactly as a full run would score it. Those are the needs the changed offers now pass
   * with, and the needs that hold a row of them. The live needs are read once for the whole batch.
   * `beforeEachWrite` as for rescoreNeeds.
   */
  async rescoreOffers(offerIds: readonly string[], beforeEachWrite: BeforeEachWrite = noPause): Promise<void> {
    if (offerIds.length === 0) return;
    const [offers, needs, { weights }] = await Promise.all([
      this.inputs.liveOffers({ ids: offerIds }),
      this.inputs.liveNeeds(),
      this.latestRun(),
    ]);
    const concerned = new Set<string>();
    if (offers.length) {
      const needIndex = new NeedIndex(needs.map((need) => prepareNeed(need, MATCHING_TAXONOMY)));
      const { minScore, placeNames } = this.scoreOptions();
      for (const offer of offers) {
        const { matches } = scoreOfferAgainstNeeds(prepareOffer(offer, MATCHING_TAXONOMY), needIndex, weights, { minScore, placeNames });
        for (const match of matches) concerned.add(match.needId);
      }
    }
    const holding = await this.writer.storedMatches(this.dataSource.manager, 'offer_id', offerIds);
    for (const row of holding.rows) concerned.add(row.needId);
    const needIds = [...concerned].sort();
    const wanted = new Set(needIds);
    await this.writeNeedResults(
      needIds,
      needs.filter((need) => wanted.has(need.id)),
      weights,
      beforeEachWrite,
    );
  }

  /**
   * Scores `liveNeeds` (those of `needIds` still live) against the prepared offers and writes the
   * results of every need in `needIds`, a few hundred needs per transaction. The offers are only
   * checked for changes unless they changed, so this costs little when they did not.
   */
  private async writeNeedResults(
    needIds: readonly string[],
    liveNeeds: readonly NeedForScoring[],
    weights: ScoringWeights,
    beforeEachWrite: BeforeEachWrite,
  ): Promise<void> {
    const offerIndex = await this.preparedOffers.offerIndex();
    const liveById = new Map(liveNeeds.map((need) => [need.id, need]));
    const options = this.scoreOptions();
    const rescoredMeanwhile = new Set<string>();
    for (let first = 0; first < needIds.length; first += NEEDS_PER_RESCORE_TRANSACTION) {
      for (const needId of await beforeEachWrite()) rescoredMeanwhile.add(needId);
      const chunk = needIds.slice(first, first + NEEDS_PER_RESCORE_TRANSACTION).filter((needId) => !rescoredMeanwhile.has(needId));
      if (chunk.length === 0) continue;
      const results: PairScore[] = [];
      for (const needId of chunk) {
        const need = liveById.get(needId);
        if (need) results.push(...scoreNeedAgainstOffers(prepareNeed(need, MATCHING_TAXONOMY), offerIndex, weights, options).matches);
      }
      const { events } = await this.dataSource.transaction(async (manager) => {
        const stored = await this.writer.storedMatches(manager, 'need_id', chunk);
        return this.writer.apply(manager, planNeedRescore(stored, results.map(toProposal)), null, stored);
      });
      await this.events.publish(events);
    }
  }

  /**
   * Incremental jobs score with the weights of the latest successful full run, so a pair rescored
   * after a change ranks on the same scale as the rest; the defaults until the first run. The run's
   * start also tells which changes it covered: it read needs and offers after it started.
   */
  async latestRun(): Promise<{ weights: ScoringWeights; startedAt: Date | null }> {
    const latest = await this.dataSource.getRepository(MatchingRun).findOne({
      select: { id: true, weights: true, startedAt: true },
      where: { status: MatchingRunStatus.SUCCEEDED },
      order: { finishedAt: 'DESC' },
    });
    return latest
      ? { weights: resolveWeights(latest.weights), startedAt: latest.startedAt }
      : { weights: { ...DEFAULT_WEIGHTS }, startedAt: null };
  }

  /**
   * Loads the run's live needs and offers and hands them to `scoring`; keeps only their ids and
   * owners, so that with a scoring thread the inputs themselves live in the thread alone.
   */
  private async startScoring(scoring: FullRunScoring, weights: ScoringWeights, range: NeedIdRange) {
    const [needs, offers, donorOfOffer, exposureOfNeed] = await Promise.all([
      this.inputs.liveNeeds({ range }),
      this.inputs.liveOffers(),
      this.writer.liveOfferDonors(this.dataSource.manager),
      this.writer.liveNeedExposures(this.dataSource.manager),
    ]);
    const owners: KnownPairOwners = {
      countryOfNeed: new Map(needs.map((need) => [need.id, need.countryIso3])),
      exposureOfNeed,
      donorOfOffer,
    };
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
