import { DataSource } from 'typeorm';
import { Match } from '../src/matching/entities/match.entity';
import { MatchStatus } from '../src/domain/statuses';
import { Need } from '../src/needs/entities/need.entity';
import { OtherFunding } from '../src/needs/entities/other-funding.entity';
import { engineIdle, pairMatch, publishedNeed, publishedOffer } from './support/matching-helpers';
import { errorCode, startTestApp, TestApp } from './support/test-app';
import {
  Account,
  auditTrail,
  badInputFields,
  contractOperation,
  dataOf,
  donorAccount,
  needInput,
  secretariatAccount,
  stateAccount,
} from './support/fixtures';

const RECORD = `mutation($input: RecordOtherFundingInput!) {
  recordOtherFunding(input: $input) {
    id status fundedUsd fundedElsewhereUsd fundingGapUsd
    otherFunding { funderName amountUsd fundedOn note recordedAt }
  }
}`;
const NEED = `query($id: ID!) {
  need(id: $id) { id status estimatedBudgetUsd fundedUsd fundedElsewhereUsd fundingGapUsd otherFunding { funderName amountUsd fundedOn note } }
}`;

interface NeedView {
  id: string;
  status: string;
  fundedUsd: number;
  fundedElsewhereUsd: number;
  fundingGapUsd: number;
  otherFunding: { funderName: string; amountUsd: number; fundedOn: string; note: string | null; recordedAt?: string }[];
}

