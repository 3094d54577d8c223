/**
 * Seeded synthetic needs and offers over the real reference data (the UN states and M49 areas of
 * countries.json, the 26 themes of themes.ts), with a spread like the real one: most requests from
 * Africa, Latin America and Asia, demand skewed towards a few themes, budgets and capacities spread
 * over orders of magnitude, offers ranging from global to a short list of countries. The same seed
 * always gives the same market. Rows are written with multi-row INSERTs in one transaction: filling
 * the database is preparation, not what a benchmark measures.
 */
import { DataSource, EntityManager } from 'typeorm';
import { AssistanceType, Visibility } from '../src/domain/enums';
import { newId } from '../src/common/entity-id';
import { NeedForScoring, OfferForScoring } from '../src/matching/engine/scoring';
import { NeedTheme } from '../src/needs/entities/need-theme.entity';
import { Need } from '../src/needs/entities/need.entity';
import { NeedStatus } from '../src/domain/statuses';
import { cycleOfDate, defaultValidUntil } from '../src/domain/reporting-cycles';
import { OfferEligibility } from '../src/offers/entities/offer-eligibility.entity';
import { OfferTheme } from '../src/offers/entities/offer-theme.entity';
import { Offer } from '../src/offers/entities/offer.entity';
import { OfferStatus } from '../src/domain/statuses';
import { THEME_GROUPS, THEMES } from '../src/reference/data/themes';
import { allCountries, allRegions, Country, countriesInRegion, regionCodesOf } from '../src/reference/geography';
import { seededRandom } from './seeded-random';

export interface SyntheticNeed {
  countryIso3: string;
  title: string;
  description: string;
  themeCodes: string[];
  assistanceTypes: AssistanceType[];
  estimatedBudgetUsd: number;
  startDate: string | null;
  endDate: string | null;
  priority: number;
  nationalActionPlan: boolean;
  genderComponent: boolean;
  baselineAssessment: boolean;
  multiYear: boolean;
  conflictAffected: boolean;
}

export interface SyntheticOffer {
  title: string;
  description: string;
  themeCodes: string[];
  assistanceTypes: AssistanceType[];
  /** Country ISO alpha-3 codes and M49 area codes, as the offer_eligibility table holds them. */
  eligibleAreaCodes: string[];
  global: boolean;
  capacityUsd: number;
  minGrantUsd: number | null;
  maxGrantUsd: number | null;
  startDate: string | null;
  endDate: string | null;
  requiresGenderComponent: boolean;
}

/** Share of requests by M49 region: PoA assistance requests come mostly from Africa, the Americas and Asia. */
const REQUEST_SHARE_BY_REGION: Record<string, number> = { '002': 0.45, '019': 0.2, '142': 0.22, '150': 0.07, '009': 0.06 };
const ASSISTANCE_TYPES = Object.values(AssistanceType);
/** Rows per INSERT: the widest table (needs, 20 columns) stays far below every driver's parameter limit. */
const ROWS_PER_INSERT = 500;

export class SyntheticMarket {
  private readonly random: () => number;
  private readonly requestingStates: { country: Country; weight: number }[];
  private readonly totalStateWeight: number;
  /** Themes in a seeded order of popularity; demand falls off along it (Zipf-like). */
  private readonly themesByPopularity: string[];
  /** M49 areas that contain states, the codes an offer can name. */
  private readonly areaCodes: { regions: string[]; smallerAreas: string[] };

  constructor(seed: number) {
    this.random = seededRandom(seed);
    const countries = allCountries();
    this.requestingStates = countries.map((country) => {
      const regionCount = countries.filter((other) => other.regionCode === country.regionCode).length;
      // Some states ask far more often than their neighbours: a log-normal-ish factor per state.
      const activity = Math.exp(1.2 * (this.random() + this.random() + this.random() - 1.5));
      return { country, weight: ((REQUEST_SHARE_BY_REGION[country.regionCode] ?? 0.01) / regionCount) * activity };
    });
    this.totalStateWeight = this.requestingStates.reduce((sum, state) => sum + state.weight, 0);
    this.themesByPopularity = this.shuffled(THEMES.map((theme) => theme.code));
    const populated = allRegions().filter((region) => countriesInRegion(region.code).length > 0);
    this.areaCodes = {
      regions: populated.filter((region) => region.level === 'REGION').map((region) => region.code),
      smallerAreas: populated.filter((region) => region.level !== 'REGION').map((region) => region.code),
    };
  }

  needs(count: number): SyntheticNeed[] {
    return Array.from({ length: count }, (_, index) => this.need(index));
  }

  offers(count: number): SyntheticOffer[] {
    return Array.from({ length: count }, (_, index) => this.offer(index));
  }

