import { Account, dataOf, donorAccount, secretariatAccount, stateAccount } from './support/fixtures';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const RUNS = `query($first: Int, $after: String) {
  matchingRuns(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id status createdAt startedBy { email } weights { theme region capacity ownership gender baseline multiYear conflict } } }
  }
}`;

const PLANS = `query($first: Int, $after: String) {
  allocationPlans(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id status createdAt options { minRegionShare timeLimitSeconds } } }
  }
}`;

const DEFAULTS = '{ defaultMatchingWeights { theme region capacity ownership gender baseline multiYear conflict } }';

interface Listed {
  id: string;
  createdAt: string;
}

/** Pages through a whole list two at a time, as the console's "Next page" does. */
async function everyPage(
  t: TestApp,
  query: string,
  field: string,
  token: string,
): Promise<{ nodes: Listed[]; pages: number; totalCount: number }> {
  const nodes: Listed[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Listed }[] } = dataOf(
      await t.gql(query, { first: 2, after }, token),
    )[field];
    pages += 1;
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return { nodes, pages, totalCount: page.totalCount };
    after = page.pageInfo.endCursor;
  }
}

const newestFirst = (nodes: Listed[]) =>
  nodes.every((node, index) => index === 0 || Date.parse(nodes[index - 1].createdAt) >= Date.parse(node.createdAt));

describe('matchingRuns, allocationPlans and defaultMatchingWeights: what the Secretariat started, newest first', () => {
  let t: TestApp;
  let secretariat: Account;
  let state: Account;
  let donor: Account;
  let defaultRunId: string;

  beforeAll(async () => {
    t = await startTestApp();
    secretariat = await secretariatAccount(t);
    state = await stateAccount(t, 'NGA');
    donor = await donorAccount(t);
  });
  afterAll(() => t.close());

  it('gives the default weights a run scores with when it is given none', async () => {
    const { defaultMatchingWeights } = dataOf(await t.gql(DEFAULTS, {}, secretariat.token));
    const started = dataOf(
      await t.gql(
        'mutation { startMatchingRun { id weights { theme region capacity ownership gender baseline multiYear conflict } } }',
        {},
        secretariat.token,
      ),
    );
    defaultRunId = started.startMatchingRun.id;
    expect(defaultMatchingWeights).toEqual(started.startMatchingRun.weights);
    expect(defaultMatchingWeights).toEqual({
      theme: 0.3,
      region: 0.2,
      capacity: 0.2,
      ownership: 0.1,
      gender: 0.05,
      baseline: 0.05,
      multiYear: 0.05,
      conflict: 0.05,
    });
  });

  it('lists every run once, newest first, with who started it and its weights', async () => {
    const weights = [{ theme: 1 }, { region: 2 }, { capacity: 3 }];
    const ids: string[] = [];
    for (const given of weights) {
      const started = dataOf(
        await t.gql(
          'mutation($weights: MatchingWeightsInput) { startMatchingRun(weights: $weights) { id } }',
          { weights: given },
          secretariat.token,
        ),
      );
      ids.push(started.startMatchingRun.id);
    }
    const { nodes, pages, totalCount } = await everyPage(t, RUNS, 'matchingRuns', t.adminToken);
    expect(totalCount).toBe(4);
    expect(pages).toBe(2);
    expect(nodes.map((node) => node.id).sort()).toEqual([defaultRunId, ...ids].sort());
    expect(newestFirst(nodes)).toBe(true);
    const third = nodes.find((node) => node.id === ids[2]) as unknown as { startedBy: { email: string }; weights: Record<string, number> };
    expect(third.startedBy.email).toBe(secretariat.email);
    expect(third.weights).toMatchObject({ capacity: 3, theme: 0.3 });
  });

  it('lists every allocation plan once, newest first, with its options', async () => {
    const ids: string[] = [];
    for (const minRegionShare of [0.1, 0.2, 0.3]) {
      const proposed = dataOf(
        await t.gql(
          'mutation($input: ProposeAllocationInput) { proposeAllocation(input: $input) { id } }',
          { input: { minRegionShare } },
          secretariat.token,
        ),
      );
      ids.push(proposed.proposeAllocation.id);
    }
    const { nodes, pages, totalCount } = await everyPage(t, PLANS, 'allocationPlans', secretariat.token);
    expect(totalCount).toBe(3);
    expect(pages).toBe(2);
    expect(nodes.map((node) => node.id).sort()).toEqual([...ids].sort());
    expect(newestFirst(nodes)).toBe(true);
    expect(nodes.find((node) => node.id === ids[1])).toMatchObject({ options: { minRegionShare: 0.2, timeLimitSeconds: 30 } });
  });

  it('is for the Secretariat and the ADMIN alone', async () => {
    for (const query of [RUNS, PLANS, DEFAULTS]) {
      for (const token of [state.token, donor.token]) expect(errorCode(await t.gql(query, {}, token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(query, {}))).toBe('UNAUTHENTICATED');
    }
  });
});
