import { DataSource, ObjectLiteral, QueryRunner } from 'typeorm';
import { Donor } from '../src/accounts/entities/donor.entity';
import { User } from '../src/accounts/entities/user.entity';
import { entitiesOf, rowsByIds } from '../src/database/rows-by-id';
import { Match } from '../src/matching/entities/match.entity';
import { Need } from '../src/needs/entities/need.entity';
import { Offer } from '../src/offers/entities/offer.entity';
import { Account, donorAccount, secretariatAccount, stateAccount } from './support/fixtures';
import { eventually, listMatches, publishedNeed, publishedOffer } from './support/matching-helpers';
import { startTestApp, TestApp } from './support/test-app';

/** A page of needs, each with its matches and their offers (the depth limit allows no more). */
const NEEDS_WITH_MATCHES = `query($first: Int) {
  needs(first: $first) {
    edges { node { id nationalReport { id } matches(first: 10) { edges { node { id offer { id title } } } } } }
  }
}`;

/** A page of matches with the records behind them. */
const MATCHES_WITH_PARTIES = `query($first: Int) {
  matches(first: $first) {
    edges { node { id need { id title nationalReport { id } } offer { id title donor { name } } } }
  }
}`;

/**
 * A page of matches with the themes and eligibility of their needs and offers, which the page itself
 * loads without, and the reasons each pair fits, read from those same rows.
 */
const MATCHES_WITH_LINKS = `query($first: Int) {
  matches(first: $first) {
    edges { node { id need { themes { code } } offer { themes { code } eligibleRegions { code } eligibleCountries { iso3 } }
      reasons { themeCount themesNamed themesThroughGroups { groupCode themeCodes } eligibleAs eligibleArea { code } } } }
  }
}`;

/** Tables the field resolvers read; the outbox relay's polling touches none of them. */
const FIELD_TABLES = /\b(matches|offers|donors|national_reports|users)\b/i;

