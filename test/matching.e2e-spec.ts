import { badInputFields, donorAccount, secretariatAccount, stateAccount, UNKNOWN_ID, Account } from './support/fixtures';
import { eventually, listMatches, pairMatch, publishedNeed, publishedOffer } from './support/matching-helpers';
import { errorCode, startTestApp, TestApp } from './support/test-app';

/** Matching with the embedded in-process queue (no REDIS_URL): the API runs the jobs itself. */
describe('matching (in-process queue)', () => {
  let t: TestApp;
  let nigeria: Account;
  let kenya: Account;
  let donor: Account & { donorId: string };
  let otherDonor: Account & { donorId: string };
  let secretariat: Account;
  let needId: string;
  let offerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    nigeria = await stateAccount(t, 'NGA');
    kenya = await stateAccount(t, 'KEN');
    donor = await donorAccount(t, 'Matching Donor');
    otherDonor = await donorAccount(t, 'Other Donor');
    secretariat = await secretariatAccount(t);
    needId = await publishedNeed(t, nigeria.token, { visibility: 'PUBLIC' });
    offerId = await publishedOffer(t, donor.token);
  });

  afterAll(() => t.close());

  it('proposes a scored, explained match once a need and an offer are published', async () => {
    const match = await pairMatch(t, secretariat.token, needId, offerId, 'PROPOSED');
    expect(match.score).toBeGreaterThan(0.3);
    expect(match.score).toBeLessThanOrEqual(1);
    expect(match.explanation).toMatch(/covers 2 of 2 themes/);
    expect(match.explanation).toMatch(/Western Africa/);
    for (const factor of Object.values(match.breakdown)) {
      expect(factor).toBeGreaterThanOrEqual(0);
      expect(factor).toBeLessThanOrEqual(1);
    }
  });

  it('shows a match to the offer’s donor and the need’s state only', async () => {
    await pairMatch(t, secretariat.token, needId, offerId, 'PROPOSED');
    expect((await listMatches(t, donor.token)).map((match) => match.id)).toHaveLength(1);
    expect((await listMatches(t, nigeria.token)).map((match) => match.id)).toHaveLength(1);
    expect(await listMatches(t, otherDonor.token)).toEqual([]);
    expect(await listMatches(t, kenya.token)).toEqual([]);
    const anonymous = await t.gql('{ matches { totalCount } }');
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });

  it('lists need.matches for the need’s state, the offer’s donor and nobody else', async () => {
    await pairMatch(t, secretariat.token, needId, offerId, 'PROPOSED');
    const query = `query($id: ID!) { need(id: $id) { matches(first: 10) { totalCount edges { node { id score status offer { id title donor { name } } } } } } }`;
    const asState = await t.gql(query, { id: needId }, nigeria.token);
    expect(asState.data?.need.matches.totalCount).toBe(1);
    expect(asState.data?.need.matches.edges[0].node.offer).toMatchObject({ id: offerId, donor: { name: 'Matching Donor' } });
    const asDonor = await t.gql(query, { id: needId }, donor.token);
    expect(asDonor.data?.need.matches.totalCount).toBe(1);
    const asOtherDonor = await t.gql(query, { id: needId }, otherDonor.token);
    expect(asOtherDonor.data?.need.matches.totalCount).toBe(0);
    const asKenya = await t.gql(query, { id: needId }, kenya.token);
    expect(asKenya.data?.need.matches.totalCount).toBe(0);
    const anonymous = await t.gql(query, { id: needId });
    expect(anonymous.data?.need.matches.totalCount).toBe(0);
  });

  it('keeps matches of needs a donor may not see away from that donor', async () => {
    const hiddenNeed = await publishedNeed(t, nigeria.token, { title: 'Secretariat-only need', visibility: 'SECRETARIAT' });
    await pairMatch(t, secretariat.token, hiddenNeed, offerId, 'PROPOSED');
    const donorSees = await listMatches(t, donor.token, { offerId });
    expect(donorSees.map((match) => match.need.id)).not.toContain(hiddenNeed);
    expect(donorSees.map((match) => match.need.id)).toContain(needId);
  });

  it('rescores a need when it changes', async () => {
    const before = await pairMatch(t, secretariat.token, needId, offerId, 'PROPOSED');
    const updated = await t.gql(
      'mutation($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id } }',
      { id: needId, input: { themeCodes: ['STOCKPILE_MANAGEMENT', 'MARKING', 'BORDER_CUSTOMS'] } },
      nigeria.token,
    );
    expect(updated.errors).toBeUndefined();
    const after = await pairMatch(t, secretariat.token, needId, offerId, 'PROPOSED', (match) => match.score !== before.score);
    expect(after.id).toBe(before.id);
    expect(after.score).toBeLessThan(before.score);
    expect(after.explanation).toMatch(/covers 2 of 3 themes/);
  });

  it('supersedes the proposals of an offer that no longer fits, and proposes them again once it does', async () => {
    const need = await publishedNeed(t, nigeria.token, { title: 'Marking machines' });
    const offer = await publishedOffer(t, donor.token, { title: 'Marking support' });
    const proposed = await pairMatch(t, secretariat.token, need, offer, 'PROPOSED');
    const narrow = 'mutation($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }';
    expect((await t.gql(narrow, { id: offer, input: { themeCodes: ['LEGAL_FRAMEWORK'] } }, donor.token)).errors).toBeUndefined();
    expect((await pairMatch(t, secretariat.token, need, offer, 'SUPERSEDED')).id).toBe(proposed.id);
    expect(
      (await t.gql(narrow, { id: offer, input: { themeCodes: ['WEAPONS_AMMUNITION_MANAGEMENT'] } }, donor.token)).errors,
    ).toBeUndefined();
    expect((await pairMatch(t, secretariat.token, need, offer, 'PROPOSED')).id).toBe(proposed.id);
  });

  it('scores each need on its own flags and dates as stored', async () => {
    const flags = { nationalActionPlan: true, baselineAssessment: true, multiYear: true, conflictAffected: true };
    const flagged = await publishedNeed(t, nigeria.token, { title: 'Every flag set', ...flags });
    const plain = await publishedNeed(t, nigeria.token, { title: 'No flag set' });
    const tooLate = await publishedNeed(t, nigeria.token, {
      title: 'After the offer ends',
      startDate: '2031-01-01',
      endDate: '2032-12-31',
    });
    const factors = ({ ownership, baseline, multiYear, conflict }: Record<string, number>) => ({
      ownership,
      baseline,
      multiYear,
      conflict,
    });
    expect(factors((await pairMatch(t, secretariat.token, flagged, offerId, 'PROPOSED')).breakdown)).toEqual({
      ownership: 1,
      baseline: 1,
      multiYear: 1,
      conflict: 1,
    });
    expect(factors((await pairMatch(t, secretariat.token, plain, offerId, 'PROPOSED')).breakdown)).toEqual({
      ownership: 0,
      baseline: 0,
      multiYear: 0,
      conflict: 0,
    });

    // A full run reads every live need at once, by the same path as the jobs above.
    const started = await t.gql('mutation { startMatchingRun { id } }', {}, secretariat.token);
    await eventually(async () => {
      const result = await t.gql(
        'query($id: ID!) { matchingRun(id: $id) { status } }',
        { id: started.data?.startMatchingRun.id },
        secretariat.token,
      );
      return result.data?.matchingRun.status === 'SUCCEEDED' || undefined;
    });
    expect(factors((await pairMatch(t, secretariat.token, flagged, offerId, 'PROPOSED')).breakdown)).toEqual({
      ownership: 1,
      baseline: 1,
      multiYear: 1,
      conflict: 1,
    });
    expect(await listMatches(t, secretariat.token, { needId: tooLate })).toEqual([]);
  });

  it('supersedes the matches of a withdrawn need', async () => {
    const need = await publishedNeed(t, nigeria.token, { title: 'Soon withdrawn' });
    await pairMatch(t, secretariat.token, need, offerId, 'PROPOSED');
    const withdrawn = await t.gql(
      'mutation($id: ID!) { withdrawNeed(id: $id, reason: "Funded elsewhere") { id } }',
      { id: need },
      nigeria.token,
    );
    expect(withdrawn.errors).toBeUndefined();
    await pairMatch(t, secretariat.token, need, offerId, 'SUPERSEDED');
    const standing = await t.gql('query($id: ID!) { need(id: $id) { matches { totalCount } } }', { id: need }, secretariat.token);
    expect(standing.data?.need.matches.totalCount).toBe(0);
  });

  it('runs a full run for the Secretariat and records it', async () => {
    const started = await t.gql(
      'mutation($weights: MatchingWeightsInput) { startMatchingRun(weights: $weights) { id status } }',
      { weights: { theme: 0.5, region: 0.1 } },
      secretariat.token,
    );
    expect(started.data?.startMatchingRun.status).toBe('QUEUED');
    const runQuery = `query($id: ID!) { matchingRun(id: $id) { id status pairsScored matchesUpserted startedAt finishedAt error weights { theme region capacity } } }`;
    const run = await eventually(async () => {
      const result = await t.gql(runQuery, { id: started.data?.startMatchingRun.id }, secretariat.token);
      return result.data?.matchingRun.status === 'SUCCEEDED' ? result.data.matchingRun : undefined;
    });
    expect(run).toMatchObject({ error: null, weights: { theme: 0.5, region: 0.1, capacity: 0.2 } });
    expect(run.pairsScored).toBeGreaterThanOrEqual(2);
    expect(run.matchesUpserted).toBeGreaterThanOrEqual(2);
    expect(new Date(run.finishedAt).getTime()).toBeGreaterThanOrEqual(new Date(run.startedAt).getTime());
    const all = await listMatches(t, secretariat.token, { status: ['PROPOSED'] });
    expect(all.every((match, index) => index === 0 || all[index - 1].score >= match.score)).toBe(true);
  });

  it('lets only the Secretariat start runs', async () => {
    const attempt = await t.gql('mutation { startMatchingRun { id } }', {}, donor.token);
    expect(errorCode(attempt)).toBe('FORBIDDEN');
  });

  it('shows the Secretariat the queue in this process, and nobody else', async () => {
    const JOB_QUEUE =
      'query($first: Int) { jobQueue { driver pendingHandOver counts { waiting active delayed failed } failedJobs(first: $first) { id } } }';
    const status = await eventually(async () => {
      const { data } = await t.gql(JOB_QUEUE, {}, secretariat.token);
      return data?.jobQueue.pendingHandOver === 0 && data.jobQueue.counts.waiting === 0 ? data.jobQueue : undefined;
    });
    expect(status).toEqual({
      driver: 'IN_PROCESS',
      pendingHandOver: 0,
      counts: { waiting: 0, active: 0, delayed: 0, failed: 0 },
      failedJobs: [],
    });
    for (const account of [nigeria, donor]) expect(errorCode(await t.gql(JOB_QUEUE, {}, account.token))).toBe('FORBIDDEN');
    const tooMany = await t.gql(JOB_QUEUE, { first: 101 }, secretariat.token);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'first' })],
    });
  });

  it.each([
    ['a negative weight', { theme: -1 }],
    ['all weights zero', { theme: 0, region: 0, capacity: 0, ownership: 0, gender: 0, baseline: 0, multiYear: 0, conflict: 0 }],
    ['a weight that is not a number', { theme: 'NaN' }],
  ])('refuses %s with BAD_USER_INPUT naming the weights', async (_, weights) => {
    const attempt = await t.gql(
      'mutation($weights: MatchingWeightsInput) { startMatchingRun(weights: $weights) { id } }',
      { weights },
      secretariat.token,
    );
    expect(errorCode(attempt)).toBe('BAD_USER_INPUT');
    expect(attempt.errors?.[0]?.extensions?.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: expect.stringMatching(/^weights/) })]),
    );
  });
});

