import { TestApp } from './test-app';

export const PASSWORD = 'a-long-enough-password';

export interface Account {
  id: string;
  token: string;
  email: string;
}

let counter = 0;
const uniqueEmail = (role: string) => `${role.toLowerCase()}-${++counter}-${Date.now()}@e2e.test`;

/** Registers a donor organisation through the API as the ADMIN. */
export async function createDonor(t: TestApp, name = `Donor ${++counter}`, kind = 'STATE'): Promise<{ id: string; name: string }> {
  const result = await t.gql(
    'mutation($input: CreateDonorInput!) { createDonor(input: $input) { id name } }',
    { input: { name, kind } },
    t.adminToken,
  );
  if (!result.data?.createDonor) throw new Error(`createDonor failed: ${JSON.stringify(result.errors)}`);
  return result.data.createDonor;
}

/** Creates an account through the API as the ADMIN and logs it in. */
export async function createAccount(
  t: TestApp,
  role: 'STATE' | 'DONOR' | 'SECRETARIAT' | 'ADMIN',
  binding: { countryIso3?: string; donorId?: string } = {},
): Promise<Account> {
  const email = uniqueEmail(role);
  const result = await t.gql(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email, password: PASSWORD, role, ...binding } },
    t.adminToken,
  );
  if (!result.data?.createUser) throw new Error(`createUser failed: ${JSON.stringify(result.errors)}`);
  return { id: result.data.createUser.id, email, token: await t.login(email, PASSWORD) };
}

export const stateAccount = (t: TestApp, countryIso3: string) => createAccount(t, 'STATE', { countryIso3 });

export async function donorAccount(t: TestApp, donorName?: string): Promise<Account & { donorId: string }> {
  const donor = await createDonor(t, donorName);
  return { ...(await createAccount(t, 'DONOR', { donorId: donor.id })), donorId: donor.id };
}

export const secretariatAccount = (t: TestApp) => createAccount(t, 'SECRETARIAT');

export const needInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Stockpile security for police armouries',
  description: 'Upgrade physical security and stockpile management at twelve police armouries.',
  themeCodes: ['STOCKPILE_MANAGEMENT', 'MARKING'],
  assistanceTypes: ['EQUIPMENT', 'TRAINING'],
  estimatedBudgetUsd: 250000,
  startDate: '2027-01-01',
  endDate: '2028-12-31',
  ...overrides,
});

export const offerInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Weapons and ammunition management support',
  description: 'Funding and expertise for stockpile management and marking in West Africa.',
  themeCodes: ['WEAPONS_AMMUNITION_MANAGEMENT'],
  assistanceTypes: ['FINANCIAL', 'EQUIPMENT'],
  eligibleRegionCodes: ['011'],
  capacityUsd: 1000000,
  minGrantUsd: 10000,
  maxGrantUsd: 400000,
  startDate: '2026-06-01',
  endDate: '2029-12-31',
  ...overrides,
});
