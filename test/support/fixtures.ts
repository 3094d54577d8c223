import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentNode, Kind, OperationDefinitionNode, parse, print, visit } from 'graphql';
import { GraphQLResponse, TestApp } from './test-app';

/** The client contract, kept beside the project (`../shared/api/operations.graphql`). */
export const CONTRACT_FILE = join(__dirname, '..', '..', '..', 'shared', 'api', 'operations.graphql');

let contract: DocumentNode | undefined;

/**
 * One operation of the client contract, exactly as clients send it. `omitFields` drops the named
 * fields wherever they are selected, for fields that another feature serves and tests.
 */
export function contractOperation(name: string, omitFields: string[] = []): string {
  contract ??= parse(readFileSync(CONTRACT_FILE, 'utf8'));
  const operation = contract.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === name,
  );
  if (!operation) throw new Error(`The client contract has no operation named ${name}`);
  const trimmed = visit(operation, { Field: (field) => (omitFields.includes(field.name.value) ? null : undefined) });
  return print(trimmed);
}

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
  const result = await t.gql(contractOperation('CreateDonor'), { input: { name, kind } }, t.adminToken);
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
  const result = await t.gql(contractOperation('CreateUser'), { input: { email, password: PASSWORD, role, ...binding } }, t.adminToken);
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

/** The input paths named in a BAD_USER_INPUT error, or an empty list when the response is no such error. */
export function badInputFields(response: GraphQLResponse): string[] {
  const error = response.errors?.[0];
  if (error?.extensions?.code !== 'BAD_USER_INPUT') return [];
  return (error.extensions.fields ?? []).map((problem) => problem.field);
}

/** The audit trail of one record as the ADMIN reads it through the client contract. */
export async function auditTrail(t: TestApp, entityId: string): Promise<AuditEventView[]> {
  const result = await t.gql<{ auditEvents: AuditEventView[] }>(contractOperation('AuditTrail'), { entityId }, t.adminToken);
  if (!result.data) throw new Error(`auditEvents failed: ${JSON.stringify(result.errors)}`);
  return result.data.auditEvents;
}

export interface AuditEventView {
  id: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  actor: { id: string; email: string; role: string } | null;
  detail: Record<string, unknown>;
}

/** The data of a response that must have succeeded; throws with the server's errors otherwise. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) throw new Error(`Expected success, got ${JSON.stringify(response.errors)}`);
  return response.data;
}

/** A well-formed id that belongs to no record. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

export interface NotificationView {
  kind: string;
  matchId: string | null;
  needId: string | null;
  title: string;
  body: string;
}

/** The reader's notifications of one kind, newest first, in the reader's language. */
export async function notificationsOf(t: TestApp, reader: Account, kind: string): Promise<NotificationView[]> {
  const result = await t.gql<{ notifications: { edges: { node: NotificationView }[] } }>(
    '{ notifications(first: 100) { edges { node { kind matchId needId title body } } } }',
    {},
    reader.token,
  );
  return dataOf(result)
    .notifications.edges.map((edge) => edge.node)
    .filter((node) => node.kind === kind);
}
