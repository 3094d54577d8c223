import { OfferChanges } from './offer-changes';
import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { requireDonor } from '../accounts/known-donor';
import { AuditService, changedFields } from '../audit/audit.service';
import { Actor, isStaff } from '../access/actor';
import { BadUserInputError, NotFoundError } from '../common/errors/domain-errors';
import { assertExpectedVersion, saveAsNewVersion } from '../common/expected-version';
import { Connection, PageArgs, pageWindow, toConnection } from '../common/pagination/connection';
import { definedOnly } from '../common/defined-only';
import { findWithRelationsForUpdate, rowForUpdate } from '../database/locking';
import { appendRow, appendRows } from '../database/append-row';
import { changeRow } from '../database/change-row';
import { restrictToScope } from '../database/policy-scope';
import { ReferenceService } from '../reference/reference.service';
import { CreateOfferInput } from './dto/create-offer.input';
import { OfferFilter } from './dto/offer-filter.input';
import { UpdateOfferInput } from './dto/update-offer.input';
import { OfferEligibility } from './entities/offer-eligibility.entity';
import { OfferTheme } from './entities/offer-theme.entity';
import { Offer } from './entities/offer.entity';
import { OfferStatus } from '../domain/statuses';
import { OfferExposure, offerVisibilityScope, refusalToChangeOffer, refusalToPost } from './offer-policy';
import { assertOfferEditable, assertOfferPublishable, assertOfferWithdrawable, capacityStatus } from './offer-lifecycle';
import { rowsByIds } from '../database/rows-by-id';

/** An offer's editable terms under their input names, for validation and the audit trail. */
type OfferTerms = UpdateOfferInput;