describe('field resolvers load in batches (no query per parent)', () => {
  let t: TestApp;
  let secretariat: Account;
  let sqlSeen: string[] = [];
  let restore: () => void;

  beforeAll(async () => {
    t = await startTestApp({ MATCH_MIN_SCORE: '0' });
    secretariat = await secretariatAccount(t);
    const nigeria = await stateAccount(t, 'NGA');
    const donors = [await donorAccount(t, 'Batch Donor A'), await donorAccount(t, 'Batch Donor B'), await donorAccount(t, 'Batch Donor C')];
    for (const donor of donors) await publishedOffer(t, donor.token, { eligibleRegionCodes: ['002'] });
    const needIds: string[] = [];
    for (let index = 0; index < 8; index++)
      needIds.push(await publishedNeed(t, nigeria.token, { title: `Armoury security project ${index}` }));
    await eventually(
      async () => ((await listMatches(t, secretariat.token)).length >= needIds.length * donors.length ? true : undefined),
      30_000,
      'every pair to be matched',
    );

    // Count the SQL statements the application sends through its query runners.
    const runner: QueryRunner = t.app.get(DataSource).createQueryRunner();
    const prototype = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
    await runner.release();
    const query = prototype.query;
    prototype.query = function (this: unknown, ...args: unknown[]) {
      if (typeof args[0] === 'string' && FIELD_TABLES.test(args[0])) sqlSeen.push(args[0]);
      return query.apply(this, args);
    };
    restore = () => {
      prototype.query = query;
    };
  });

  afterAll(async () => {
    restore?.();
    await t.close();
  });

  async function statementsFor(query: string, first: number, list: 'needs' | 'matches'): Promise<number> {
    sqlSeen = [];
    const result = await t.gql(query, { first }, secretariat.token);
    expect(result.errors).toBeUndefined();
    const nodes = result.data![list].edges.map((edge: { node: unknown }) => edge.node);
    expect(nodes).toHaveLength(first);
    if (list === 'needs') for (const need of nodes) expect(need.matches.edges).toHaveLength(3);
    return sqlSeen.length;
  }

  it('shows the themes and eligibility of a page of matches’ needs and offers, and why each pair fits, loaded in batches', async () => {
    const themesAndEligibility = async (first: number) => {
      sqlSeen = [];
      const result = await t.gql(MATCHES_WITH_LINKS, { first }, secretariat.token);
      expect(result.errors).toBeUndefined();
      return { statements: sqlSeen.length, nodes: result.data!.matches.edges.map((edge: { node: unknown }) => edge.node) };
    };
    const forThree = await themesAndEligibility(3);
    const forTwentyThree = await themesAndEligibility(23);
    expect(forTwentyThree.statements).toBe(forThree.statements);
    expect(forTwentyThree.nodes).toHaveLength(23);
    for (const node of forTwentyThree.nodes) {
      expect(node.need.themes.map((theme: { code: string }) => theme.code).sort()).toEqual(['MARKING', 'STOCKPILE_MANAGEMENT']);
      expect(node.offer).toEqual({
        themes: [{ code: 'WEAPONS_AMMUNITION_MANAGEMENT' }],
        eligibleRegions: [{ code: '002' }],
        eligibleCountries: [],
      });
      expect(node.reasons).toEqual({
        themeCount: 2,
        themesNamed: [],
        themesThroughGroups: [{ groupCode: 'WEAPONS_AMMUNITION_MANAGEMENT', themeCodes: ['STOCKPILE_MANAGEMENT', 'MARKING'] }],
        eligibleAs: 'REGION',
        eligibleArea: { code: '002' },
      });
    }
  });

  it('sends as many statements for eight needs with their matches as for two', async () => {
    const forTwo = await statementsFor(NEEDS_WITH_MATCHES, 2, 'needs');
    const forEight = await statementsFor(NEEDS_WITH_MATCHES, 8, 'needs');
    expect(forTwo).toBeGreaterThan(0);
    expect(forEight).toBe(forTwo);
  });

  // Both pages leave matches unread, so both are counted; a page holding the whole list is not.
  it('sends as many statements for twenty-three matches with their needs, offers and donors as for three', async () => {
    const forThree = await statementsFor(MATCHES_WITH_PARTIES, 3, 'matches');
    const forTwentyThree = await statementsFor(MATCHES_WITH_PARTIES, 23, 'matches');
    expect(forThree).toBeGreaterThan(0);
    expect(forTwentyThree).toBe(forThree);
    expect(await statementsFor(MATCHES_WITH_PARTIES, 24, 'matches')).toBe(forThree - 1);
  });

  it('loads by id exactly the records that TypeORM finds', async () => {
    const dataSource = t.app.get(DataSource);
    for (const entity of [Need, Offer, Match, User, Donor]) {
      const found = await dataSource.getRepository<ObjectLiteral>(entity).find();
      expect(found.length).toBeGreaterThan(0);
      const loaded = await rowsByIds(dataSource, entity, [...found.map((record) => String(record.id)), 'no-such-id']);
      expect(loaded.size).toBe(found.length);
      for (const record of found) {
        expect(loaded.get(String(record.id))).toEqual(record);
        expect(loaded.get(String(record.id))).toBeInstanceOf(entity);
      }
    }
  });

  it('reads a query builder’s entities exactly as getMany does', async () => {
    const dataSource = t.app.get(DataSource);
    for (const entity of [Need, Offer, Match, User, Donor]) {
      const query = dataSource.getRepository<ObjectLiteral>(entity).createQueryBuilder('row').orderBy('row.id', 'DESC').limit(50);
      const found = await query.getMany();
      expect(found.length).toBeGreaterThan(0);
      const read = await entitiesOf(query.clone());
      expect(read).toEqual(found);
      for (const record of read) expect(record).toBeInstanceOf(entity);
    }
  });
});
