import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../access/actor';
import { allowsEverything } from '../../access/policy';
import { NotFoundError } from '../../common/errors/domain-errors';
import { Connection, PageArgs, pageWindow, toConnection, totalShownByPage } from '../../common/pagination/connection';
import { Need } from '../../needs/entities/need.entity';
import { NEED_ALIAS, NeedsService } from '../../needs/needs.service';
import { requireDonor } from '../../accounts/known-donor';
import { Offer } from '../../offers/entities/offer.entity';
import { ReferenceService } from '../../reference/reference.service';
import { MatchFilter } from './dto/match-filter.input';
import { Match } from '../entities/match.entity';
import { MatchStatus } from '../../domain/statuses';
import { restrictToScope } from '../../database/policy-scope';
import { matchVisibilityScope } from '../match-policy';
import { needVisibilityScope } from '../../needs/need-policy';
import { entitiesOf, rowsByIds } from '../../database/rows-by-id';

/** Reading matches, with the visibility rules of the match policy. */
@Injectable()
export class MatchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly needs: NeedsService,
    private readonly reference: ReferenceService,
  ) {}

  /**
   * Highest score first. A DONOR sees matches of its own offers (on needs it may see), a STATE those
   * of its own needs. Needs and offers are joined only where visibility or a filter reads them, and
   * the page is cut with LIMIT/OFFSET: both joins are many-to-one, so no row repeats, and TypeORM's
   * skip/take would otherwise page through a DISTINCT over every matching row (seconds for the
   * Secretariat's list of 190,000 proposals).
   */
  async list(actor: Actor, filter: MatchFilter = {}, page: PageArgs = {}): Promise<Connection<Match>> {
    const query = await this.filtered(actor, filter);
    const { skip, take } = pageWindow(page);
    const rows = await entitiesOf(
      query
        .clone()
        .orderBy('match.score', 'DESC')
        .addOrderBy('match.id', 'ASC')
        .offset(skip)
        .limit(take + 1),
    );
    const total =
      totalShownByPage(rows.length, skip, take) ??
      Number((await query.clone().select('COUNT(*)', 'total').getRawOne<{ total: number | string }>())?.total ?? 0);
    return toConnection(rows.slice(0, take), total, skip);
  }

  /**
   * Every match of `list` with the same filter and order, a batch at a time, for exports. Batches
   * continue after the last (score, id) read rather than at an offset, so the Secretariat's hundreds
   * of thousands of proposals cost one index walk, not a walk per batch.
   */
  async *listAll(actor: Actor, filter: MatchFilter = {}, batchSize = 1000): AsyncGenerator<Match[]> {
    const query = (await this.filtered(actor, filter)).orderBy('match.score', 'DESC').addOrderBy('match.id', 'ASC').limit(batchSize);
    let last: Match | undefined;
    for (;;) {
      const page = query.clone();
      if (last) {
        page.andWhere(
          new Brackets((after) =>
            after
              .where('match.score < :lastScore')
              .orWhere(new Brackets((tie) => tie.where('match.score = :lastScore').andWhere('match.id > :lastId'))),
          ),
          { lastScore: last.score, lastId: last.id },
        );
      }
      const batch = await entitiesOf(page);
      if (batch.length) yield batch;
      if (batch.length < batchSize) return;
      last = batch.at(-1);
    }
  }

  /** The matches the caller may see, narrowed by the filter (checked here: unknown regions and themes are refused). */
  private async filtered(actor: Actor, filter: MatchFilter): Promise<SelectQueryBuilder<Match>> {
    const query = this.visibleMatches(actor);
    if (filter.needId) query.andWhere('match.needId = :needId', { needId: filter.needId });
    if (filter.offerId) query.andWhere('match.offerId = :offerId', { offerId: filter.offerId });
    // The offers' (donor_id, status) index finds the donor's few offers, then the matches' (offer_id, status) index their matches.
    if (filter.donorId) {
      await requireDonor(this.dataSource, filter.donorId, 'filter.donorId');
      query.andWhere('match.offerId IN (SELECT id FROM offers WHERE donor_id = :filterDonor)', { filterDonor: filter.donorId });
    }
    if (filter.status?.length) query.andWhere('match.status IN (:...statuses)', { statuses: filter.status });
    if (filter.minScore !== undefined && filter.minScore !== null)
      query.andWhere('match.score >= :minScore', { minScore: filter.minScore });
    if (filter.countryIso3) {
      const country = this.reference.requireCountry(filter.countryIso3, 'filter.countryIso3');
      query.andWhere('match.needId IN (SELECT id FROM needs WHERE country_iso3 = :country)', { country });
    }
    if (filter.region) {
      this.reference.requireRegion(filter.region, 'filter.region');
      query.andWhere('match.needId IN (SELECT id FROM needs WHERE country_iso3 IN (:...regionCountries))', {
        regionCountries: this.reference.countryCodesIn(filter.region),
      });
    }
    if (filter.themeCodes?.length) {
      this.reference.requireThemes(filter.themeCodes, 'filter.themeCodes', { allowGroups: true });
      query.andWhere(
        'EXISTS (SELECT 1 FROM need_themes match_theme WHERE match_theme.need_id = match.need_id AND match_theme.theme_code IN (:...matchThemes))',
        { matchThemes: this.reference.expandThemeCodes(filter.themeCodes) },
      );
    }
    return query;
  }

  /** One match the caller may see (the same rule as `list`); NOT_FOUND for any other. */
  async findVisible(actor: Actor, id: string): Promise<Match> {
    const match = await this.visibleMatches(actor).andWhere('match.id = :id', { id }).getOne();
    if (!match) throw new NotFoundError('Match', id);
    return match;
  }

  /** Which of these matches the caller may see (the same rule as `list`). */
  async visibleIds(actor: Actor, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.visibleMatches(actor)
      .select('match.id', 'id')
      .andWhere('match.id IN (:...visibleIdsOf)', { visibleIdsOf: [...ids] })
      .getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Batch loader behind `need.matches`: keys are `needId|donorId` (donorId empty for every offer).
   * One query per distinct donor in the batch; a need holds at most its top K proposals plus the
   * pairs people acted on, so whole lists are loaded and paged in memory. Superseded pairs are left out.
   */
  readonly matchesByNeedKeys = async (keys: readonly string[]): Promise<Map<string, Match[]>> => {
    const needIdsByDonor = new Map<string, string[]>();
    for (const key of keys) {
      const [needId, donorId] = key.split('|');
      needIdsByDonor.set(donorId, [...(needIdsByDonor.get(donorId) ?? []), needId]);
    }
    const found = new Map<string, Match[]>(keys.map((key) => [key, []]));
    for (const [donorId, needIds] of needIdsByDonor) {
      const query = this.dataSource
        .getRepository(Match)
        .createQueryBuilder('match')
        .where('match.needId IN (:...needIds)', { needIds })
        .andWhere('match.status != :superseded', { superseded: MatchStatus.SUPERSEDED })
        .orderBy('match.score', 'DESC')
        .addOrderBy('match.id', 'ASC');
      if (donorId) query.innerJoin(Offer, 'matchOffer', 'matchOffer.id = match.offerId AND matchOffer.donorId = :donorId', { donorId });
      for (const match of await query.getMany()) found.get(needMatchesKey(match.needId, donorId || null))!.push(match);
    }
    return found;
  };

  readonly matchesByIds = (ids: readonly string[]): Promise<Map<string, Match>> => rowsByIds(this.dataSource, Match, ids);

  /**
   * The match policy as a query: the caller's side of the pair (the offer joined only when that side
   * is the offer's), then the need policy on the need. Neither is joined for a caller who may see
   * every match and every need.
   */
  private visibleMatches(actor: Actor): SelectQueryBuilder<Match> {
    const query = this.dataSource.getRepository(Match).createQueryBuilder('match');
    const { side, alternatives } = matchVisibilityScope(actor);
    if (!alternatives.length) return query.andWhere('1 = 0');
    if (allowsEverything(alternatives) && allowsEverything(needVisibilityScope(actor))) return query;
    query.innerJoin(Need, NEED_ALIAS, `${NEED_ALIAS}.id = match.needId`);
    if (side === 'offerDonorId') query.innerJoin(Offer, 'matchOffer', 'matchOffer.id = match.offerId');
    restrictToScope(query, 'match', alternatives, side === 'offerDonorId' ? 'matchOffer.donorId' : `${NEED_ALIAS}.countryIso3`);
    return this.needs.restrictToVisibleNeeds(query, actor);
  }
}

export const needMatchesKey = (needId: string, donorId: string | null): string => `${needId}|${donorId ?? ''}`;