describe('matching: filtering and paging the list of matches', () => {
  let t: TestApp;
  let secretariat: Account;
  let kenya: Account;
  let donor: Account & { donorId: string };
  let otherDonor: Account & { donorId: string };
  let nigeriaNeed: string;
  let kenyaNeed: string;
  let africaOffer: string;
  let westAfricaOffer: string;

  const LIST = `query($filter: MatchFilter, $first: Int, $after: String) {
    matches(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id score need { id } offer { id } } }
    }
  }`;
  interface Page {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; score: number; need: { id: string }; offer: { id: string } } }[];
  }
  const page = async (token: string, filter: Record<string, unknown> = {}, first = 20, after?: string): Promise<Page> => {
    const result = await t.gql<{ matches: Page }>(LIST, { filter, first, after }, token);
    if (!result.data) throw new Error(`matches failed: ${JSON.stringify(result.errors)}`);
    return result.data.matches;
  };
  const pairsOf = (listed: Page) => listed.edges.map(({ node }) => `${node.need.id}/${node.offer.id}`).sort();

  beforeAll(async () => {
    t = await startTestApp();
    secretariat = await secretariatAccount(t);
    const nigeria = await stateAccount(t, 'NGA');
    kenya = await stateAccount(t, 'KEN');
    donor = await donorAccount(t, 'Africa Donor');
    otherDonor = await donorAccount(t, 'West Africa Donor');
    nigeriaNeed = await publishedNeed(t, nigeria.token, { visibility: 'PUBLIC' });
    kenyaNeed = await publishedNeed(t, kenya.token, { visibility: 'PUBLIC', themeCodes: ['MARKING'] });
    // Africa (M49 002) takes in both states; Western Africa (011) Nigeria only.
    africaOffer = await publishedOffer(t, donor.token, { eligibleRegionCodes: ['002'] });
    westAfricaOffer = await publishedOffer(t, otherDonor.token);
    for (const [need, offer] of [
      [nigeriaNeed, africaOffer],
      [kenyaNeed, africaOffer],
      [nigeriaNeed, westAfricaOffer],
    ]) {
      await pairMatch(t, secretariat.token, need, offer, 'PROPOSED');
    }
  });

  afterAll(() => t.close());

  it('refuses a country or donor the filter names that does not exist, naming the field', async () => {
    const refused = async (filter: Record<string, unknown>) => badInputFields(await t.gql(LIST, { filter }, secretariat.token));
    expect(await refused({ countryIso3: 'ZZZ' })).toEqual(['filter.countryIso3']);
    expect(await refused({ donorId: UNKNOWN_ID })).toEqual(['filter.donorId']);
    expect((await page(secretariat.token, { countryIso3: 'nga', donorId: donor.donorId })).totalCount).toBeGreaterThan(0);
  });

  it('lists every match for the Secretariat, best first, and narrows by need country, region, theme, offer, donor, status and score', async () => {
    const all = await page(secretariat.token);
    expect(all.totalCount).toBe(3);
    const scores = all.edges.map(({ node }) => node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    expect(pairsOf(await page(secretariat.token, { countryIso3: 'nga' }))).toEqual(
      [`${nigeriaNeed}/${africaOffer}`, `${nigeriaNeed}/${westAfricaOffer}`].sort(),
    );
    expect(pairsOf(await page(secretariat.token, { region: '014' }))).toEqual([`${kenyaNeed}/${africaOffer}`]);
    expect((await page(secretariat.token, { themeCodes: ['MARKING'] })).totalCount).toBe(3);
    expect((await page(secretariat.token, { themeCodes: ['STOCKPILE_MANAGEMENT'] })).totalCount).toBe(2);
    expect((await page(secretariat.token, { offerId: africaOffer, countryIso3: 'KEN' })).totalCount).toBe(1);
    expect((await page(secretariat.token, { status: ['APPROVED'] })).totalCount).toBe(0);
    expect(pairsOf(await page(secretariat.token, { donorId: donor.donorId }))).toEqual(
      [`${nigeriaNeed}/${africaOffer}`, `${kenyaNeed}/${africaOffer}`].sort(),
    );
    expect(pairsOf(await page(secretariat.token, { donorId: otherDonor.donorId, countryIso3: 'NGA' }))).toEqual([
      `${nigeriaNeed}/${westAfricaOffer}`,
    ]);
    expect((await page(secretariat.token, { donorId: otherDonor.donorId, countryIso3: 'KEN' })).totalCount).toBe(0);
    const best = scores.filter((score) => score === scores[0]);
    expect(best.length).toBeLessThan(3);
    expect((await page(secretariat.token, { minScore: scores[0] })).edges.map(({ node }) => node.score)).toEqual(best);
  });

  it('pages with a cursor and counts the whole list on every page', async () => {
    const first = await page(secretariat.token, {}, 2);
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(first.edges).toHaveLength(2);
    const second = await page(secretariat.token, {}, 2, first.pageInfo.endCursor!);
    expect(second).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    expect(second.edges).toHaveLength(1);
    const listed = [...first.edges, ...second.edges].map(({ node }) => node.id);
    expect(new Set(listed).size).toBe(3);
    // A page that holds the whole list exactly, and a page past its end, still count it all.
    expect(await page(secretariat.token, {}, 3)).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    const beyond = await page(secretariat.token, {}, 2, second.pageInfo.endCursor!);
    expect(beyond).toMatchObject({ totalCount: 3, edges: [], pageInfo: { hasNextPage: false } });
  });

  it('counts only what each state and donor may see', async () => {
    expect(pairsOf(await page(kenya.token))).toEqual([`${kenyaNeed}/${africaOffer}`]);
    expect((await page(kenya.token, { countryIso3: 'NGA' })).totalCount).toBe(0);
    expect(pairsOf(await page(donor.token))).toEqual([`${nigeriaNeed}/${africaOffer}`, `${kenyaNeed}/${africaOffer}`].sort());
    expect((await page(donor.token, { offerId: westAfricaOffer })).totalCount).toBe(0);
    expect((await page(donor.token, { donorId: otherDonor.donorId })).totalCount).toBe(0);
    expect(pairsOf(await page(otherDonor.token))).toEqual([`${nigeriaNeed}/${westAfricaOffer}`]);
  });
});

