import { errorCode, startTestApp, TestApp } from './support/test-app';
import {
  Account,
  auditTrail,
  AuditEventView,
  contractOperation,
  dataOf,
  donorAccount,
  needInput,
  offerInput,
  PASSWORD,
  secretariatAccount,
  stateAccount,
  UNKNOWN_ID,
} from './support/fixtures';

const AUDIT_TRAIL = contractOperation('AuditTrail');

describe('the audit trail over the client contract', () => {
  let t: TestApp;
  let admin: { id: string; email: string };
  let nigeria: Account;
  let donor: Account & { donorId: string };
  let secretariat: Account;

  beforeAll(async () => {
    t = await startTestApp();
    admin = dataOf(await t.gql(contractOperation('Me'), {}, t.adminToken)).me;
    [nigeria, donor, secretariat] = await Promise.all([
      stateAccount(t, 'NGA'),
      donorAccount(t, 'Government of Sweden'),
      secretariatAccount(t),
    ]);
  });
  afterAll(() => t.close());

  /** Runs a contract mutation that must succeed and returns the trail of the record it touched. */
  async function mutate(
    operation: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<{ id: string; trail: AuditEventView[] }> {
    const data = dataOf(await t.gql(contractOperation(operation), variables, token));
    const id = (Object.values(data)[0] as { id: string }).id;
    return { id, trail: await auditTrail(t, id) };
  }

  const actorOf = (account: { id: string; email: string }, role: string) => ({ id: account.id, email: account.email, role });

  it('records who created a donor and an account, with what, and never a password', async () => {
    const donorRecord = await mutate(
      'CreateDonor',
      { input: { name: 'Government of Peru', kind: 'STATE', countryIso3: 'PER' } },
      t.adminToken,
    );
    expect(donorRecord.trail).toEqual([
      {
        id: expect.any(String),
        at: expect.any(String),
        action: 'donor.create',
        entityType: 'Donor',
        entityId: donorRecord.id,
        actor: actorOf(admin, 'ADMIN'),
        detail: { name: 'Government of Peru', kind: 'STATE', countryIso3: 'PER' },
      },
    ]);
    const userRecord = await mutate(
      'CreateUser',
      { input: { email: 'peru@e2e.test', password: PASSWORD, role: 'DONOR', donorId: donorRecord.id } },
      t.adminToken,
    );
    expect(userRecord.trail).toEqual([
      expect.objectContaining({
        action: 'user.create',
        entityType: 'User',
        entityId: userRecord.id,
        actor: actorOf(admin, 'ADMIN'),
        detail: expect.objectContaining({ email: 'peru@e2e.test', role: 'DONOR', donorId: donorRecord.id }),
      }),
    ]);
    expect(JSON.stringify(userRecord.trail)).not.toMatch(/password|argon2|\$argon/i);
  });

  it("records a need's whole life: creation, the changed fields of an edit, publication and withdrawal with its reason", async () => {
    const created = await mutate('CreateNeed', { input: needInput({ title: 'Armoury doors' }) }, nigeria.token);
    const { id } = created;
    await mutate('UpdateNeed', { id, input: { title: 'Armoury doors and locks', estimatedBudgetUsd: 250000 } }, nigeria.token);
    await mutate('PublishNeed', { id }, nigeria.token);
    const { trail } = await mutate('WithdrawNeed', { id, reason: 'The ministry funds it' }, secretariat.token);
    expect(trail.map(({ action, entityType, entityId, actor, detail }) => ({ action, entityType, entityId, actor, detail }))).toEqual([
      {
        action: 'need.create',
        entityType: 'Need',
        entityId: id,
        actor: actorOf(nigeria, 'STATE'),
        detail: { countryIso3: 'NGA', title: 'Armoury doors', themeCodes: ['STOCKPILE_MANAGEMENT', 'MARKING'], estimatedBudgetUsd: 250000 },
      },
      {
        action: 'need.update',
        entityType: 'Need',
        entityId: id,
        actor: actorOf(nigeria, 'STATE'),
        detail: { changes: { title: { from: 'Armoury doors', to: 'Armoury doors and locks' } } },
      },
      { action: 'need.publish', entityType: 'Need', entityId: id, actor: actorOf(nigeria, 'STATE'), detail: { from: 'DRAFT', to: 'OPEN' } },
      {
        action: 'need.withdraw',
        entityType: 'Need',
        entityId: id,
        actor: actorOf(secretariat, 'SECRETARIAT'),
        detail: { from: 'OPEN', to: 'WITHDRAWN', reason: 'The ministry funds it' },
      },
    ]);
    const times = trail.map((event) => Date.parse(event.at));
    expect(times.every((time, index) => !Number.isNaN(time) && (index === 0 || time >= times[index - 1]))).toBe(true);
  });

  it("records an offer's whole life the same way", async () => {
    const { id } = await mutate('CreateOffer', { input: offerInput({ title: 'Marking kits' }) }, donor.token);
    await mutate('UpdateOffer', { id, input: { capacityUsd: 800000 } }, donor.token);
    await mutate('PublishOffer', { id }, donor.token);
    const { trail } = await mutate('WithdrawOffer', { id, reason: 'Fund closed early' }, donor.token);
    expect(trail.map(({ action, entityId, actor, detail }) => ({ action, entityId, actor, detail }))).toEqual([
      {
        action: 'offer.create',
        entityId: id,
        actor: actorOf(donor, 'DONOR'),
        detail: { donorId: donor.donorId, title: 'Marking kits', capacityUsd: 1000000, themeCodes: ['WEAPONS_AMMUNITION_MANAGEMENT'] },
      },
      {
        action: 'offer.update',
        entityId: id,
        actor: actorOf(donor, 'DONOR'),
        detail: { changes: { capacityUsd: { from: 1000000, to: 800000 } } },
      },
      { action: 'offer.publish', entityId: id, actor: actorOf(donor, 'DONOR'), detail: { from: 'DRAFT', to: 'OPEN' } },
      {
        action: 'offer.withdraw',
        entityId: id,
        actor: actorOf(donor, 'DONOR'),
        detail: { from: 'OPEN', to: 'WITHDRAWN', reason: 'Fund closed early' },
      },
    ]);
    expect(trail.every((event) => event.entityType === 'Offer')).toBe(true);
  });

  it('writes nothing for a refused mutation', async () => {
    const need = await mutate('CreateNeed', { input: needInput() }, nigeria.token);
    const offer = await mutate('CreateOffer', { input: offerInput() }, donor.token);
    const ghana = await stateAccount(t, 'GHA');
    const refusals: [string, Record<string, unknown>, string | undefined][] = [
      ['UpdateNeed', { id: need.id, input: { estimatedBudgetUsd: -1 } }, nigeria.token],
      ['UpdateNeed', { id: need.id, input: { title: 'Not yours' } }, ghana.token],
      ['PublishNeed', { id: need.id }, donor.token],
      ['WithdrawNeed', { id: need.id, reason: 'no' }, nigeria.token],
      ['PublishNeed', { id: need.id }, undefined],
      ['UpdateOffer', { id: offer.id, input: { minGrantUsd: 999999 } }, donor.token],
      ['PublishOffer', { id: offer.id }, nigeria.token],
      ['WithdrawOffer', { id: offer.id, reason: 'Not yours' }, undefined],
    ];
    for (const [operation, variables, token] of refusals) {
      expect((await t.gql(contractOperation(operation), variables, token)).errors).toHaveLength(1);
    }
    await mutate('PublishNeed', { id: need.id }, nigeria.token);
    expect(errorCode(await t.gql(contractOperation('PublishNeed'), { id: need.id }, nigeria.token))).toBe('CONFLICT');
    expect((await auditTrail(t, need.id)).map((event) => event.action)).toEqual(['need.create', 'need.publish']);
    expect((await auditTrail(t, offer.id)).map((event) => event.action)).toEqual(['offer.create']);
  });

  it('is readable by the Secretariat and the ADMIN only', async () => {
    const { id } = await mutate('CreateNeed', { input: needInput() }, nigeria.token);
    expect(dataOf(await t.gql(AUDIT_TRAIL, { entityId: id }, secretariat.token)).auditEvents).toHaveLength(1);
    expect(errorCode(await t.gql(AUDIT_TRAIL, { entityId: id }, nigeria.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(AUDIT_TRAIL, { entityId: id }, donor.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(AUDIT_TRAIL, { entityId: id }))).toBe('UNAUTHENTICATED');
    expect(dataOf(await t.gql(AUDIT_TRAIL, { entityId: UNKNOWN_ID }, t.adminToken)).auditEvents).toEqual([]);
  });
});