  private need(index: number): SyntheticNeed {
    const country = this.requestingState();
    const start = this.intBetween(-180, 900);
    const themeCodes = this.distinct(this.intBetween(1, 4), () => this.popularTheme());
    return {
      countryIso3: country.iso3,
      title: `${country.name}: ${themeCodes[0].toLowerCase().replace(/_/g, ' ')} (${index})`,
      description: 'Synthetic need for the matching benchmark.',
      themeCodes,
      assistanceTypes: this.distinct(this.intBetween(1, 2), () => this.pick(ASSISTANCE_TYPES)),
      estimatedBudgetUsd: this.chance(0.03) ? 0 : this.logUniform(10_000, 3_000_000),
      startDate: this.chance(0.15) ? null : isoDay(start),
      endDate: this.chance(0.2) ? null : isoDay(start + this.intBetween(180, 1_100)),
      priority: this.intBetween(1, 5),
      nationalActionPlan: this.chance(0.4),
      genderComponent: this.chance(0.35),
      baselineAssessment: this.chance(0.25),
      multiYear: this.chance(0.4),
      conflictAffected: this.chance(0.2),
    };
  }

  private offer(index: number): SyntheticOffer {
    const reach = this.random();
    const start = this.intBetween(-365, 700);
    const ownThemes = this.distinct(this.intBetween(1, 4), () => this.popularTheme());
    const capacityUsd = this.chance(0.05) ? 0 : this.logUniform(50_000, 10_000_000);
    const minGrantUsd = this.chance(0.3) ? this.logUniform(10_000, 200_000) : null;
    const maxGrant = this.chance(0.5) ? this.logUniform(100_000, 2_000_000) : null;
    return {
      title: `Synthetic offer ${index}`,
      description: 'Synthetic offer for the matching benchmark.',
      // Some donors fund a whole area of work (a theme group) rather than named themes.
      themeCodes: this.chance(0.15) ? [...ownThemes.slice(1), this.pick(THEME_GROUPS).code] : ownThemes,
      assistanceTypes: this.distinct(this.intBetween(1, 3), () => this.pick(ASSISTANCE_TYPES)),
      eligibleAreaCodes:
        reach < 0.2
          ? []
          : reach < 0.45
            ? this.distinct(this.intBetween(1, 2), () => this.pick(this.areaCodes.regions))
            : reach < 0.7
              ? this.distinct(this.intBetween(1, 3), () => this.pick(this.areaCodes.smallerAreas))
              : this.distinct(this.intBetween(3, 25), () => this.requestingState().iso3),
      global: reach < 0.2,
      capacityUsd,
      minGrantUsd: minGrantUsd !== null && maxGrant !== null && minGrantUsd > maxGrant ? null : minGrantUsd,
      maxGrantUsd: maxGrant,
      startDate: this.chance(0.3) ? null : isoDay(start),
      endDate: this.chance(0.3) ? null : isoDay(start + this.intBetween(365, 1_800)),
      requiresGenderComponent: this.chance(0.1),
    };
  }

  private requestingState(): Country {
    let remaining = this.random() * this.totalStateWeight;
    for (const state of this.requestingStates) {
      remaining -= state.weight;
      if (remaining <= 0) return state.country;
    }
    return this.requestingStates[this.requestingStates.length - 1].country;
  }

  private popularTheme(): string {
    return this.themesByPopularity[Math.floor(this.themesByPopularity.length * Math.pow(this.random(), 1.8))];
  }

  private chance(probability: number): boolean {
    return this.random() < probability;
  }