describe('matching: a full run scored in a thread of its own', () => {
  let t: TestApp;
  let secretariat: Account;

  beforeAll(async () => {
    // A thread for every full run, however small the market, as for 1,000,000 pairs and more by default.
    t = await startTestApp({ MATCH_SCORING_THREAD_FROM_PAIRS: '0' });
    secretariat = await secretariatAccount(t);
    const nigeria = await stateAccount(t, 'NGA');
    const kenya = await stateAccount(t, 'KEN');
    const africaDonor = await donorAccount(t, 'Africa Donor');
    const westAfricaDonor = await donorAccount(t, 'West Africa Donor');
    const nigeriaNeed = await publishedNeed(t, nigeria.token, { visibility: 'PUBLIC' });
    const kenyaNeed = await publishedNeed(t, kenya.token, { visibility: 'PUBLIC', themeCodes: ['MARKING'] });
    const africaOffer = await publishedOffer(t, africaDonor.token, { eligibleRegionCodes: ['002'] });
    const westAfricaOffer = await publishedOffer(t, westAfricaDonor.token);
    for (const [need, offer] of [
      [nigeriaNeed, africaOffer],
      [kenyaNeed, africaOffer],
      [nigeriaNeed, westAfricaOffer],
    ]) {
      await pairMatch(t, secretariat.token, need, offer, 'PROPOSED');
    }
  });

  afterAll(() => t.close());

  it('stores what rescoring each need stored, under the same ids, and records the run', async () => {
    const proposals = async () =>
      (await listMatches(t, secretariat.token, { status: ['PROPOSED'] }))
        .map(({ id, score, explanation, breakdown, need, offer }) => ({
          id,
          score,
          explanation,
          breakdown,
          pair: `${need.id}/${offer.id}`,
        }))
        .sort((a, b) => a.pair.localeCompare(b.pair));
    const before = await proposals();
    const started = await t.gql('mutation { startMatchingRun { id } }', {}, secretariat.token);
    const run = await eventually(async () => {
      const result = await t.gql(
        'query($id: ID!) { matchingRun(id: $id) { status pairsScored matchesUpserted error } }',
        { id: started.data?.startMatchingRun.id },
        secretariat.token,
      );
      return ['SUCCEEDED', 'FAILED'].includes(result.data?.matchingRun.status) ? result.data?.matchingRun : undefined;
    });
    expect(run).toEqual({ status: 'SUCCEEDED', pairsScored: 3, matchesUpserted: 3, error: null });
    expect(before).toHaveLength(3);
    expect(await proposals()).toEqual(before);
  });
});

