import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, type CombinedError, type UseQueryState } from 'urql';
import type { Role } from '../../gql/enums';
import type { AdminUsersQuery as AdminUsersResult } from '../../gql/graphql';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDate, regionName } from '../../i18n/format';
import { messageFor, problemsOf } from '../../ui/api-errors';
import { CursorPagination } from '../../ui/CursorPagination';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { RadioGroup, SelectField, TextField } from '../../ui/fields';
import { Loading, Page } from '../../ui/page';
import { ROLE_LABELS, useCountryChoices, useCreateProblems } from './admin-data';
import {
  ACCOUNT_LIMITS,
  accountInput,
  accountProblems,
  EMPTY_ACCOUNT,
  ROLES,
  type AccountFormValues,
  type RuleProblem,
} from './admin-rules';

// The page size is written out so the API prices the query at what it asks for.
const AdminUsersQuery = graphql(`
  query AdminUsers($filter: UserFilter, $after: String) {
    users(first: 20, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          email
          role
          createdAt
          country {
            iso3
            iso2
            name
          }
          donor {
            id
            name
          }
        }
      }
    }
  }
`);

const AdminAccountDonorsQuery = graphql(`
  query AdminAccountDonors {
    donors {
      id
      name
    }
  }
`);

const CreateUserMutation = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      email
      role
    }
  }
