import { errorCode, startTestApp, TestApp } from './support/test-app';
import { donorAccount, needInput, offerInput, stateAccount } from './support/fixtures';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('files and publishes a need, posts an offer, and lists both', async () => {
    const state = await stateAccount(t, 'NGA');
    const created = await t.gql(
      'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id status country { iso3 } themes { code } } }',
      { input: needInput() },
      state.token,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createNeed).toMatchObject({ status: 'DRAFT', country: { iso3: 'NGA' } });
    const published = await t.gql('mutation($id: ID!) { publishNeed(id: $id) { status } }', { id: created.data!.createNeed.id }, state.token);
    expect(published.data!.publishNeed.status).toBe('OPEN');

    const donor = await donorAccount(t);
    const offer = await t.gql('mutation($input: CreateOfferInput!) { createOffer(input: $input) { id remainingCapacityUsd } }', { input: offerInput() }, donor.token);
    expect(offer.errors).toBeUndefined();

    const needs = await t.gql('{ needs(filter: { region: "002" }) { totalCount edges { node { id title } } } }', {}, donor.token);
    expect(needs.data!.needs.totalCount).toBe(1);
    const offers = await t.gql('{ offers(filter: { region: "011" }) { totalCount } }', {}, state.token);
    expect(offers.errors).toBeUndefined();

    const bad = await t.gql('mutation($input: CreateNeedInput!) { createNeed(input: $input) { id } }', { input: needInput({ estimatedBudgetUsd: -5, themeCodes: ['NOPE'] }) }, state.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.fields![0].field).toBe('input.estimatedBudgetUsd');
  });
});
