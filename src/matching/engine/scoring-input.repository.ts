import { Injectable } from '@nestjs/common';
import { dialectOf } from '../../database/driver-adapter';
import { DataSource, In } from 'typeorm';
import { NeedStatus } from '../../domain/statuses';
import { Need } from '../../needs/entities/need.entity';
import { FUNDING_GAP_SQL, LIVE_NEED_STATUSES } from '../../needs/need-lifecycle';
import { Offer } from '../../offers/entities/offer.entity';
import { LIVE_OFFER_STATUSES } from '../../offers/offer-lifecycle';
import { ReferenceService } from '../../reference/reference.service';
import { OFFER_CHANGED_JOB } from '../../offers/offer-changes';
import { AssistanceType, NeedForScoring, OfferForScoring } from './scoring';

/** Id filter for the loaders: every live row, or only these ids (still only the live ones). */
type IdFilter = { ids?: readonly string[] };
/** What the loaders read: live rows only, or (by id) rows in any status. */
type StatusFilter = { live: boolean };

/** A row read in any status, saying whether it is live (open to new funding) now. */
export type InAnyStatus<T> = T & { live: boolean };

/** The needs whose ids sort after `after` and up to `upTo` (either end open when null): a part of a full run. */
export interface NeedIdRange {
  after: string | null;
  upTo: string | null;
}

/**
 * Reads live needs and offers in the plain shapes the scorer takes. Each kind costs one query for
 * the rows and one per link table, whatever the number of rows: never a query per need or offer.
 */