@Injectable()
export class OffersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
    private readonly offerChanges: OfferChanges,
  ) {}

  async create(actor: Actor, input: CreateOfferInput): Promise<Offer> {
    const donorId = await this.donorForNewOffer(actor, input.donorId);
    const terms = this.validateTerms(input);
    return this.dataSource.transaction(async (manager) => {
      const offer = manager.create(Offer, {
        donorId,
        title: input.title,
        description: input.description,
        status: OfferStatus.DRAFT,
        assistanceTypes: input.assistanceTypes,
        global: input.global ?? false,
        capacityUsd: input.capacityUsd,
        remainingCapacityUsd: input.capacityUsd,
        inKindQuantity: input.inKindQuantity ?? null,
        inKindUnit: input.inKindUnit ?? null,
        minGrantUsd: input.minGrantUsd ?? null,
        maxGrantUsd: input.maxGrantUsd ?? null,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        modality: input.modality ?? null,
        requiresGenderComponent: input.requiresGenderComponent ?? false,
        conditions: input.conditions ?? null,
        createdBy: actor.userId,
        // Milliseconds, which SQLite's default timestamp drops, keep lists newest first within a second.
        createdAt: new Date(),
      });
      setLinks(offer, input.themeCodes, terms.eligibleAreas);
      await appendRow(manager, Offer, offer);
      await appendRows(manager, OfferTheme, offer.themeLinks);
      await appendRows(manager, OfferEligibility, offer.eligibility);
      await this.audit.record(manager, actor, {
        action: 'offer.create',
        entityType: 'Offer',
        entityId: offer.id,
        detail: { donorId, title: offer.title, capacityUsd: offer.capacityUsd, themeCodes: input.themeCodes },
      });
      await this.offerChanges.announce(manager, offer.id);
      return offer;
    });
  }

  async update(actor: Actor, id: string, input: UpdateOfferInput, expectedVersion?: number | null): Promise<Offer> {
    return this.dataSource.transaction(async (manager) => {
      const offer = await this.loadOwnedForChange(manager, actor, id, { withLinks: true });
      assertExpectedVersion('offer', offer, expectedVersion);
      assertOfferEditable(offer.status);
      const before = snapshot(offer);
      const changes = definedOnly(input);
      const merged = { ...before, ...changes };
      const { eligibleAreas } = this.validateTerms(merged);
      const allocatedUsd = offer.capacityUsd - offer.remainingCapacityUsd;
      if (merged.capacityUsd! < allocatedUsd) {
        throw BadUserInputError.forField('input.capacityUsd', `Capacity cannot fall below the USD ${allocatedUsd} already allocated.`);
      }
      const { themeCodes, eligibleCountryIso3s, eligibleRegionCodes, ...fields } = changes;
      Object.assign(offer, fields);
      offer.remainingCapacityUsd = offer.capacityUsd - allocatedUsd;
      if (offer.status !== OfferStatus.DRAFT) offer.status = capacityStatus(offer.remainingCapacityUsd);
      if (themeCodes || eligibleCountryIso3s || eligibleRegionCodes) {
        await manager.delete(OfferTheme, { offerId: offer.id });
        await manager.delete(OfferEligibility, { offerId: offer.id });
        setLinks(offer, merged.themeCodes!, eligibleAreas);
      }
      await saveAsNewVersion(manager, Offer, offer);
      await this.audit.record(manager, actor, {
        action: 'offer.update',
        entityType: 'Offer',
        entityId: offer.id,
        detail: { changes: changedFields(before, snapshot(offer)) },
      });
      await this.offerChanges.announce(manager, offer.id);
      return offer;
    });
  }

  publish(actor: Actor, id: string, expectedVersion?: number | null): Promise<Offer> {
    return this.changeStatus(actor, id, 'offer.publish', (offer) => {
      assertExpectedVersion('offer', offer, expectedVersion);
      assertOfferPublishable(offer.status);
      return capacityStatus(offer.remainingCapacityUsd);
    });
  }

  withdraw(actor: Actor, id: string, reason: string, expectedVersion?: number | null): Promise<Offer> {
    return this.changeStatus(
      actor,
      id,
      'offer.withdraw',
      (offer) => {
        assertExpectedVersion('offer', offer, expectedVersion);
        assertOfferWithdrawable(offer.status, offer.capacityUsd - offer.remainingCapacityUsd);
        return OfferStatus.WITHDRAWN;
      },
      { reason },
    );
  }

  async findVisible(actor: Actor, id: string): Promise<Offer> {
    const offer = await this.visibleOffers(actor).andWhere('offer.id = :id', { id }).getOne();
    if (!offer) throw new NotFoundError('Offer', id);
    return offer;
  }

  /** By id, with their themes and eligibility, whoever may see them: the batch behind OFFER_WITH_LINKS and exports. */
  readonly offersByIds = async (ids: readonly string[]): Promise<Map<string, Offer>> => {
    const offers = await this.dataSource
      .getRepository(Offer)
      .find({ where: { id: In([...ids]) }, relations: { themeLinks: true, eligibility: true } });
    return new Map(offers.map((offer) => [offer.id, offer]));
  };

  /**
   * By id, their rows alone, whoever may see them: the batch behind OFFER_BY_ID. Joining the themes and
   * the eligible areas would repeat each offer once per pair of them.
   */
  readonly offerRowsByIds = (ids: readonly string[]): Promise<Map<string, Offer>> => rowsByIds(this.dataSource, Offer, ids);

  async list(actor: Actor, filter: OfferFilter = {}, page: PageArgs = {}): Promise<Connection<Offer>> {
    const query = this.visibleOffers(actor);
    if (filter.donorId) {
      await requireDonor(this.dataSource, filter.donorId, 'filter.donorId');
      query.andWhere('offer.donorId = :donorId', { donorId: filter.donorId });
    }
    if (filter.themeCodes?.length) {
      this.reference.requireThemes(filter.themeCodes, 'filter.themeCodes', { allowGroups: true });
      const wanted = this.reference.expandThemeCodes(filter.themeCodes);
      const groups = [
        ...new Set(wanted.map((code) => this.reference.findTheme(code)?.parentCode).filter((code): code is string => !!code)),
      ];
      query.andWhere(
        'EXISTS (SELECT 1 FROM offer_themes filter_theme WHERE filter_theme.offer_id = offer.id AND filter_theme.theme_code IN (:...filterThemes))',
        { filterThemes: [...wanted, ...groups] },
      );
    }
    if (filter.region) {
      this.reference.requireRegion(filter.region, 'filter.region');
      query.andWhere(
        new Brackets((eligible) =>
          eligible
            .where('offer.global = :global', { global: true })
            .orWhere('EXISTS (SELECT 1 FROM offer_eligibility area WHERE area.offer_id = offer.id AND area.area_code IN (:...areas))', {
              areas: this.areasTouching(filter.region!),
            }),
        ),
      );
    }
    if (filter.status?.length) query.andWhere('offer.status IN (:...statuses)', { statuses: filter.status });
    const { skip, take } = pageWindow(page);
    const [items, total] = await query
      .orderBy('offer.createdAt', 'DESC')
      .addOrderBy('offer.id', 'DESC')
      .skip(skip)
      .take(take)
      .getManyAndCount();
    return toConnection(items, total, skip);
  }

  /** Every area code whose eligibility reaches some country of `regionCode`: the countries, their areas at every level. */
  private areasTouching(regionCode: string): string[] {
    const countries = this.reference.countryCodesIn(regionCode);
    return [...new Set([...countries, ...countries.flatMap((iso3) => this.reference.regionCodesOf(iso3))])];
  }

  /** The offers the caller may see, as the offer policy says (offer-policy.ts). */
  private visibleOffers(actor: Actor): SelectQueryBuilder<Offer> {
    const query = this.dataSource
      .getRepository(Offer)
      .createQueryBuilder('offer')
      .leftJoinAndSelect('offer.themeLinks', 'themeLink')
      .leftJoinAndSelect('offer.eligibility', 'eligibleArea');
    return restrictToScope(query, 'offer', offerVisibilityScope(actor), 'offer.donorId', exposedAs);
  }

  private async changeStatus(
    actor: Actor,
    id: string,
    action: string,
    next: (offer: Offer) => OfferStatus,
    detail: Record<string, unknown> = {},
  ): Promise<Offer> {
    return this.dataSource.transaction(async (manager) => {
      const offer = await this.loadOwnedForChange(manager, actor, id);
      const from = offer.status;
      await changeRow(manager, Offer, offer, (changing) => (changing.status = next(changing)));
      await this.audit.record(manager, actor, {
        action,
        entityType: 'Offer',
        entityId: offer.id,
        detail: { from, to: offer.status, ...detail },
      });
      await this.offerChanges.announce(manager, offer.id);
      return offer;
    });
  }

  /** Loads an offer for a change, refused as the offer policy says; with its themes and areas only when the change needs them. */
  private async loadOwnedForChange(manager: EntityManager, actor: Actor, id: string, { withLinks = false } = {}): Promise<Offer> {
    const offer = withLinks
      ? await findWithRelationsForUpdate(manager, Offer, id, { themeLinks: true, eligibility: true })
      : await rowForUpdate(manager, Offer, id);
    if (!offer) throw new NotFoundError('Offer', id);
    const refusal = refusalToChangeOffer(actor, offer);
    if (refusal) throw refusal;
    return offer;
  }

  private async donorForNewOffer(actor: Actor, requested: string | undefined): Promise<string> {
    if (isStaff(actor)) {
      if (!requested) throw BadUserInputError.forField('input.donorId', 'Name the donor when posting an offer for one.');
      await requireDonor(this.dataSource, requested, 'input.donorId');
      return requested;
    }
    const donorId = requested ?? actor.donorId;
    const refusal = refusalToPost(actor, donorId);
    if (refusal) throw refusal;
    return donorId!;
  }

  /** Checks codes against the reference data and the amounts and dates against each other. */
  private validateTerms(terms: OfferTerms): { eligibleAreas: string[] } {
    if (terms.themeCodes) this.reference.requireThemes(terms.themeCodes, 'input.themeCodes', { allowGroups: true });
    const countries = (terms.eligibleCountryIso3s ?? []).map((iso3) => this.reference.requireCountry(iso3, 'input.eligibleCountryIso3s'));
    const regions = (terms.eligibleRegionCodes ?? []).map((code) => this.reference.requireRegion(code, 'input.eligibleRegionCodes'));
    if (!terms.global && !countries.length && !regions.length) {
      throw new BadUserInputError('An offer must name at least one eligible country or region, or be global.', [
        { field: 'input.eligibleCountryIso3s', message: 'Name eligible countries, regions, or set global.' },
        { field: 'input.eligibleRegionCodes', message: 'Name eligible countries, regions, or set global.' },
        { field: 'input.global', message: 'Name eligible countries, regions, or set global.' },
      ]);
    }
    const { capacityUsd, minGrantUsd, maxGrantUsd } = terms;
    if (minGrantUsd != null && maxGrantUsd != null && minGrantUsd > maxGrantUsd) {
      throw BadUserInputError.forField('input.maxGrantUsd', 'maxGrantUsd must be at least minGrantUsd.');
    }
    if (capacityUsd != null && maxGrantUsd != null && maxGrantUsd > capacityUsd) {
      throw BadUserInputError.forField('input.maxGrantUsd', 'maxGrantUsd cannot exceed capacityUsd.');
    }
    if (capacityUsd != null && minGrantUsd != null && minGrantUsd > capacityUsd) {
      throw BadUserInputError.forField('input.minGrantUsd', 'minGrantUsd cannot exceed capacityUsd.');
    }
    if (terms.startDate && terms.endDate && terms.endDate <= terms.startDate) {
      throw BadUserInputError.forField('input.endDate', 'endDate must be after startDate.');
    }
    return { eligibleAreas: [...new Set([...countries, ...regions])] };
  }
}