describe('funding from elsewhere: recorded by the state or the Secretariat, shrinking the gap that matching and allocation use', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let secretariat: Account;
  let nigeria: Account;
  let ghana: Account;
  let donor: Account & { donorId: string };

  beforeAll(async () => {
    // Every compatible pair stays proposed, so rescoring changes scores and never drops the pair.
    t = await startTestApp({ MATCH_TOP_K: '1000', MATCH_MIN_SCORE: '0' });
    dataSource = t.app.get(DataSource);
    secretariat = await secretariatAccount(t);
    nigeria = await stateAccount(t, 'NGA');
    ghana = await stateAccount(t, 'GHA');
    donor = await donorAccount(t);
  });
  afterAll(() => t.close());

  const record = (token: string, input: Record<string, unknown>) =>
    t.gql<{ recordOtherFunding: NeedView }>(
      RECORD,
      {
        input: { funderName: 'European Union', amountUsd: 100000, fundedOn: '2026-11-15', ...input },
      },
      token,
    );
  const needRow = (id: string) => dataSource.getRepository(Need).findOneByOrFail({ id });
  const fundingRows = (needId: string) => dataSource.getRepository(OtherFunding).countBy({ needId });

  it('lets a state record funding from elsewhere for its own need: the gap shrinks, the change is audited and donors see it', async () => {
    const needId = await publishedNeed(t, nigeria.token, { estimatedBudgetUsd: 250000 });

    const { recordOtherFunding } = dataOf(
      await record(nigeria.token, { needId, note: '  EU SALW project ref. 2026/123  ', funderName: '  European Union ' }),
    );

    expect(recordOtherFunding).toMatchObject({
      id: needId,
      status: 'PARTLY_FUNDED',
      fundedUsd: 0,
      fundedElsewhereUsd: 100000,
      fundingGapUsd: 150000,
      otherFunding: [{ funderName: 'European Union', amountUsd: 100000, fundedOn: '2026-11-15', note: 'EU SALW project ref. 2026/123' }],
    });
    expect(recordOtherFunding.otherFunding[0].recordedAt).toEqual(expect.any(String));
    expect(await needRow(needId)).toMatchObject({ fundedElsewhereUsd: 100000, fundedUsd: 0, status: 'PARTLY_FUNDED' });

    const [event] = (await auditTrail(t, needId)).filter((entry) => entry.action === 'need.recordOtherFunding');
    expect(event).toMatchObject({
      entityType: 'Need',
      actor: { id: nigeria.id, role: 'STATE' },
      detail: {
        funderName: 'European Union',
        amountUsd: 100000,
        fundedOn: '2026-11-15',
        fundedElsewhereUsdBefore: 0,
        fundedElsewhereUsdAfter: 100000,
        statusBefore: 'OPEN',
        statusAfter: 'PARTLY_FUNDED',
      },
    });

    const { need } = dataOf(await t.gql<{ need: NeedView }>(NEED, { id: needId }, donor.token));
    expect(need).toMatchObject({
      fundedElsewhereUsd: 100000,
      fundingGapUsd: 150000,
      otherFunding: [{ funderName: 'European Union', amountUsd: 100000 }],
    });
  });

  it('lets the Secretariat record it for any state, and adds up several sources', async () => {
    const needId = await publishedNeed(t, nigeria.token, { estimatedBudgetUsd: 250000 });
    dataOf(await record(nigeria.token, { needId, amountUsd: 50000 }));

    const { recordOtherFunding } = dataOf(await record(secretariat.token, { needId, funderName: 'UNSCAR', amountUsd: 70000 }));

    expect(recordOtherFunding).toMatchObject({ fundedElsewhereUsd: 120000, fundingGapUsd: 130000 });
    expect(recordOtherFunding.otherFunding.map((funding) => funding.funderName)).toEqual(['European Union', 'UNSCAR']);
  });

  it('refuses another state, as if the need did not exist, and a donor; nothing changes', async () => {
    const needId = await publishedNeed(t, nigeria.token);

    expect(errorCode(await record(ghana.token, { needId }))).toBe('NOT_FOUND');
    expect(errorCode(await record(donor.token, { needId }))).toBe('FORBIDDEN');

    expect(await needRow(needId)).toMatchObject({ fundedElsewhereUsd: 0, status: 'OPEN' });
    expect(await fundingRows(needId)).toBe(0);
  });

  it('refuses an amount above the gap, zero, negative or fractional, and a blank funder, naming the field; nothing changes', async () => {
    const needId = await publishedNeed(t, nigeria.token, { estimatedBudgetUsd: 250000 });
    dataOf(await record(nigeria.token, { needId, amountUsd: 200000 }));

    const aboveGap = await record(nigeria.token, { needId, amountUsd: 50001 });
    expect(badInputFields(aboveGap)).toEqual(['input.amountUsd']);
    expect(aboveGap.errors![0].message).toMatch(/lacks only USD 50000/);
    for (const amountUsd of [0, -100, 12.5]) {
      expect(badInputFields(await record(nigeria.token, { needId, amountUsd }))).toContain('input.amountUsd');
    }
    expect(badInputFields(await record(nigeria.token, { needId, funderName: '   ' }))).toEqual(['input.funderName']);

    expect(await needRow(needId)).toMatchObject({ fundedElsewhereUsd: 200000, status: 'PARTLY_FUNDED' });
    expect(await fundingRows(needId)).toBe(1);
  });

  it('refuses to withdraw a need funded in part from elsewhere, saying so; the need stays as it was', async () => {
    const needId = await publishedNeed(t, nigeria.token, { estimatedBudgetUsd: 250000 });
    dataOf(await record(nigeria.token, { needId }));
    const withdrawal = await t.gql(
      'mutation($id: ID!) { withdrawNeed(id: $id, reason: "Covered by the EU") { status } }',
      { id: needId },
      nigeria.token,
    );
    expect(errorCode(withdrawal)).toBe('CONFLICT');
    expect(withdrawal.errors![0].message).toMatch(/funding recorded from other sources/);
    expect((await needRow(needId)).status).toBe('PARTLY_FUNDED');
  });

  it('refuses a need that is not published', async () => {
    const { createNeed } = dataOf(await t.gql(contractOperation('CreateNeed'), { input: needInput() }, nigeria.token));

    expect(errorCode(await record(nigeria.token, { needId: createNeed.id }))).toBe('CONFLICT');
    expect(await fundingRows(createNeed.id as string)).toBe(0);
  });

  it('has matching rescore the need against its smaller gap, and approval cap the allocation at it', async () => {
    const needId = await publishedNeed(t, nigeria.token, { estimatedBudgetUsd: 250000 });
    // Grants of at most USD 100,000 cover 40% of the gap before, all of it after USD 200,000 come from elsewhere.
    const offerId = await publishedOffer(t, donor.token, { maxGrantUsd: 100000 });
    const before = await pairMatch(t, secretariat.token, needId, offerId, 'PROPOSED');
    expect(before.breakdown.capacity).toBeCloseTo(0.4);

    dataOf(await record(nigeria.token, { needId, amountUsd: 200000 }));
    await engineIdle(dataSource);

    const after = await pairMatch(t, secretariat.token, needId, offerId, 'PROPOSED', (match) => match.breakdown.capacity === 1);
    expect(after.score).toBeGreaterThan(before.score);

    const { version } = await dataSource.getRepository(Match).findOneByOrFail({ id: after.id });
    const approve = (allocatedUsd: number) =>
      t.gql(
        contractOperation('ApproveMatch'),
        { id: after.id, allocatedUsd, expectedVersion: version, note: 'Closes the gap.' },
        secretariat.token,
      );
    const tooMuch = await approve(50001);
    expect(badInputFields(tooMuch)).toEqual(['allocatedUsd']);
    expect(tooMuch.errors![0].message).toMatch(/lacks only USD 50000/);

    dataOf(await approve(50000));
    // Approved pairings alone make up fundedUsd; the money from elsewhere stays in its own column.
    expect(await needRow(needId)).toMatchObject({ fundedUsd: 50000, fundedElsewhereUsd: 200000, status: 'FUNDED' });
  });

  it('funds the need fully when the whole gap comes from elsewhere: it leaves matching as a need funded by pairings does', async () => {
    const needId = await publishedNeed(t, nigeria.token, { estimatedBudgetUsd: 80000 });
    const offerId = await publishedOffer(t, donor.token);
    await pairMatch(t, secretariat.token, needId, offerId, 'PROPOSED');

    const { recordOtherFunding } = dataOf(await record(secretariat.token, { needId, amountUsd: 80000 }));
    expect(recordOtherFunding).toMatchObject({ status: 'FUNDED', fundingGapUsd: 0, fundedElsewhereUsd: 80000 });
    await engineIdle(dataSource);

    const match = await dataSource.getRepository(Match).findOneByOrFail({ needId, offerId });
    expect(match.status).not.toBe(MatchStatus.PROPOSED);
    expect(errorCode(await record(nigeria.token, { needId, amountUsd: 1 }))).toBe('CONFLICT');
  });
});
