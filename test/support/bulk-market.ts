import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/database-options';
import { Need } from '../../src/needs/entities/need.entity';
import { NeedStatus } from '../../src/domain/statuses';
import { NeedTheme } from '../../src/needs/entities/need-theme.entity';
import { Offer } from '../../src/offers/entities/offer.entity';
import { OfferStatus } from '../../src/domain/statuses';
import { OfferEligibility } from '../../src/offers/entities/offer-eligibility.entity';
import { OfferTheme } from '../../src/offers/entities/offer-theme.entity';
import { AssistanceType, Visibility } from '../../src/domain/enums';
import { newId } from '../../src/common/entity-id';
import { ENTITIES } from '../../src/app/entities';
import { cycleOfDate, defaultValidUntil } from '../../src/domain/reporting-cycles';

const WEST_AFRICA = ['NGA', 'GHA', 'SEN', 'MLI', 'CIV', 'BEN', 'TGO', 'NER', 'BFA', 'SLE'];
const ROWS_PER_INSERT = 200;

/** Opens a connection of the test's own to the database the app under test uses. */
export async function openDatabase(url: string): Promise<DataSource> {
  const dataSource = new DataSource(buildDataSourceOptions({ DATABASE_URL: url, usesPostgres: url.startsWith('postgres') }, ENTITIES));
  return dataSource.initialize();
}

/**
 * Writes many OPEN needs (West Africa, stockpile and marking) and OPEN offers (weapons and
 * ammunition management in West Africa) straight into the database, so a full run has real work.
 * Every need is eligible for every offer.
 */
export async function seedMarket(
  dataSource: DataSource,
  counts: { needs: number; offers: number },
  donorId: string,
  userId: string,
): Promise<void> {
  const publishedAt = new Date();
  const needs = Array.from({ length: counts.needs }, (_, index) =>
    Object.assign(new Need(), {
      id: newId(),
      countryIso3: WEST_AFRICA[index % WEST_AFRICA.length],
      title: `Bulk need ${index}`,
      description: 'Stockpile security and marking.',
      status: NeedStatus.OPEN,
      visibility: Visibility.DONORS,
      priority: 3,
      assistanceTypes: [AssistanceType.EQUIPMENT],
      estimatedBudgetUsd: 50_000 + (index % 97) * 5_000,
      fundedUsd: 0,
      startDate: null,
      endDate: null,
      nationalActionPlan: index % 3 === 0,
      baselineAssessment: index % 5 === 0,
      genderComponent: false,
      multiYear: index % 2 === 0,
      conflictAffected: index % 7 === 0,
      nationalReportId: null,
      sourceExcerpt: null,
      cycleYear: cycleOfDate(publishedAt).year,
      validUntil: defaultValidUntil(publishedAt),
      confirmedAt: publishedAt,
      createdBy: userId,
    }),
  );
  const offers = Array.from({ length: counts.offers }, (_, index) =>
    Object.assign(new Offer(), {
      id: newId(),
      donorId,
      title: `Bulk offer ${index}`,
      description: 'Weapons and ammunition management.',
      status: OfferStatus.OPEN,
      assistanceTypes: [AssistanceType.EQUIPMENT, AssistanceType.FINANCIAL],
      global: false,
      capacityUsd: 10_000_000,
      remainingCapacityUsd: 10_000_000,
      inKindQuantity: null,
      inKindUnit: null,
      minGrantUsd: null,
      maxGrantUsd: 20_000 + (index % 89) * 3_000,
      startDate: null,
      endDate: null,
      modality: null,
      requiresGenderComponent: false,
      conditions: null,
      createdBy: userId,
    }),
  );
  await insertInChunks(dataSource, Need, needs);
  await insertInChunks(
    dataSource,
    NeedTheme,
    needs.flatMap((need) => ['STOCKPILE_MANAGEMENT', 'MARKING'].map((themeCode) => ({ needId: need.id, themeCode }))),
  );
  await insertInChunks(dataSource, Offer, offers);
  await insertInChunks(
    dataSource,
    OfferTheme,
    offers.map((offer) => ({ offerId: offer.id, themeCode: 'WEAPONS_AMMUNITION_MANAGEMENT' })),
  );
  await insertInChunks(
    dataSource,
    OfferEligibility,
    offers.map((offer) => ({ offerId: offer.id, areaCode: '011' })),
  );
}

async function insertInChunks<T extends object>(dataSource: DataSource, entity: new () => T, rows: object[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await dataSource.getRepository(entity).insert(rows.slice(start, start + ROWS_PER_INSERT));
  }
}

/**
 * Seeds the market of an API the spec started as a process: the bulk donor is created and the first
 * ADMIN found through the API (`gql` sends as that ADMIN), and the rows go straight into its database,
 * through a connection of the spec's own that it returns.
 */
export async function seedMarketThroughApi(
  gql: (query: string) => Promise<Record<string, any>>,
  databaseUrl: string,
  counts: { needs: number; offers: number },
): Promise<DataSource> {
  const { createDonor } = await gql('mutation { createDonor(input: { name: "Bulk donor", kind: STATE }) { id } }');
  const { me } = await gql('{ me { id } }');
  const dataSource = await openDatabase(databaseUrl);
  await seedMarket(dataSource, counts, createDonor.id, me.id);
  return dataSource;
}
