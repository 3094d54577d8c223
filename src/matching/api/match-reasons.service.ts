import { Injectable } from '@nestjs/common';
import { ReferenceService } from '../../reference/reference.service';
import { PairReasonsReader } from '../engine/pair-reasons-reader';
import { PairReasons } from '../engine/scoring';
import { MatchReasons } from './dto/match-reasons.type';

/** Serves `Match.reasons` for a page of matches at once. */
@Injectable()
export class MatchReasonsService {
  constructor(
    private readonly reader: PairReasonsReader,
    private readonly reference: ReferenceService,
  ) {}

  /** Keys as `pairKey` makes them. */
  readonly reasonsByPairKeys = async (keys: readonly string[]): Promise<Map<string, MatchReasons | null>> => {
    const pairs = keys.map((key) => {
      const [needId, offerId] = key.split('|');
      return { needId, offerId };
    });
    const reasons = await this.reader.reasonsOf(pairs);
    return new Map(keys.map((key, index) => [key, reasons[index] && this.toMatchReasons(reasons[index])]));
  };

  private toMatchReasons({ themes, eligibility, capacityShare, unfundedUsd, facts }: PairReasons): MatchReasons {
    const regional = eligibility.basis !== 'COUNTRY' && eligibility.basis !== 'GLOBAL';
    return {
      themeCount: themes.themeCount,
      themesNamed: themes.named,
      themesThroughGroups: themes.throughGroups,
      eligibleAs: eligibility.basis,
      eligibleArea: regional ? this.reference.findRegion(eligibility.code) : null,
      capacityShare,
      unfundedUsd,
      facts,
    };
  }
}
