import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDate, regionName } from '../../i18n/format';
import { messageFor, problemsOf } from '../../ui/api-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/fields';
import { Loading, Page } from '../../ui/page';
import { DONOR_KIND_LABELS, useCountryChoices, useCreateProblems } from './admin-data';
import { DONOR_KINDS, donorInput, donorProblems, EMPTY_DONOR, type DonorFormValues, type RuleProblem } from './admin-rules';

const AdminDonorsQuery = graphql(`
  query AdminDonors {
    donors {
      id
      name
      kind
      createdAt
      country {
        iso3
        iso2
        name
      }
    }
  }
`);

const CreateDonorMutation = graphql(`
  mutation AdminCreateDonor($input: CreateDonorInput!) {
    createDonor(input: $input) {
      id
      name
      kind
    }
  }
`);

const FIELD_IDS = { 'input.name': 'donor-name', 'input.kind': 'donor-kind', 'input.countryIso3': 'donor-country' };

export default function DonorsPage() {
  const t = useT();
  const { locale } = useLocale();
  const [list, refetch] = useQuery({ query: AdminDonorsQuery });
  const [created, setCreated] = useState<string | null>(null);
  const donors = list.data?.donors;

  return (
    <Page title={t('admin.donors.title')} wide>
      <p>{t('admin.donors.intro')}</p>
      <DonorForm
        onCreated={(name) => {
          setCreated(name);
          refetch({ requestPolicy: 'network-only' });
        }}
        created={created}
      />
      <section aria-labelledby="admin-donors-list-heading">
        <h2 id="admin-donors-list-heading">{t('admin.donors.listHeading')}</h2>
        {list.error ? <ErrorSummary problems={problemsOf(list.error, t)} /> : null}
        {!donors ? (
          list.fetching ? (
            <Loading />
          ) : null
        ) : donors.length === 0 ? (
          <p>{t('admin.donors.none')}</p>
        ) : (
          <table className="table">
            <caption>{t('admin.donors.caption', { count: donors.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.donors.col.name')}</th>
                <th scope="col">{t('admin.donors.col.kind')}</th>
                <th scope="col">{t('admin.donors.col.country')}</th>
                <th scope="col">{t('admin.donors.col.registered')}</th>
              </tr>
            </thead>
            <tbody>
              {donors.map((donor) => (
                <tr key={donor.id}>
                  <th scope="row">{donor.name}</th>
                  <td>{t(DONOR_KIND_LABELS[donor.kind])}</td>
                  <td>{donor.country ? regionName(locale, donor.country.iso2, donor.country.name) : t('admin.donors.noCountry')}</td>
                  <td>{formatDate(locale, donor.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Page>
  );
}

function DonorForm({ onCreated, created }: { onCreated: (name: string) => void; created: string | null }) {
  const t = useT();
  const countries = useCountryChoices();
  const [form, setForm] = useState<DonorFormValues>(EMPTY_DONOR);
  const [rules, setRules] = useState<RuleProblem[]>([]);
  const [apiError, setApiError] = useState<CombinedError | undefined>();
  const [state, createDonor] = useMutation(CreateDonorMutation);
  const noticeRef = useRef<HTMLDivElement>(null);
  const toProblems = useCreateProblems();
  const problems = toProblems(rules, apiError, { field: 'input.name', message: 'admin.donors.nameTaken' });

  useEffect(() => {
    if (created) noticeRef.current?.focus();
  }, [created]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = donorProblems(form);
    setRules(found);
    setApiError(undefined);
    if (found.length) return;
    const result = await createDonor({ input: donorInput(form) });
    if (result.error) {
      setApiError(result.error);
      return;
    }
    setForm(EMPTY_DONOR);
    onCreated(result.data?.createDonor.name ?? '');
  }

  const error = (field: string) => messageFor(problems, field);
  return (
    <section aria-labelledby="admin-donor-form-heading">
      <h2 id="admin-donor-form-heading">{t('admin.donors.formHeading')}</h2>
      {created ? (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={noticeRef}>
          {t('admin.donors.created', { name: created })}
        </div>
      ) : null}
      <form className="form form--narrow" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={problems} fieldIds={FIELD_IDS} />
        <TextField
          id={FIELD_IDS['input.name']}
          label={t('admin.donors.name')}
          hint={t('admin.donors.nameHint')}
          value={form.name}
          maxLength={200}
          autoComplete="organization"
          onChange={(event) => setForm({ ...form, name: event.target.value })}
          error={error('input.name')}
        />
        <SelectField
          id={FIELD_IDS['input.kind']}
          label={t('admin.donors.kind')}
          value={form.kind}
          onChange={(event) => setForm({ ...form, kind: event.target.value as DonorFormValues['kind'] })}
          error={error('input.kind')}
        >
          <option value="">{t('admin.donors.chooseKind')}</option>
          {DONOR_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(DONOR_KIND_LABELS[kind])}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={FIELD_IDS['input.countryIso3']}
          label={t('admin.donors.country')}
          hint={t('admin.donors.countryHint')}
          value={form.countryIso3}
          onChange={(event) => setForm({ ...form, countryIso3: event.target.value })}
          error={error('input.countryIso3')}
        >
          <option value="">{t('admin.donors.noCountryChoice')}</option>
          {countries.map((country) => (
            <option key={country.iso3} value={country.iso3}>
              {country.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button" disabled={state.fetching}>
          {t('admin.donors.submit')}
        </button>
      </form>
    </section>
  );
}