`);

const FIELD_IDS = {
  'input.email': 'account-email',
  'input.password': 'account-password',
  'input.role': 'account-role',
  'input.countryIso3': 'account-country',
  'input.donorId': 'account-donor',
};

export default function AccountsPage() {
  const t = useT();
  const [created, setCreated] = useState<string | null>(null);
  const [role, setRole] = useState<Role | ''>('');
  const [page, setPage] = useState<{ after: string; passed: string[] }>({ after: '', passed: [] });
  const [list, refetch] = useQuery({
    query: AdminUsersQuery,
    variables: { filter: role ? { role } : null, after: page.after || null },
  });

  return (
    <Page title={t('admin.accounts.title')} wide>
      <p>{t('admin.accounts.intro')}</p>
      <AccountForm
        created={created}
        onCreated={(email) => {
          setCreated(email);
          refetch({ requestPolicy: 'network-only' });
        }}
      />
      <section aria-labelledby="admin-accounts-list-heading">
        <h2 id="admin-accounts-list-heading">{t('admin.accounts.listHeading')}</h2>
        <div className="filters">
          <SelectField
            id="accounts-role-filter"
            label={t('admin.accounts.filterRole')}
            value={role}
            onChange={(event) => {
              setRole(event.target.value as Role | '');
              setPage({ after: '', passed: [] });
            }}
          >
            <option value="">{t('admin.accounts.anyRole')}</option>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {t(ROLE_LABELS[value])}
              </option>
            ))}
          </SelectField>
        </div>
        <AccountList list={list} page={page} onGo={(after, passed) => setPage({ after, passed })} />
      </section>
    </Page>
  );
}

function AccountList({
  list,
  page,
  onGo,
}: {
  list: UseQueryState<AdminUsersResult>;
  page: { after: string; passed: string[] };
  onGo: (after: string, passed: string[]) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const users = list.data?.users;
  if (list.error) return <ErrorSummary problems={problemsOf(list.error, t)} />;
  if (!users) return list.fetching ? <Loading /> : null;
  if (users.totalCount === 0) return <p>{t('admin.accounts.none')}</p>;
  return (
    <>
      <table className="table" aria-busy={list.fetching || undefined}>
        <caption>{t('admin.accounts.caption', { count: users.totalCount })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.accounts.col.email')}</th>
            <th scope="col">{t('admin.accounts.col.role')}</th>
            <th scope="col">{t('admin.accounts.col.actsFor')}</th>
            <th scope="col">{t('admin.accounts.col.created')}</th>
          </tr>
        </thead>
        <tbody>
          {users.edges.map(({ node }) => (
            <tr key={node.id}>
              <th scope="row" dir="ltr" className="admin-email">
                {node.email}
              </th>
              <td>{t(ROLE_LABELS[node.role])}</td>
              <td>
                {node.country
                  ? regionName(locale, node.country.iso2, node.country.name)
                  : (node.donor?.name ?? t('admin.accounts.actsForNobody'))}
              </td>
              <td>{formatDate(locale, node.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <CursorPagination
        label={t('admin.accounts.pagination')}
        current={page.after}
        passed={page.passed}
        next={users.pageInfo.hasNextPage ? (users.pageInfo.endCursor ?? null) : null}
        onGo={onGo}
      />
    </>
  );
}

function AccountForm({ onCreated, created }: { onCreated: (email: string) => void; created: string | null }) {
  const t = useT();
  const { locale } = useLocale();
  const countries = useCountryChoices();
  const [donorList] = useQuery({ query: AdminAccountDonorsQuery, requestPolicy: 'cache-and-network' });
  const donors = useMemo(
    () => [...(donorList.data?.donors ?? [])].sort((a, b) => new Intl.Collator(locale).compare(a.name, b.name)),
    [donorList.data, locale],
  );
  const [form, setForm] = useState<AccountFormValues>(EMPTY_ACCOUNT);
  const [rules, setRules] = useState<RuleProblem[]>([]);
  const [apiError, setApiError] = useState<CombinedError | undefined>();
  const [state, createUser] = useMutation(CreateUserMutation);
  const noticeRef = useRef<HTMLDivElement>(null);
  const toProblems = useCreateProblems();
  const problems = toProblems(rules, apiError, { field: 'input.email', message: 'admin.accounts.emailTaken' });

  useEffect(() => {
    if (created) noticeRef.current?.focus();
  }, [created]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = accountProblems(form);
    setRules(found);
    setApiError(undefined);
    if (found.length) return;
    const result = await createUser({ input: accountInput(form) });
    if (result.error) {
      setApiError(result.error);
      return;
    }
    setForm(EMPTY_ACCOUNT);
    onCreated(result.data?.createUser.email ?? '');
  }

  const error = (field: string) => messageFor(problems, field);
  return (
    <section aria-labelledby="admin-account-form-heading">
      <h2 id="admin-account-form-heading">{t('admin.accounts.formHeading')}</h2>
      {created ? (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={noticeRef}>
          {t('admin.accounts.created', { email: created })}
        </div>
      ) : null}
      <form className="form form--narrow" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={problems} fieldIds={FIELD_IDS} />
        <TextField
          id={FIELD_IDS['input.email']}
          label={t('admin.accounts.email')}
          hint={t('admin.accounts.emailHint')}
          type="email"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          maxLength={ACCOUNT_LIMITS.emailMax}
          value={form.email}
          onChange={(event) => setForm({ ...form, email: event.target.value })}
          error={error('input.email')}
        />
        <TextField
          id={FIELD_IDS['input.password']}
          label={t('admin.accounts.password')}
          hint={t('admin.accounts.passwordHint', { min: ACCOUNT_LIMITS.passwordMin })}
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={(event) => setForm({ ...form, password: event.target.value })}
          error={error('input.password')}
        />
        <RadioGroup<Role>
          id={FIELD_IDS['input.role']}
          legend={t('admin.accounts.role')}
          options={ROLES.map((value) => ({ value, label: t(ROLE_LABELS[value]) }))}
          value={form.role || null}
          onChange={(value) => setForm({ ...form, role: value })}
          error={error('input.role')}
        />
        {form.role === 'STATE' ? (
          <SelectField
            id={FIELD_IDS['input.countryIso3']}
            label={t('admin.accounts.country')}
            hint={t('admin.accounts.countryHint')}
            value={form.countryIso3}
            onChange={(event) => setForm({ ...form, countryIso3: event.target.value })}
            error={error('input.countryIso3')}
          >
            <option value="">{t('admin.accounts.chooseCountry')}</option>
            {countries.map((country) => (
              <option key={country.iso3} value={country.iso3}>
                {country.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        {form.role === 'DONOR' ? (
          <SelectField
            id={FIELD_IDS['input.donorId']}
            label={t('admin.accounts.donor')}
            hint={t('admin.accounts.donorHint')}
            value={form.donorId}
            onChange={(event) => setForm({ ...form, donorId: event.target.value })}
            error={error('input.donorId')}
          >
            <option value="">{t('admin.accounts.chooseDonor')}</option>
            {donors.map((donor) => (
              <option key={donor.id} value={donor.id}>
                {donor.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <button type="submit" className="button" disabled={state.fetching}>
          {t('admin.accounts.submit')}
        </button>
      </form>
    </section>
  );
}