  private intBetween(low: number, high: number): number {
    return low + Math.floor(this.random() * (high - low + 1));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  /** Whole thousands of dollars, log-uniform between the bounds. */
  private logUniform(low: number, high: number): number {
    return Math.round((low * Math.pow(high / low, this.random())) / 1000) * 1000;
  }

  private distinct<T>(count: number, draw: () => T): T[] {
    const found = new Set<T>();
    for (let attempt = 0; found.size < count && attempt < count * 20; attempt++) found.add(draw());
    return [...found];
  }

  private shuffled<T>(items: readonly T[]): T[] {
    const result = [...items];
    for (let i = result.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [result[i], result[j]] = [result[j], result[i]];
    }
    return result;
  }
}

function isoDay(daysFrom2026: number): string {
  return new Date(Date.UTC(2026, 0, 1) + daysFrom2026 * 86_400_000).toISOString().slice(0, 10);
}

/** Writes the needs as OPEN, published now, with their theme rows; returns their ids in the same order. */
export async function insertNeeds(manager: EntityManager, needs: readonly SyntheticNeed[], createdBy: string): Promise<string[]> {
  const publishedAt = new Date();
  const rows = needs.map((need) =>
    Object.assign(new Need(), {
      id: newId(),
      countryIso3: need.countryIso3,
      title: need.title,
      description: need.description,
      assistanceTypes: need.assistanceTypes,
      estimatedBudgetUsd: need.estimatedBudgetUsd,
      startDate: need.startDate,
      endDate: need.endDate,
      priority: need.priority,
      nationalActionPlan: need.nationalActionPlan,
      genderComponent: need.genderComponent,
      baselineAssessment: need.baselineAssessment,
      multiYear: need.multiYear,
      conflictAffected: need.conflictAffected,
      status: NeedStatus.OPEN,
      visibility: Visibility.DONORS,
      fundedUsd: 0,
      nationalReportId: null,
      sourceExcerpt: null,
      cycleYear: cycleOfDate(publishedAt).year,
      validUntil: defaultValidUntil(publishedAt),
      confirmedAt: publishedAt,
      createdBy,
      version: 1,
    }),
  );
  await insertInChunks(manager, Need, rows);
  await insertInChunks(
    manager,
    NeedTheme,
    rows.flatMap((row, index) => needs[index].themeCodes.map((themeCode) => ({ needId: row.id, themeCode }))),
  );
  return rows.map((row) => row.id);
}

/** Writes the offers as OPEN with their whole capacity left, with theme and eligibility rows; returns their ids. */
export async function insertOffers(
  manager: EntityManager,
  offers: readonly SyntheticOffer[],
  donorId: string,
  createdBy: string,
): Promise<string[]> {
  const rows = offers.map((offer) =>
    Object.assign(new Offer(), {
      id: newId(),
      donorId,
      title: offer.title,
      description: offer.description,
      status: OfferStatus.OPEN,
      assistanceTypes: offer.assistanceTypes,
      global: offer.global,
      capacityUsd: offer.capacityUsd,
      remainingCapacityUsd: offer.capacityUsd,
      inKindQuantity: null,
      inKindUnit: null,
      minGrantUsd: offer.minGrantUsd,
      maxGrantUsd: offer.maxGrantUsd,
      startDate: offer.startDate,
      endDate: offer.endDate,
      modality: null,
      requiresGenderComponent: offer.requiresGenderComponent,
      conditions: null,
      createdBy,
      version: 1,
    }),
  );
  await insertInChunks(manager, Offer, rows);
  await insertInChunks(
    manager,
    OfferTheme,
    rows.flatMap((row, index) => offers[index].themeCodes.map((themeCode) => ({ offerId: row.id, themeCode }))),
  );
  await insertInChunks(
    manager,
    OfferEligibility,
    rows.flatMap((row, index) => offers[index].eligibleAreaCodes.map((areaCode) => ({ offerId: row.id, areaCode }))),
  );
  return rows.map((row) => row.id);
}

/** Fills a migrated database with OPEN needs and offers in one transaction. */
export async function insertMarket(
  dataSource: DataSource,
  market: { needs: readonly SyntheticNeed[]; offers: readonly SyntheticOffer[] },
  owners: { donorId: string; createdBy: string },
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await insertNeeds(manager, market.needs, owners.createdBy);
    await insertOffers(manager, market.offers, owners.donorId, owners.createdBy);
  });
}

/** A need in the scorer's input shape, as the matching engine would load it once it is OPEN. */
export function needForScoring(need: SyntheticNeed, id: string): NeedForScoring {
  return {
    id,
    countryIso3: need.countryIso3,
    regionCodes: regionCodesOf(need.countryIso3),
    themeCodes: need.themeCodes,
    assistanceTypes: need.assistanceTypes,
    unfundedUsd: need.estimatedBudgetUsd,
    startDate: need.startDate,
    endDate: need.endDate,
    fromNationalReport: false,
    nationalActionPlan: need.nationalActionPlan,
    genderComponent: need.genderComponent,
    baselineAssessment: need.baselineAssessment,
    multiYear: need.multiYear,
    conflictAffected: need.conflictAffected,
  };
}

/** An offer in the scorer's input shape. */
export function offerForScoring(offer: SyntheticOffer, id: string): OfferForScoring {
  return {
    id,
    themeCodes: offer.themeCodes,
    assistanceTypes: offer.assistanceTypes,
    eligibleCountryIso3s: offer.eligibleAreaCodes.filter((code) => /^[A-Z]{3}$/.test(code)),
    eligibleRegionCodes: offer.eligibleAreaCodes.filter((code) => !/^[A-Z]{3}$/.test(code)),
    global: offer.global,
    remainingCapacityUsd: offer.capacityUsd,
    minGrantUsd: offer.minGrantUsd,
    maxGrantUsd: offer.maxGrantUsd,
    startDate: offer.startDate,
    endDate: offer.endDate,
    requiresGenderComponent: offer.requiresGenderComponent,
  };
}

async function insertInChunks<T extends object>(manager: EntityManager, entity: new () => T, rows: readonly object[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await manager.getRepository(entity).insert(rows.slice(start, start + ROWS_PER_INSERT));
  }
}