function setLinks(offer: Offer, themeCodes: string[], eligibleAreas: string[]): void {
  offer.themeLinks = themeCodes.map((themeCode) => Object.assign(new OfferTheme(), { offerId: offer.id, themeCode }));
  offer.eligibility = eligibleAreas.map((areaCode) => Object.assign(new OfferEligibility(), { offerId: offer.id, areaCode }));
}

function snapshot(offer: Offer): OfferTerms {
  return {
    title: offer.title,
    description: offer.description,
    themeCodes: offer.themeCodes,
    assistanceTypes: offer.assistanceTypes,
    eligibleCountryIso3s: offer.eligibleCountryIso3s,
    eligibleRegionCodes: offer.eligibleRegionCodes,
    global: offer.global,
    capacityUsd: offer.capacityUsd,
    inKindQuantity: offer.inKindQuantity ?? undefined,
    inKindUnit: offer.inKindUnit ?? undefined,
    minGrantUsd: offer.minGrantUsd ?? undefined,
    maxGrantUsd: offer.maxGrantUsd ?? undefined,
    startDate: offer.startDate,
    endDate: offer.endDate,
    modality: offer.modality ?? undefined,
    requiresGenderComponent: offer.requiresGenderComponent,
    conditions: offer.conditions ?? undefined,
  };
}

/** An offer exposed in one of these ways: a draft, or published. */
function exposedAs(exposures: readonly OfferExposure[], suffix: string): Brackets {
  return new Brackets((exposed) => {
    exposed.where('1 = 0');
    if (exposures.includes('DRAFT')) exposed.orWhere(`offer.status = :draft${suffix}`, { [`draft${suffix}`]: OfferStatus.DRAFT });
    if (exposures.includes('PUBLISHED')) exposed.orWhere(`offer.status != :draft${suffix}`, { [`draft${suffix}`]: OfferStatus.DRAFT });
  });
}
