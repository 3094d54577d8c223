import { NeedSourceReports } from './need-source-reports';
import { NeedChanges } from './need-changes';
import { countryActedFor } from './acting-country';
import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AuditService, changedFields } from '../audit/audit.service';
import { Actor } from '../access/actor';
import { Visibility } from '../domain/enums';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors/domain-errors';
import { assertExpectedVersion, saveAsNewVersion } from '../common/expected-version';
import { Connection, PageArgs, pageWindow, toConnection } from '../common/pagination/connection';
import { definedOnly } from '../common/defined-only';
import { findWithRelationsForUpdate, rowForUpdate } from '../database/locking';
import { appendRow, appendRows } from '../database/append-row';
import { changeRow } from '../database/change-row';
import { restrictToScope } from '../database/policy-scope';
import { escapeLike } from '../database/like-pattern';
import { ReferenceService } from '../reference/reference.service';
import { CreateNeedInput } from './dto/create-need.input';
import { NeedFilter } from './dto/need-filter.input';
import { NeedSort } from './dto/need-sort.args';
import { UpdateNeedInput } from './dto/update-need.input';
import { Need } from './entities/need.entity';
import { NeedStatus } from '../domain/statuses';
import { NeedTheme } from './entities/need-theme.entity';
import { newNeed, themeLinks } from './new-need';
import { NeedExposure, needVisibilityScope, refusalToChange, refusalToFile, UNLISTED_NEED_STATUSES } from './need-policy';
import {
  assertNeedEditable,
  assertNeedPublishable,
  assertNeedReconfirmable,
  assertNeedWithdrawable,
  coveredUsd,
  fundingGapUsd,
  fundingStatus,
  isPastValidity,
  LIVE_NEED_STATUSES,
  RECONFIRM_AFTER_MONTHS,
  RECONFIRM_DAYS_BEFORE_EXPIRY,
} from './need-lifecycle';
import { cycleOfYear, defaultValidUntil } from '../domain/reporting-cycles';
import { OtherFunding } from './entities/other-funding.entity';
import { RecordOtherFundingInput } from './dto/record-other-funding.input';
import { rowsByIds } from '../database/rows-by-id';

/** A need's editable content under its input names, for validation and the audit trail. */
type NeedSnapshot = UpdateNeedInput;

