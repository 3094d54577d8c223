import type { DonorKind, Role } from '../../gql/enums';
import type { CreateDonorInput, CreateUserInput, UserFilter } from '../../gql/graphql';
import type { MessageId } from '../../i18n/message-ids';

/** The API's limits (src/accounts/dto/create-user.input.ts, account-security.args.ts and create-donor.input.ts). */
export const ACCOUNT_LIMITS = { emailMax: 254, passwordMin: 12, passwordMax: 200, reasonMin: 3, reasonMax: 500, searchMax: 200 } as const;
export const DONOR_LIMITS = { nameMin: 2, nameMax: 200 } as const;

export const ROLES: readonly Role[] = ['STATE', 'DONOR', 'SECRETARIAT', 'ADMIN'];
export const DONOR_KINDS: readonly DonorKind[] = [
  'STATE',
  'INTERNATIONAL_ORGANIZATION',
  'REGIONAL_ORGANIZATION',
  'UN_ENTITY',
  'CIVIL_SOCIETY',
  'PRIVATE_SECTOR',
];

/** A problem found before sending, named by the API's input path so API refusals land on the same field. */
export interface RuleProblem {
  field: string;
  message: MessageId;
}

export interface AccountFormValues {
  email: string;
  password: string;
  role: Role | '';
  countryIso3: string;
  donorId: string;
}

export const EMPTY_ACCOUNT: AccountFormValues = { email: '', password: '', role: '', countryIso3: '', donorId: '' };

// The shape class-validator's isEmail accepts in practice: something, an @, a domain with a dot, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The API's rules for a new account (CreateUserInput and AccountsService.bindingFor): a valid e-mail,
 * a password of 12 to 200 characters, a role, a country for STATE users and a donor for DONOR users.
 */
export function accountProblems(form: AccountFormValues): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const email = form.email.trim();
  if (!email) problems.push({ field: 'input.email', message: 'admin.accounts.rule.emailRequired' });
  else if (!EMAIL.test(email) || email.length > ACCOUNT_LIMITS.emailMax)
    problems.push({ field: 'input.email', message: 'admin.accounts.rule.emailInvalid' });
  if (!form.password) problems.push({ field: 'input.password', message: 'admin.accounts.rule.passwordRequired' });
  else if (form.password.length < ACCOUNT_LIMITS.passwordMin)
    problems.push({ field: 'input.password', message: 'admin.accounts.rule.passwordShort' });
  else if (form.password.length > ACCOUNT_LIMITS.passwordMax)
    problems.push({ field: 'input.password', message: 'admin.accounts.rule.passwordLong' });
  if (!form.role) problems.push({ field: 'input.role', message: 'admin.accounts.rule.roleRequired' });
  if (form.role === 'STATE' && !form.countryIso3)
    problems.push({ field: 'input.countryIso3', message: 'admin.accounts.rule.countryRequired' });
  if (form.role === 'DONOR' && !form.donorId) problems.push({ field: 'input.donorId', message: 'admin.accounts.rule.donorRequired' });
  return problems;
}

/** What is sent: only the binding the role takes, since the API refuses a country or donor on any other role. */
export function accountInput(form: AccountFormValues): CreateUserInput {
  const role = form.role as Role;
  return {
    email: form.email.trim(),
    password: form.password,
    role,
    ...(role === 'STATE' ? { countryIso3: form.countryIso3 } : {}),
    ...(role === 'DONOR' ? { donorId: form.donorId } : {}),
  };
}

/** Active, deactivated, or either: the list's status filter, as the API's `active` takes it. */
export type AccountStatusFilter = '' | 'active' | 'deactivated';

/** The list's filters as the API's UserFilter, leaving out what the reader left empty. */
export function accountFilter(filters: { role: Role | ''; status: AccountStatusFilter; search: string }): UserFilter | null {
  const search = filters.search.trim();
  const filter: UserFilter = {
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.status ? { active: filters.status === 'active' } : {}),
    ...(search ? { search: search.slice(0, ACCOUNT_LIMITS.searchMax) } : {}),
  };
  return Object.keys(filter).length ? filter : null;
}

/** The API's rule for a deactivation's reason (DeactivateUserArgs): 3 to 500 characters once trimmed. */
export function deactivationProblems(reason: string): RuleProblem[] {
  const trimmed = reason.trim();
  if (!trimmed) return [{ field: 'reason', message: 'admin.accounts.rule.reasonRequired' }];
  if (trimmed.length < ACCOUNT_LIMITS.reasonMin) return [{ field: 'reason', message: 'admin.accounts.rule.reasonShort' }];
  if (trimmed.length > ACCOUNT_LIMITS.reasonMax) return [{ field: 'reason', message: 'admin.accounts.rule.reasonLong' }];
  return [];
}

export interface DonorFormValues {
  name: string;
  kind: DonorKind | '';
  countryIso3: string;
}

export const EMPTY_DONOR: DonorFormValues = { name: '', kind: '', countryIso3: '' };

/** The API's rules for a new donor (CreateDonorInput): a name of 2 to 200 characters and a kind; the country is optional. */
export function donorProblems(form: DonorFormValues): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const name = form.name.trim();
  if (!name) problems.push({ field: 'input.name', message: 'admin.donors.rule.nameRequired' });
  else if (name.length < DONOR_LIMITS.nameMin) problems.push({ field: 'input.name', message: 'admin.donors.rule.nameShort' });
  else if (name.length > DONOR_LIMITS.nameMax) problems.push({ field: 'input.name', message: 'admin.donors.rule.nameLong' });
  if (!form.kind) problems.push({ field: 'input.kind', message: 'admin.donors.rule.kindRequired' });
  return problems;
}

export function donorInput(form: DonorFormValues): CreateDonorInput {
  return { name: form.name.trim(), kind: form.kind as DonorKind, ...(form.countryIso3 ? { countryIso3: form.countryIso3 } : {}) };
}
