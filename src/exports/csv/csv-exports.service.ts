import { Injectable } from '@nestjs/common';
import { AccountsService } from '../../accounts/accounts.service';
import { Donor } from '../../accounts/entities/donor.entity';
import { Actor } from '../../access/actor';
import { Match } from '../../matching/entities/match.entity';
import { MatchFilter } from '../../matching/api/dto/match-filter.input';
import { MatchesService } from '../../matching/api/matches.service';
import { NeedFilter } from '../../needs/dto/need-filter.input';
import { NeedSort } from '../../needs/dto/need-sort.args';
import { Need } from '../../needs/entities/need.entity';
import { fundingGapUsd } from '../../needs/need-lifecycle';
import { NeedsService } from '../../needs/needs.service';
import { Offer } from '../../offers/entities/offer.entity';
import { OffersService } from '../../offers/offers.service';
import { CoverageArgs } from '../../pairings/coverage/coverage.types';
import { CoverageService } from '../../pairings/coverage/coverage.service';
import { ReferenceService } from '../../reference/reference.service';
import { CsvColumn } from './csv-download';

/** A match with the records its row names. */
export interface MatchRow {
  match: Match;
  need: Need | undefined;
  offer: Offer | undefined;
  donor: Donor | undefined;
}

/** One line of the coverage table: a region or a theme and its figures. */
export interface CoverageRow {
  dimension: 'region' | 'theme';
  code: string;
  name: string;
  openNeeds: number;
  requestedUsd: number;
  approvedUsd: number;
  disbursedUsd: number;
}

const list = (values: readonly string[]) => values.join('; ');

/**
 * The rows of the CSV downloads, read through the same services as the GraphQL lists, so a download
 * holds exactly what the caller may see there, filtered the same way.
 */
@Injectable()
export class CsvExportsService {
  constructor(
    private readonly needs: NeedsService,
    private readonly matches: MatchesService,
    private readonly offers: OffersService,
    private readonly accounts: AccountsService,
    private readonly coverageService: CoverageService,
    private readonly reference: ReferenceService,
  ) {}

  readonly needColumns: CsvColumn<Need>[] = [
    { header: 'id', value: (need) => need.id },
    { header: 'title', value: (need) => need.title },
    { header: 'country_iso3', value: (need) => need.countryIso3 },
    { header: 'country', value: (need) => this.reference.findCountry(need.countryIso3)?.name },
    { header: 'status', value: (need) => need.status },
    { header: 'visibility', value: (need) => need.visibility },
    { header: 'priority', value: (need) => need.priority },
    { header: 'themes', value: (need) => list(this.reference.themesInOrder(need.themeCodes).map((theme) => theme.code)) },
    { header: 'assistance_types', value: (need) => list(need.assistanceTypes) },
    { header: 'estimated_budget_usd', value: (need) => need.estimatedBudgetUsd },
    { header: 'funded_usd', value: (need) => need.fundedUsd },
    { header: 'funded_elsewhere_usd', value: (need) => need.fundedElsewhereUsd },
    { header: 'funding_gap_usd', value: (need) => fundingGapUsd(need) },
    { header: 'start_date', value: (need) => need.startDate },
    { header: 'end_date', value: (need) => need.endDate },
    { header: 'gender_component', value: (need) => need.genderComponent },
    { header: 'description', value: (need) => need.description },
    { header: 'source_excerpt', value: (need) => need.sourceExcerpt },
    { header: 'created_at', value: (need) => need.createdAt.toISOString() },
    { header: 'updated_at', value: (need) => need.updatedAt.toISOString() },
  ];

  readonly matchColumns: CsvColumn<MatchRow>[] = [
    { header: 'id', value: ({ match }) => match.id },
    { header: 'status', value: ({ match }) => match.status },
    { header: 'score', value: ({ match }) => match.score.toFixed(4) },
    { header: 'allocated_usd', value: ({ match }) => match.allocatedUsd },
    { header: 'need_id', value: ({ match }) => match.needId },
    { header: 'need_title', value: ({ need }) => need?.title },
    { header: 'country_iso3', value: ({ need }) => need?.countryIso3 },
    { header: 'country', value: ({ need }) => (need ? this.reference.findCountry(need.countryIso3)?.name : null) },
    { header: 'need_budget_usd', value: ({ need }) => need?.estimatedBudgetUsd },
    { header: 'offer_id', value: ({ match }) => match.offerId },
    { header: 'offer_title', value: ({ offer }) => offer?.title },
    { header: 'donor', value: ({ donor }) => donor?.name },
    { header: 'explanation', value: ({ match }) => match.explanation },
    { header: 'created_at', value: ({ match }) => match.createdAt.toISOString() },
    { header: 'updated_at', value: ({ match }) => match.updatedAt.toISOString() },
  ];

  readonly coverageColumns: CsvColumn<CoverageRow>[] = [
    { header: 'dimension', value: (row) => row.dimension },
    { header: 'code', value: (row) => row.code },
    { header: 'name', value: (row) => row.name },
    { header: 'open_needs', value: (row) => row.openNeeds },
    { header: 'requested_usd', value: (row) => row.requestedUsd },
    { header: 'approved_usd', value: (row) => row.approvedUsd },
    { header: 'disbursed_usd', value: (row) => row.disbursedUsd },
  ];

  needRows(actor: Actor | null, filter: NeedFilter, sort: NeedSort | undefined): AsyncIterable<Need[]> {
    return this.needs.listAll(actor, filter, sort);
  }

  async *matchRows(actor: Actor, filter: MatchFilter): AsyncIterable<MatchRow[]> {
    for await (const batch of this.matches.listAll(actor, filter)) {
      const [needs, offers] = await Promise.all([
        this.needs.needsByIds(unique(batch.map((match) => match.needId))),
        this.offers.offersByIds(unique(batch.map((match) => match.offerId))),
      ]);
      const donors = await this.accounts.donorsByIds(unique([...offers.values()].map((offer) => offer.donorId)));
      yield batch.map((match) => {
        const offer = offers.get(match.offerId);
        return { match, need: needs.get(match.needId), offer, donor: offer ? donors.get(offer.donorId) : undefined };
      });
    }
  }

  async *coverageRows(filter: CoverageArgs): AsyncIterable<CoverageRow[]> {
    const { byRegion, byTheme } = await this.coverageService.coverage(filter);
    yield [
      ...byRegion.map(({ region, ...figures }) => ({ dimension: 'region' as const, code: region.code, name: region.name, ...figures })),
      ...byTheme.map(({ theme, ...figures }) => ({ dimension: 'theme' as const, code: theme.code, name: theme.label, ...figures })),
    ];
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