describe('matching: why a pair fits', () => {
  let t: TestApp;
  let state: Account;
  let donor: Account;
  let secretariat: Account;

  beforeAll(async () => {
    t = await startTestApp();
    state = await stateAccount(t, 'NGA');
    donor = await donorAccount(t, 'Reasons Donor');
    secretariat = await secretariatAccount(t);
  });

  afterAll(() => t.close());

  it('gives the reasons a match fits as codes and figures, without the share of the gap once the need is funded, and none once the offer no longer reaches the country', async () => {
    const need = await publishedNeed(t, state.token, {
      title: 'Marking and a baseline',
      themeCodes: ['LEGISLATION', 'MARKING', 'TRACING'],
      baselineAssessment: true,
    });
    const offer = await publishedOffer(t, donor.token, {
      title: 'Law and tracing support',
      themeCodes: ['LEGISLATION', 'WEAPONS_AMMUNITION_MANAGEMENT'],
      eligibleRegionCodes: ['011'],
      maxGrantUsd: 125000,
    });
    await pairMatch(t, secretariat.token, need, offer, 'PROPOSED');
    const query = `query($filter: MatchFilter) { matches(filter: $filter) { edges { node { explanation reasons {
      themeCount themesNamed themesThroughGroups { groupCode themeCodes } eligibleAs eligibleArea { code name }
      capacityShare unfundedUsd facts } } } } }`;
    const reasonsOf = async (token: string) => {
      const result = await t.gql(query, { filter: { needId: need, offerId: offer } }, token);
      expect(result.errors).toBeUndefined();
      return result.data?.matches.edges[0].node;
    };
    const asState = await reasonsOf(state.token);
    expect(asState.reasons).toEqual({
      themeCount: 3,
      themesNamed: ['LEGISLATION'],
      themesThroughGroups: [{ groupCode: 'WEAPONS_AMMUNITION_MANAGEMENT', themeCodes: ['MARKING', 'TRACING'] }],
      eligibleAs: 'INTERMEDIATE_REGION',
      eligibleArea: { code: '011', name: 'Western Africa' },
      capacityShare: 0.5,
      unfundedUsd: 250000,
      facts: ['BASELINE_ASSESSMENT'],
    });
    expect(asState.explanation).toMatch(
      /^covers 3 of 3 themes .*can fund 50% of the remaining USD 250,000; also: baseline assessment done$/,
    );
    expect((await reasonsOf(donor.token)).reasons).toEqual(asState.reasons);

    const funded = await t.gql(
      'mutation($input: RecordOtherFundingInput!) { recordOtherFunding(input: $input) { status } }',
      { input: { needId: need, amountUsd: 250000, fundedOn: '2026-11-30', funderName: 'Ministry of Interior' } },
      state.token,
    );
    expect(funded.data?.recordOtherFunding.status).toBe('FUNDED');
    await pairMatch(t, secretariat.token, need, offer, 'SUPERSEDED');
    // Still explained, but with nothing left to fund a grant's share of the gap no longer applies.
    expect((await reasonsOf(secretariat.token)).reasons).toEqual({ ...asState.reasons, capacityShare: null, unfundedUsd: 0 });

    const narrowed = await t.gql(
      'mutation($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }',
      { id: offer, input: { eligibleRegionCodes: ['014'] } },
      donor.token,
    );
    expect(narrowed.errors).toBeUndefined();
    expect((await reasonsOf(secretariat.token)).reasons).toBeNull();
  });

  it('leaves the share of the gap out once the need is withdrawn, though its gap remains', async () => {
    const need = await publishedNeed(t, state.token, { title: 'Stockpile survey', themeCodes: ['LEGISLATION'] });
    const offer = await publishedOffer(t, donor.token, { title: 'Survey support', themeCodes: ['LEGISLATION'], maxGrantUsd: 125000 });
    await pairMatch(t, secretariat.token, need, offer, 'PROPOSED');
    const query = `query($filter: MatchFilter) { matches(filter: $filter) { edges { node { status reasons { capacityShare unfundedUsd } } } } }`;
    const matchOf = async () => {
      const result = await t.gql(query, { filter: { needId: need, offerId: offer } }, secretariat.token);
      expect(result.errors).toBeUndefined();
      return result.data?.matches.edges[0]?.node;
    };
    expect((await matchOf()).reasons).toEqual({ capacityShare: 0.5, unfundedUsd: 250000 });

    const withdrawn = await t.gql(
      'mutation($id: ID!) { withdrawNeed(id: $id, reason: "Funded by the ministry") { status } }',
      { id: need },
      state.token,
    );
    expect(withdrawn.data?.withdrawNeed.status).toBe('WITHDRAWN');
    const afterwards = await eventually(
      async () => {
        const match = await matchOf();
        return match && match.status !== 'PROPOSED' ? match : undefined;
      },
      undefined,
      'the match of the withdrawn need',
    );
    expect(afterwards.reasons).toEqual({ capacityShare: null, unfundedUsd: 250000 });
  });
});
