import { useDeferredValue, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, type CombinedError, type UseQueryState } from 'urql';
import type { Role } from '../../gql/enums';
import type { AdminUsersQuery as AdminUsersResult } from '../../gql/graphql';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDate, regionName } from '../../i18n/format';
import { messageFor, problemsOf, type FormProblem } from '../../ui/api-errors';
import { CursorPagination } from '../../ui/CursorPagination';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { OutcomeNotice, type FailedOutcome } from '../../ui/OutcomeNotice';
import { RadioGroup, SelectField, TextArea, TextField } from '../../ui/fields';
import { useSignedIn } from '../session/SessionProvider';
import { Loading, Page } from '../../ui/page';
import { ROLE_LABELS, useCountryChoices, useCreateProblems } from './admin-data';
import {
  ACCOUNT_LIMITS,
  accountFilter,
  accountInput,
  accountProblems,
  deactivationProblems,
  EMPTY_ACCOUNT,
  ROLES,
  type AccountFormValues,
  type AccountStatusFilter,
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
          active
          deactivatedAt
          deactivationReason
          passwordChangeRequired
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

const DeactivateUserMutation = graphql(`
  mutation AdminDeactivateUser($id: ID!, $reason: String!) {
    deactivateUser(id: $id, reason: $reason) {
      id
      email
      active
      deactivatedAt
      deactivationReason
    }
  }
`);

const ReactivateUserMutation = graphql(`
  mutation AdminReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      id
      email
      active
      deactivatedAt
      deactivationReason
    }
  }
`);

const ResetPasswordMutation = graphql(`
  mutation AdminResetPassword($userId: ID!) {
    resetPassword(userId: $userId) {
      oneTimePassword
      user {
        id
        email
        passwordChangeRequired
      }
    }
  }
`);

/** What the ADMIN chose to do to one account, asked to confirm (with a reason for a deactivation). */
type PendingAction = { kind: 'deactivate' | 'reset'; id: string; email: string };
/** What was done, said once above the list; a reset's one-time password is shown only here. */
type Outcome =
  { kind: 'deactivated' | 'reactivated'; email: string } | { kind: 'reset'; email: string; oneTimePassword: string } | FailedOutcome;

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
  const [status, setStatus] = useState<AccountStatusFilter>('');
  const [search, setSearch] = useState('');
  // The list follows the search box once typing pauses, not at every key.
  const deferredSearch = useDeferredValue(search);
  const [page, setPage] = useState<{ after: string; passed: string[] }>({ after: '', passed: [] });
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [, reactivateUser] = useMutation(ReactivateUserMutation);
  const [list, refetch] = useQuery({
    query: AdminUsersQuery,
    variables: { filter: accountFilter({ role, status, search: deferredSearch }), after: page.after || null },
  });
  const firstPage = () => setPage({ after: '', passed: [] });
  const done = (next: Outcome) => {
    setPending(null);
    setOutcome(next);
    refetch({ requestPolicy: 'network-only' });
  };

  async function reactivate(id: string, email: string) {
    setPending(null);
    const result = await reactivateUser({ id });
    done(result.error ? { kind: 'failed', error: result.error } : { kind: 'reactivated', email });
  }

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
              firstPage();
            }}
          >
            <option value="">{t('admin.accounts.anyRole')}</option>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {t(ROLE_LABELS[value])}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="accounts-status-filter"
            label={t('admin.accounts.filterStatus')}
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as AccountStatusFilter);
              firstPage();
            }}
          >
            <option value="">{t('admin.accounts.anyStatus')}</option>
            <option value="active">{t('admin.accounts.statusActive')}</option>
            <option value="deactivated">{t('admin.accounts.statusDeactivated')}</option>
          </SelectField>
          <TextField
            id="accounts-search"
            type="search"
            label={t('admin.accounts.search')}
            hint={t('admin.accounts.searchHint')}
            maxLength={ACCOUNT_LIMITS.searchMax}
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              firstPage();
            }}
          />
        </div>
        <AccountOutcome outcome={outcome} />
        {pending ? <ActionPanel action={pending} onDone={done} onCancel={() => setPending(null)} /> : null}
        <AccountList
          list={list}
          page={page}
          onGo={(after, passed) => setPage({ after, passed })}
          onAction={(action) => {
            setOutcome(null);
            if (action.kind === 'reactivate') void reactivate(action.id, action.email);
            else setPending({ kind: action.kind, id: action.id, email: action.email });
          }}
        />
      </section>
    </Page>
  );
}

