import { describe, expect, it } from 'vitest';
import {
  accountFilter,
  accountInput,
  accountProblems,
  deactivationProblems,
  donorInput,
  donorProblems,
  EMPTY_ACCOUNT,
  EMPTY_DONOR,
} from './admin-rules';

const fields = (problems: { field: string }[]) => problems.map((problem) => problem.field);

describe('a new account', () => {
  const valid = { ...EMPTY_ACCOUNT, email: 'focal.point@mfa.example', password: 'twelve-chars', role: 'SECRETARIAT' as const };

  it('needs an e-mail, a password of at least 12 characters and a role', () => {
    expect(accountProblems(valid)).toEqual([]);
    expect(fields(accountProblems(EMPTY_ACCOUNT))).toEqual(['input.email', 'input.password', 'input.role']);
    expect(accountProblems({ ...valid, email: 'not an e-mail' })).toEqual([
      { field: 'input.email', message: 'admin.accounts.rule.emailInvalid' },
    ]);
    expect(accountProblems({ ...valid, password: 'eleven-char' })).toEqual([
      { field: 'input.password', message: 'admin.accounts.rule.passwordShort' },
    ]);
    expect(accountProblems({ ...valid, password: 'x'.repeat(201) })).toEqual([
      { field: 'input.password', message: 'admin.accounts.rule.passwordLong' },
    ]);
  });

  it('binds a STATE user to a country and a DONOR user to a donor', () => {
    expect(accountProblems({ ...valid, role: 'STATE' })).toEqual([
      { field: 'input.countryIso3', message: 'admin.accounts.rule.countryRequired' },
    ]);
    expect(accountProblems({ ...valid, role: 'DONOR' })).toEqual([
      { field: 'input.donorId', message: 'admin.accounts.rule.donorRequired' },
    ]);
    expect(accountProblems({ ...valid, role: 'STATE', countryIso3: 'NGA' })).toEqual([]);
  });

  it('sends only the binding the role takes, since the API refuses any other', () => {
    const chosenBoth = { ...valid, email: ' a@b.org ', countryIso3: 'NGA', donorId: 'd1' };
    expect(accountInput({ ...chosenBoth, role: 'STATE' })).toEqual({
      email: 'a@b.org',
      password: 'twelve-chars',
      role: 'STATE',
      countryIso3: 'NGA',
    });
    expect(accountInput({ ...chosenBoth, role: 'DONOR' })).toEqual({
      email: 'a@b.org',
      password: 'twelve-chars',
      role: 'DONOR',
      donorId: 'd1',
    });
    expect(accountInput({ ...chosenBoth, role: 'ADMIN' })).toEqual({ email: 'a@b.org', password: 'twelve-chars', role: 'ADMIN' });
  });
});

describe('a new donor', () => {
  it('needs a name of 2 to 200 characters and a kind; the country is optional', () => {
    expect(donorProblems({ name: 'UNODC', kind: 'UN_ENTITY', countryIso3: '' })).toEqual([]);
    expect(fields(donorProblems(EMPTY_DONOR))).toEqual(['input.name', 'input.kind']);
    expect(donorProblems({ name: ' X ', kind: 'STATE', countryIso3: '' })).toEqual([
      { field: 'input.name', message: 'admin.donors.rule.nameShort' },
    ]);
    expect(donorProblems({ name: 'x'.repeat(201), kind: 'STATE', countryIso3: '' })).toEqual([
      { field: 'input.name', message: 'admin.donors.rule.nameLong' },
    ]);
  });

  it('sends the trimmed name and the country only when one is chosen', () => {
    expect(donorInput({ name: ' Government of Japan ', kind: 'STATE', countryIso3: 'JPN' })).toEqual({
      name: 'Government of Japan',
      kind: 'STATE',
      countryIso3: 'JPN',
    });
    expect(donorInput({ name: 'Small Arms Survey', kind: 'CIVIL_SOCIETY', countryIso3: '' })).toEqual({
      name: 'Small Arms Survey',
      kind: 'CIVIL_SOCIETY',
    });
  });
});

describe('accountFilter', () => {
  it('sends only the filters the reader set, the status as active true or false', () => {
    expect(accountFilter({ role: '', status: '', search: '  ' })).toBeNull();
    expect(accountFilter({ role: 'DONOR', status: 'deactivated', search: ' unodc ' })).toEqual({
      role: 'DONOR',
      active: false,
      search: 'unodc',
    });
    expect(accountFilter({ role: '', status: 'active', search: '' })).toEqual({ active: true });
  });
});

describe('deactivationProblems', () => {
  it('asks for a reason of 3 to 500 characters', () => {
    expect(deactivationProblems(' ')).toEqual([{ field: 'reason', message: 'admin.accounts.rule.reasonRequired' }]);
    expect(deactivationProblems('ab ')).toEqual([{ field: 'reason', message: 'admin.accounts.rule.reasonShort' }]);
    expect(deactivationProblems('x'.repeat(501))).toEqual([{ field: 'reason', message: 'admin.accounts.rule.reasonLong' }]);
    expect(deactivationProblems('Left the ministry')).toEqual([]);
  });
});