@Injectable()
export class NeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
    private readonly reportLinks: NeedSourceReports,
    private readonly needChanges: NeedChanges,
  ) {}

  async create(actor: Actor, input: CreateNeedInput): Promise<Need> {
    const countryIso3 = this.countryForNewNeed(actor, input.countryIso3);
    this.validateContent(input, 'input');
    return this.dataSource.transaction(async (manager) => {
      const reportYear = input.nationalReportId
        ? await this.reportLinks.requireReportOfCountry(manager, input.nationalReportId, countryIso3, 'input.nationalReportId')
        : null;
      const { need, audit } = newNeed(actor.userId, {
        ...input,
        countryIso3,
        visibility: input.visibility ?? Visibility.DONORS,
        nationalReportId: input.nationalReportId ?? null,
        reportYear,
      });
      await appendRow(manager, Need, need);
      await appendRows(manager, NeedTheme, need.themeLinks);
      await this.audit.record(manager, actor, audit);
      await this.needChanges.announce(manager, need.id, actor);
      return need;
    });
  }

  async update(actor: Actor, id: string, input: UpdateNeedInput, expectedVersion?: number | null): Promise<Need> {
    return this.dataSource.transaction(async (manager) => {
      const need = await this.loadOwnedForChange(manager, actor, id, { withThemes: true });
      assertExpectedVersion('need', need, expectedVersion);
      assertNeedEditable(need.status);
      const before = snapshot(need);
      const merged = { ...before, ...definedOnly(input) };
      this.validateContent(merged, 'input');
      if (input.nationalReportId) {
        const reportYear = await this.reportLinks.requireReportOfCountry(
          manager,
          input.nationalReportId,
          need.countryIso3,
          'input.nationalReportId',
        );
        need.cycleYear = cycleOfYear(reportYear).year;
      }
      if (merged.estimatedBudgetUsd! < coveredUsd(need)) {
        throw BadUserInputError.forField(
          'input.estimatedBudgetUsd',
          `The budget cannot fall below the USD ${coveredUsd(need)} already funded (approved pairings and funding from elsewhere).`,
        );
      }
      const { themeCodes, validUntil, ...fields } = definedOnly(input);
      Object.assign(need, {
        ...fields,
        ...(validUntil !== undefined ? { validUntil: validUntil ?? defaultValidUntil(new Date()) } : {}),
      });
      if (need.status !== NeedStatus.DRAFT) need.status = fundingStatus(need);
      if (themeCodes) {
        await manager.delete(NeedTheme, { needId: need.id });
        need.themeLinks = themeLinks(need.id, themeCodes);
      }
      await saveAsNewVersion(manager, Need, need);
      await this.audit.record(manager, actor, {
        action: 'need.update',
        entityType: 'Need',
        entityId: need.id,
        detail: { changes: changedFields(before, snapshot(need)) },
      });
      await this.needChanges.announce(manager, need.id, actor);
      return need;
    });
  }

  /** Publishes a draft, confirmed from now on; a draft kept past its validity is valid again by the default rule from today. */
  async publish(actor: Actor, id: string, expectedVersion?: number | null): Promise<Need> {
    return this.changeStatus(actor, id, 'need.publish', (need) => {
      assertExpectedVersion('need', need, expectedVersion);
      assertNeedPublishable(need.status);
      const now = new Date();
      need.confirmedAt = now;
      if (isPastValidity(need.validUntil, now)) need.validUntil = defaultValidUntil(now);
      return NeedStatus.OPEN;
    });
  }

  /**
   * The state says the need still stands: it is valid to the end of the cycle after the current one,
   * and a STALE need is published again with the funding status its money gives it, back in
   * matching and in donors' sight. Nothing else about the need changes.
   */
  async reconfirm(actor: Actor, id: string, expectedVersion?: number | null): Promise<Need> {
    return this.dataSource.transaction(async (manager) => {
      const need = await this.loadOwnedForChange(manager, actor, id);
      assertExpectedVersion('need', need, expectedVersion);
      assertNeedReconfirmable(need.status);
      const before = { status: need.status, validUntil: need.validUntil };
      await changeRow(manager, Need, need, (changing) => {
        const now = new Date();
        changing.confirmedAt = now;
        changing.validUntil = defaultValidUntil(now);
        changing.status = fundingStatus(changing);
      });
      await this.audit.record(manager, actor, {
        action: 'need.reconfirm',
        entityType: 'Need',
        entityId: need.id,
        detail: { from: before.status, to: need.status, validUntilBefore: before.validUntil, validUntilAfter: need.validUntil },
      });
      if (before.status !== need.status) await this.needChanges.announce(manager, need.id, actor);
      return need;
    });
  }

  /**
   * Marks STALE every live need whose validity ended before `now` (UTC day), each in its own
   * transaction, audited as the platform's doing and announced, so matching supersedes its open
   * proposals as it does a withdrawn need's. A need reconfirmed meanwhile is left alone. Returns the
   * ids it changed.
   */
  async expireUnconfirmed(now: Date = new Date()): Promise<string[]> {
    const today = now.toISOString().slice(0, 10);
    const overdue = await this.dataSource
      .getRepository(Need)
      .createQueryBuilder(NEED_ALIAS)
      .select('need.id', 'id')
      .where('need.status IN (:...live)', { live: LIVE_NEED_STATUSES })
      .andWhere('need.validUntil < :today', { today })
      .orderBy('need.id')
      .getRawMany<{ id: string }>();
    const expired: string[] = [];
    for (const { id } of overdue) {
      const changed = await this.dataSource.transaction(async (manager) => {
        const need = await rowForUpdate(manager, Need, id);
        if (!need || !LIVE_NEED_STATUSES.includes(need.status) || !isPastValidity(need.validUntil, now)) return false;
        const from = need.status;
        await changeRow(manager, Need, need, (changing) => (changing.status = NeedStatus.STALE));
        await this.audit.record(manager, null, {
          action: 'need.stale',
          entityType: 'Need',
          entityId: need.id,
          detail: { from, to: need.status, validUntil: need.validUntil },
        });
        await this.needChanges.announce(manager, need.id, null);
        return true;
      });
      if (changed) expired.push(id);
    }
    return expired;
  }

  /** Live needs with a reconfirmation asked on some day by `now`, for the reminders (need-lifecycle: reconfirmationDueDays). */
  async awaitingReconfirmation(now: Date = new Date()): Promise<Pick<Need, 'id' | 'confirmedAt' | 'validUntil'>[]> {
    const yearAgo = new Date(now);
    yearAgo.setUTCMonth(yearAgo.getUTCMonth() - RECONFIRM_AFTER_MONTHS);
    const expiresBy = new Date(now.getTime() + RECONFIRM_DAYS_BEFORE_EXPIRY * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    return this.dataSource
      .getRepository(Need)
      .createQueryBuilder(NEED_ALIAS)
      .select(['need.id', 'need.confirmedAt', 'need.validUntil'])
      .where('need.status IN (:...live)', { live: LIVE_NEED_STATUSES })
      .andWhere(
        new Brackets((due) =>
          due.where('need.confirmedAt <= :yearAgo', { yearAgo }).orWhere('need.validUntil <= :expiresBy', { expiresBy }),
        ),
      )
      .orderBy('need.id')
      .getMany();
  }

  async withdraw(actor: Actor, id: string, reason: string, expectedVersion?: number | null): Promise<Need> {
    return this.changeStatus(
      actor,
      id,
      'need.withdraw',
      (need) => {
        assertExpectedVersion('need', need, expectedVersion);
        assertNeedWithdrawable(need);
        return NeedStatus.WITHDRAWN;
      },
      { reason },
    );
  }

  /**
   * Records that another source funds part or all of a published need: the need's gap shrinks by the
   * amount (fundedElsewhereUsd), its funding status follows as it does for approved pairings (FUNDED
   * once nothing is lacking, which takes it out of matching), and matching rescores it. A DRAFT need
   * is not yet asking for money and a FUNDED, WITHDRAWN or CLOSED one no longer is, so only OPEN and
   * PARTLY_FUNDED needs take it.
   */
  async recordOtherFunding(actor: Actor, input: RecordOtherFundingInput): Promise<Need> {
    return this.dataSource.transaction(async (manager) => {
      const need = await this.loadOwnedForChange(manager, actor, input.needId);
      if (!LIVE_NEED_STATUSES.includes(need.status)) {
        throw new ConflictError(`A ${need.status} need takes no funding; only OPEN and PARTLY_FUNDED needs do.`);
      }
      const gapUsd = fundingGapUsd(need);
      if (input.amountUsd > gapUsd) {
        throw BadUserInputError.forField('input.amountUsd', `The need lacks only USD ${gapUsd}.`);
      }
      const funding = Object.assign(new OtherFunding(), {
        needId: need.id,
        funderName: input.funderName,
        amountUsd: input.amountUsd,
        fundedOn: input.fundedOn,
        note: input.note || null,
        recordedBy: actor.userId,
        // With milliseconds, which SQLite's default timestamp drops: records of one second stay in the order they were made.
        recordedAt: new Date(),
      });
      await manager.save(funding);
      const before = { fundedElsewhereUsd: need.fundedElsewhereUsd, status: need.status };
      await changeRow(manager, Need, need, (changing) => {
        changing.fundedElsewhereUsd += input.amountUsd;
        changing.status = fundingStatus(changing);
      });
      await this.audit.record(manager, actor, {
        action: 'need.recordOtherFunding',
        entityType: 'Need',
        entityId: need.id,
        detail: {
          otherFundingId: funding.id,
          funderName: funding.funderName,
          amountUsd: funding.amountUsd,
          fundedOn: funding.fundedOn,
          note: funding.note,
          fundedElsewhereUsdBefore: before.fundedElsewhereUsd,
          fundedElsewhereUsdAfter: need.fundedElsewhereUsd,
          statusBefore: before.status,
          statusAfter: need.status,
        },
      });
      await this.needChanges.announce(manager, need.id, actor);
      return need;
    });
  }

  /** Each need's funding from other sources, oldest first: the batch behind OTHER_FUNDING_OF_NEED. */
  readonly otherFundingOfNeeds = async (needIds: readonly string[]): Promise<Map<string, OtherFunding[]>> => {
    const rows = await this.dataSource
      .getRepository(OtherFunding)
      .find({ where: { needId: In([...needIds]) }, order: { recordedAt: 'ASC', id: 'ASC' } });
    const byNeed = new Map<string, OtherFunding[]>();
    for (const row of rows) byNeed.set(row.needId, [...(byNeed.get(row.needId) ?? []), row]);
    return byNeed;
  };

  async findVisible(actor: Actor | null, id: string): Promise<Need> {
    const query = this.visibleNeeds(actor).andWhere('need.id = :id', { id });
    const need = await query.getOne();
    if (!need) throw new NotFoundError('Need', id);
    return need;
  }

  /** Which of these needs the caller may see. */
  async visibleIds(actor: Actor | null, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.restrictToVisibleNeeds(this.dataSource.getRepository(Need).createQueryBuilder(NEED_ALIAS), actor)
      .select('need.id', 'id')
      .andWhere('need.id IN (:...visibleIdsOf)', { visibleIdsOf: [...ids] })
      .getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  /** By id, with their themes, whoever may see them: the batch behind NEED_WITH_THEMES and exports. */
  readonly needsByIds = async (ids: readonly string[]): Promise<Map<string, Need>> => {
    const needs = await this.dataSource.getRepository(Need).find({ where: { id: In([...ids]) }, relations: { themeLinks: true } });
    return new Map(needs.map((need) => [need.id, need]));
  };

  /**
   * By id, their rows alone, whoever may see them: the batch behind NEED_BY_ID. Joining the theme
   * links would repeat each need once per theme and more than double the cost of a page of matches.
   */
  readonly needRowsByIds = (ids: readonly string[]): Promise<Map<string, Need>> => rowsByIds(this.dataSource, Need, ids);

  async list(
    actor: Actor | null,
    filter: NeedFilter = {},
    page: PageArgs = {},
    sort: NeedSort = NeedSort.NEWEST,
  ): Promise<Connection<Need>> {
    const { skip, take } = pageWindow(page);
    const [items, total] = await orderedBy(this.filtered(actor, filter), sort).skip(skip).take(take).getManyAndCount();
    return toConnection(items, total, skip);
  }

  /**
   * Every need of `list` with the same filter and order, a batch at a time, for exports too long for
   * one page. The first batch is read before the caller writes anything, so a bad filter is still refused.
   */
  async *listAll(actor: Actor | null, filter: NeedFilter = {}, sort: NeedSort = NeedSort.NEWEST, batchSize = 500): AsyncGenerator<Need[]> {
    const query = orderedBy(this.filtered(actor, filter), sort);
    for (let skip = 0; ; skip += batchSize) {
      const batch = await query.clone().skip(skip).take(batchSize).getMany();
      if (batch.length) yield batch;
      if (batch.length < batchSize) return;
    }
  }

  /** The needs the caller may see, narrowed by the filter (checked here: unknown regions and themes are refused). */
  private filtered(actor: Actor | null, filter: NeedFilter): SelectQueryBuilder<Need> {
    const query = this.visibleNeeds(actor);
    if (filter.countryIso3) {
      query.andWhere('need.countryIso3 = :country', {
        country: this.reference.requireCountry(filter.countryIso3, 'filter.countryIso3'),
      });
    }
    if (filter.region) {
      this.reference.requireRegion(filter.region, 'filter.region');
      query.andWhere('need.countryIso3 IN (:...regionCountries)', { regionCountries: this.reference.countryCodesIn(filter.region) });
    }
    if (filter.themeCodes?.length) {
      this.reference.requireThemes(filter.themeCodes, 'filter.themeCodes', { allowGroups: true });
      query.andWhere(
        'EXISTS (SELECT 1 FROM need_themes filter_theme WHERE filter_theme.need_id = need.id AND filter_theme.theme_code IN (:...filterThemes))',
        { filterThemes: this.reference.expandThemeCodes(filter.themeCodes) },
      );
    }
    if (filter.status?.length) query.andWhere('need.status IN (:...statuses)', { statuses: filter.status });
    if (filter.search) {
      query.andWhere(
        new Brackets((words) =>
          words
            .where(`LOWER(need.title) LIKE :search ESCAPE '\\'`, { search: `%${escapeLike(filter.search!.toLowerCase())}%` })
            .orWhere(`LOWER(need.description) LIKE :search ESCAPE '\\'`),
        ),
      );
    }
    if (filter.minBudgetUsd != null) query.andWhere('need.estimatedBudgetUsd >= :minBudget', { minBudget: filter.minBudgetUsd });
    if (filter.maxBudgetUsd != null) {
      if (filter.minBudgetUsd != null && filter.maxBudgetUsd < filter.minBudgetUsd) {
        throw BadUserInputError.forField('filter.maxBudgetUsd', 'maxBudgetUsd must not be below minBudgetUsd.');
      }
      query.andWhere('need.estimatedBudgetUsd <= :maxBudget', { maxBudget: filter.maxBudgetUsd });
    }
    return query;
  }

  /** The needs the caller may see, as the need policy says (need-policy.ts), with their themes. */
  visibleNeeds(actor: Actor | null): SelectQueryBuilder<Need> {
    const query = this.dataSource.getRepository(Need).createQueryBuilder(NEED_ALIAS).leftJoinAndSelect('need.themeLinks', 'themeLink');
    return this.restrictToVisibleNeeds(query, actor);
  }

  /**
   * Narrows a query that joins the need as `need` to the needs the caller may see. Other features
   * join rather than test `IN (visible needs)`: a join looks each row's need up by key, where the
   * subquery walks every visible need on every request.
   */
  restrictToVisibleNeeds<Entity extends ObjectLiteral>(
    query: SelectQueryBuilder<Entity>,
    actor: Pick<Actor, 'role' | 'countryIso3'> | null,
  ): SelectQueryBuilder<Entity> {
    return restrictToScope(query, 'need', needVisibilityScope(actor), `${NEED_ALIAS}.countryIso3`, exposedAs);
  }

  private async changeStatus(
    actor: Actor,
    id: string,
    action: string,
    next: (need: Need) => NeedStatus,
    detail: Record<string, unknown> = {},
  ): Promise<Need> {
    return this.dataSource.transaction(async (manager) => {
      const need = await this.loadOwnedForChange(manager, actor, id);
      const from = need.status;
      await changeRow(manager, Need, need, (changing) => (changing.status = next(changing)));
      await this.audit.record(manager, actor, {
        action,
        entityType: 'Need',
        entityId: need.id,
        detail: { from, to: need.status, ...detail },
      });
      await this.needChanges.announce(manager, need.id, actor);
      return need;
    });
  }

  /**
   * Loads a need for a change, refused as the need policy says; with its themes only when the change
   * needs them (the `themes` field reads them for a need without).
   */
  private async loadOwnedForChange(manager: EntityManager, actor: Actor, id: string, { withThemes = false } = {}): Promise<Need> {
    const need = withThemes
      ? await findWithRelationsForUpdate(manager, Need, id, { themeLinks: true })
      : await rowForUpdate(manager, Need, id);
    if (!need) throw new NotFoundError('Need', id);
    const refusal = refusalToChange(actor, need);
    if (refusal) throw refusal;
    return need;
  }

  private countryForNewNeed(actor: Actor, requested: string | undefined): string {
    const countryIso3 = countryActedFor(actor, requested, this.reference, 'Name the requesting country when filing for a state.');
    const refusal = refusalToFile(actor, countryIso3);
    if (refusal) throw refusal;
    return countryIso3;
  }

  private validateContent(input: NeedSnapshot, prefix: string): void {
    if (input.themeCodes) this.reference.requireThemes(input.themeCodes, `${prefix}.themeCodes`, { allowGroups: false });
    if (input.startDate && input.endDate && input.endDate <= input.startDate) {
      throw BadUserInputError.forField(`${prefix}.endDate`, 'endDate must be after startDate.');
    }
  }
}

function snapshot(need: Need): NeedSnapshot {
  return {
    title: need.title,
    description: need.description,
    themeCodes: need.themeCodes,
    assistanceTypes: need.assistanceTypes,
    estimatedBudgetUsd: need.estimatedBudgetUsd,
    startDate: need.startDate,
    endDate: need.endDate,
    priority: need.priority,
    nationalActionPlan: need.nationalActionPlan,
    baselineAssessment: need.baselineAssessment,
    genderComponent: need.genderComponent,
    multiYear: need.multiYear,
    conflictAffected: need.conflictAffected,
    visibility: need.visibility,
    nationalReportId: need.nationalReportId ?? undefined,
    validUntil: need.validUntil,
  };
}

/** The alias the need policy's conditions name the need by. */
export const NEED_ALIAS = 'need';

/** A need exposed in one of these ways: listed with one of these visibilities, or unlisted (a draft or a stale need). */
function exposedAs(exposures: readonly NeedExposure[], suffix: string): Brackets {
  const visibilities = exposures.filter((exposure) => exposure !== 'UNLISTED');
  return new Brackets((exposed) => {
    exposed.where('1 = 0');
    if (visibilities.length) {
      exposed.orWhere(`(need.status NOT IN (:...unlisted) AND need.visibility IN (:...visibilities${suffix}))`, {
        unlisted: UNLISTED_NEED_STATUSES,
        [`visibilities${suffix}`]: visibilities,
      });
    }
    if (exposures.includes('UNLISTED')) exposed.orWhere('need.status IN (:...unlisted)', { unlisted: UNLISTED_NEED_STATUSES });
  });
}

/** The funded share of the budget (pairings and other sources), as the list sorts by it; a need without a budget counts as unfunded. */
const FUNDED_SHARE =
  'CASE WHEN need.estimated_budget_usd > 0 THEN CAST(need.funded_usd + need.funded_elsewhere_usd AS FLOAT) / need.estimated_budget_usd ELSE 0 END';
const FUNDED_SHARE_ALIAS = 'need_funded_share';

/**
 * Orders a list of needs. Pages are cut by offset (common/pagination/connection.ts), so each order ends
 * with the creation time and the unique id: equal budgets or shares never swap places between pages.
 */
function orderedBy(query: SelectQueryBuilder<Need>, sort: NeedSort): SelectQueryBuilder<Need> {
  switch (sort) {
    case NeedSort.BUDGET_HIGH_FIRST:
      query.orderBy('need.estimatedBudgetUsd', 'DESC');
      break;
    case NeedSort.BUDGET_LOW_FIRST:
      query.orderBy('need.estimatedBudgetUsd', 'ASC');
      break;
    case NeedSort.LEAST_FUNDED_FIRST:
      // Selected under an alias: with the joined themes TypeORM pages through a subquery, which can sort by an alias but not by an expression.
      query.addSelect(FUNDED_SHARE, FUNDED_SHARE_ALIAS).orderBy(FUNDED_SHARE_ALIAS, 'ASC');
      break;
    default:
      return query.orderBy('need.createdAt', 'DESC').addOrderBy('need.id', 'DESC');
  }
  return query.addOrderBy('need.createdAt', 'DESC').addOrderBy('need.id', 'DESC');
}