function AccountList({
  list,
  page,
  onGo,
  onAction,
}: {
  list: UseQueryState<AdminUsersResult>;
  page: { after: string; passed: string[] };
  onGo: (after: string, passed: string[]) => void;
  onAction: (action: { kind: PendingAction['kind'] | 'reactivate'; id: string; email: string }) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { user: me } = useSignedIn();
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
            <th scope="col">{t('admin.accounts.col.status')}</th>
            <th scope="col">{t('admin.accounts.col.actions')}</th>
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
              <td>
                {node.active ? (
                  t('admin.accounts.statusActive')
                ) : (
                  <>
                    <strong>{t('admin.accounts.deactivatedOn', { date: formatDate(locale, node.deactivatedAt ?? node.createdAt) })}</strong>{' '}
                    <span dir="auto">{node.deactivationReason}</span>
                  </>
                )}
                {node.passwordChangeRequired ? <div>{t('admin.accounts.mustChangePassword')}</div> : null}
              </td>
              <td>
                {node.id === me.id ? (
                  t('admin.accounts.yourAccount')
                ) : (
                  <div className="button-group button-group--compact">
                    {node.active ? (
                      <button
                        type="button"
                        className="button button--secondary button--compact"
                        aria-label={t('admin.accounts.deactivateFor', { email: node.email })}
                        onClick={() => onAction({ kind: 'deactivate', id: node.id, email: node.email })}
                      >
                        {t('admin.accounts.deactivate')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button button--secondary button--compact"
                        aria-label={t('admin.accounts.reactivateFor', { email: node.email })}
                        onClick={() => onAction({ kind: 'reactivate', id: node.id, email: node.email })}
                      >
                        {t('admin.accounts.reactivate')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button--secondary button--compact"
                      aria-label={t('admin.accounts.resetPasswordFor', { email: node.email })}
                      onClick={() => onAction({ kind: 'reset', id: node.id, email: node.email })}
                    >
                      {t('admin.accounts.resetPassword')}
                    </button>
                  </div>
                )}
              </td>
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

/** Asks the ADMIN to confirm a deactivation (with its reason) or a password reset, for one account. */
function ActionPanel({ action, onDone, onCancel }: { action: PendingAction; onDone: (outcome: Outcome) => void; onCancel: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [deactivation, deactivateUser] = useMutation(DeactivateUserMutation);
  const [reset, resetPassword] = useMutation(ResetPasswordMutation);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The panel opens above the list: the reader's focus moves to it, as a screen reader would not notice it otherwise.
  useEffect(() => headingRef.current?.focus(), [action]);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (action.kind === 'reset') {
      const result = await resetPassword({ userId: action.id });
      onDone(
        result.error || !result.data
          ? { kind: 'failed', error: result.error! }
          : { kind: 'reset', email: action.email, oneTimePassword: result.data.resetPassword.oneTimePassword },
      );
      return;
    }
    const found = deactivationProblems(reason).map((problem) => ({ field: problem.field, message: t(problem.message) }));
    setProblems(found);
    if (found.length) return;
    const result = await deactivateUser({ id: action.id, reason: reason.trim() });
    if (result.error) {
      setProblems(problemsOf(result.error, t));
      return;
    }
    onDone({ kind: 'deactivated', email: action.email });
  }

  const deactivating = action.kind === 'deactivate';
  return (
    <section className="panel" aria-labelledby="account-action-heading">
      <h3 id="account-action-heading" tabIndex={-1} ref={headingRef}>
        {deactivating
          ? t('admin.accounts.deactivateHeading', { email: action.email })
          : t('admin.accounts.resetHeading', { email: action.email })}
      </h3>
      <p>{deactivating ? t('admin.accounts.deactivateExplained') : t('admin.accounts.resetExplained')}</p>
      <form className="form form--narrow" onSubmit={(event) => void confirm(event)} noValidate>
        <ErrorSummary problems={problems} fieldIds={{ reason: 'account-deactivation-reason' }} />
        {deactivating ? (
          <TextArea
            id="account-deactivation-reason"
            label={t('admin.accounts.reason')}
            hint={t('admin.accounts.reasonHint')}
            rows={3}
            maxLength={ACCOUNT_LIMITS.reasonMax}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={messageFor(problems, 'reason')}
          />
        ) : null}
        <div className="button-group">
          <button type="submit" className="button button--warning" disabled={deactivation.fetching || reset.fetching}>
            {deactivating ? t('admin.accounts.confirmDeactivate') : t('admin.accounts.confirmReset')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('admin.accounts.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** What the last action did; a reset's one-time password is shown here once, to hand to its owner. */
function AccountOutcome({ outcome }: { outcome: Outcome | null }) {
  const t = useT();
  return (
    <OutcomeNotice outcome={outcome}>
      {(done) => (
        <>
          {done.kind === 'deactivated' ? t('admin.accounts.deactivated', { email: done.email }) : null}
          {done.kind === 'reactivated' ? t('admin.accounts.reactivated', { email: done.email }) : null}
          {done.kind === 'reset' ? (
            <>
              <p>{t('admin.accounts.resetDone', { email: done.email })}</p>
              <p>
                {t('admin.accounts.oneTimePassword')}{' '}
                <code dir="ltr" className="one-time-password" data-testid="one-time-password">
                  {done.oneTimePassword}
                </code>
              </p>
              <p>{t('admin.accounts.oneTimePasswordHint')}</p>
            </>
          ) : null}
        </>
      )}
    </OutcomeNotice>
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