@Injectable()
export class ScoringInputRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
  ) {}

  /**
   * Raw rows rather than entities: a full run reads every live need, and hydrating 10,000 entities
   * costs more than the query. Dates are cast to text, which both dialects write as YYYY-MM-DD.
   */
  liveNeeds(filter: IdFilter & { range?: NeedIdRange } = {}): Promise<NeedForScoring[]> {
    return this.needs({ ...filter, live: true });
  }

  /** These needs in whatever status, e.g. to explain a pairing on a need funded since. */
  needsByIds(ids: readonly string[]): Promise<InAnyStatus<NeedForScoring>[]> {
    return this.needs({ ids, live: false });
  }

  private async needs({ ids, range, live }: IdFilter & { range?: NeedIdRange } & StatusFilter): Promise<InAnyStatus<NeedForScoring>[]> {
    if (ids && ids.length === 0) return [];
    const query = this.dataSource
      .createQueryBuilder()
      .select([
        'need.id AS "id"',
        'need.status AS "status"',
        'need.country_iso3 AS "countryIso3"',
        'need.assistance_types AS "assistanceTypes"',
        `${FUNDING_GAP_SQL} AS "unfundedUsd"`,
        'CAST(need.start_date AS VARCHAR(10)) AS "startDate"',
        'CAST(need.end_date AS VARCHAR(10)) AS "endDate"',
        'need.national_report_id AS "nationalReportId"',
        'need.national_action_plan AS "nationalActionPlan"',
        'need.gender_component AS "genderComponent"',
        'need.baseline_assessment AS "baselineAssessment"',
        'need.multi_year AS "multiYear"',
        'need.conflict_affected AS "conflictAffected"',
      ])
      .from(Need, 'need')
      .orderBy('need.id');
    if (live) query.andWhere('need.status IN (:...liveNeedStatuses)', { liveNeedStatuses: LIVE_NEED_STATUSES });
    if (ids) query.andWhere('need.id IN (:...needIds)', { needIds: ids });
    if (range?.after) query.andWhere('need.id > :after', { after: range.after });
    if (range?.upTo) query.andWhere('need.id <= :upTo', { upTo: range.upTo });
    const needs = await query.getRawMany<RawLiveNeed>();
    const themes = await this.linkRows(
      'need_themes',
      'need_id',
      'theme_code',
      needs.map((need) => need.id),
    );
    return needs.map((need) => ({
      id: need.id,
      countryIso3: need.countryIso3,
      regionCodes: this.reference.regionCodesOf(need.countryIso3),
      themeCodes: themes.get(need.id) ?? [],
      assistanceTypes: (need.assistanceTypes === '' ? [] : need.assistanceTypes.split(',')) as AssistanceType[],
      unfundedUsd: Math.max(0, Number(need.unfundedUsd)),
      startDate: need.startDate,
      endDate: need.endDate,
      fromNationalReport: need.nationalReportId !== null,
      nationalActionPlan: isTrue(need.nationalActionPlan),
      genderComponent: isTrue(need.genderComponent),
      baselineAssessment: isTrue(need.baselineAssessment),
      multiYear: isTrue(need.multiYear),
      conflictAffected: isTrue(need.conflictAffected),
      live: LIVE_NEED_STATUSES.includes(need.status),
    }));
  }

  /** The ids of the live needs in order, for dividing a full run into parts. */
  async liveNeedIds(): Promise<string[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('need.id', 'id')
      .from(Need, 'need')
      .where('need.status IN (:...liveNeedStatuses)', { liveNeedStatuses: LIVE_NEED_STATUSES })
      .orderBy('need.id')
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /** How many needs and offers are live, for sizing a full run before loading it. */
  async liveCounts(): Promise<{ needs: number; offers: number }> {
    const [sql, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      'SELECT (SELECT COUNT(*) FROM needs WHERE status IN (:...needStatuses)) AS needs, ' +
        '(SELECT COUNT(*) FROM offers WHERE status IN (:...offerStatuses)) AS offers',
      { needStatuses: LIVE_NEED_STATUSES, offerStatuses: LIVE_OFFER_STATUSES },
    );
    const [counts] = await this.dataSource.query<{ needs: number | string; offers: number | string }[]>(sql, parameters);
    return { needs: Number(counts.needs), offers: Number(counts.offers) };
  }

  liveOffers(filter: IdFilter = {}): Promise<OfferForScoring[]> {
    return this.offers({ ...filter, live: true });
  }

  /** These offers in whatever status. */
  offersByIds(ids: readonly string[]): Promise<InAnyStatus<OfferForScoring>[]> {
    return this.offers({ ids, live: false });
  }

  private async offers({ ids, live }: IdFilter & StatusFilter): Promise<InAnyStatus<OfferForScoring>[]> {
    if (ids && ids.length === 0) return [];
    const offers = await this.dataSource.getRepository(Offer).find({
      select: {
        id: true,
        status: true,
        assistanceTypes: true,
        global: true,
        remainingCapacityUsd: true,
        minGrantUsd: true,
        maxGrantUsd: true,
        startDate: true,
        endDate: true,
        requiresGenderComponent: true,
      },
      where: { ...(live ? { status: In(LIVE_OFFER_STATUSES) } : {}), ...(ids ? { id: In([...ids]) } : {}) },
      order: { id: 'ASC' },
    });
    const offerIds = offers.map((offer) => offer.id);
    const [themes, areas] = await Promise.all([
      this.linkRows('offer_themes', 'offer_id', 'theme_code', offerIds),
      this.linkRows('offer_eligibility', 'offer_id', 'area_code', offerIds),
    ]);
    return offers.map((offer) => {
      const eligible = areas.get(offer.id) ?? [];
      return {
        id: offer.id,
        themeCodes: themes.get(offer.id) ?? [],
        assistanceTypes: offer.assistanceTypes,
        eligibleCountryIso3s: eligible.filter(isCountryCode),
        eligibleRegionCodes: eligible.filter((code) => !isCountryCode(code)),
        global: offer.global,
        remainingCapacityUsd: offer.remainingCapacityUsd,
        minGrantUsd: offer.minGrantUsd,
        maxGrantUsd: offer.maxGrantUsd,
        startDate: offer.startDate,
        endDate: offer.endDate,
        requiresGenderComponent: offer.requiresGenderComponent,
        live: LIVE_OFFER_STATUSES.includes(offer.status),
      };
    });
  }

  /**
   * The database's clock `windowSeconds` back, in the form its timestamp columns compare with; read
   * from the database rather than this process, whose clock or time zone may differ.
   */
  async databaseTimeBefore(windowSeconds: number): Promise<string> {
    const [{ since }] = await this.dataSource.query<{ since: string }[]>(
      dialectOf(this.dataSource) === 'postgres'
        ? 'SELECT (LOCALTIMESTAMP - make_interval(secs => $1))::text AS since'
        : "SELECT datetime('now', '-' || ? || ' seconds') AS since",
      [windowSeconds],
    );
    return since;
  }

  /**
   * A cheap fingerprint of the offers as scoring sees them: it differs from an earlier one whenever
   * an offer was changed through the application since then (every offer change writes a
   * rescore-offer outbox message in its own transaction, counted here from `changesSince` on) or
   * offer rows were added or removed directly. `changesSince` (from `databaseTimeBefore`) must lie
   * before the earlier reading by more than the longest offer-changing transaction, as PostgreSQL
   * stamps a row with the time its transaction began.
   */
  async offerChangeStamp(changesSince: string): Promise<string> {
    const [sql, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      'SELECT (SELECT COUNT(*) FROM offers) AS offers, ' +
        '(SELECT COUNT(*) FROM outbox_messages WHERE job_name = :jobName AND created_at >= :changesSince) AS changes',
      { jobName: OFFER_CHANGED_JOB, changesSince },
    );
    const [{ offers, changes }] = await this.dataSource.query<{ offers: number | string; changes: number | string }[]>(sql, parameters);
    return `${offers}/${changes}`;
  }

  /**
   * Link rows (owner id → codes) for the given owners. A handful of owners are named; for many,
   * the whole table is read once, which is cheaper than a long IN list and never hits the
   * database's parameter limit.
   */
  private async linkRows(
    table: string,
    ownerColumn: string,
    codeColumn: string,
    ownerIds: readonly string[],
  ): Promise<Map<string, string[]>> {
    const byOwner = new Map<string, string[]>();
    if (ownerIds.length === 0) return byOwner;
    const query = this.dataSource
      .createQueryBuilder()
      .select(`link.${ownerColumn}`, 'owner')
      .addSelect(`link.${codeColumn}`, 'code')
      .from(table, 'link');
    if (ownerIds.length <= 500) query.where(`link.${ownerColumn} IN (:...owners)`, { owners: ownerIds });
    const wanted = new Set(ownerIds);
    for (const { owner, code } of await query.getRawMany<{ owner: string; code: string }>()) {
      if (!wanted.has(owner)) continue;
      const codes = byOwner.get(owner);
      if (codes) codes.push(code);
      else byOwner.set(owner, [code]);
    }
    return byOwner;
  }
}

/** A need as read, before it takes the scorer's shape. */
interface RawLiveNeed {
  id: string;
  status: NeedStatus;
  countryIso3: string;
  /** Comma-separated, as TypeORM stores a simple-array. */
  assistanceTypes: string;
  unfundedUsd: number | string;
  startDate: string | null;
  endDate: string | null;
  nationalReportId: string | null;
  nationalActionPlan: BooleanColumn;
  genderComponent: BooleanColumn;
  baselineAssessment: BooleanColumn;
  multiYear: BooleanColumn;
  conflictAffected: BooleanColumn;
}

/** A boolean column read raw: SQLite stores 0 or 1, PostgreSQL answers true or false. */
type BooleanColumn = boolean | number;

function isTrue(value: BooleanColumn): boolean {
  return value === true || value === 1;
}

function isCountryCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code);
}
