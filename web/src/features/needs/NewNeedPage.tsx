import { useState } from 'react';
import { useMutation } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { graphql } from '../../gql';
import { useT } from '../../i18n/I18nProvider';
import { problemsOf, type FormProblem } from '../../ui/api-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading, Page } from '../../ui/page';
import { useTaxonomy } from '../../ui/taxonomy';
import { useSignedIn } from '../session/SessionProvider';
import { actsForOthers } from '../session/session-store';
import { NeedForm } from './NeedForm';
import { emptyNeedForm, NEED_FIELD_IDS, needFormProblems, needInputOf } from './need-form-rules';
import { useCountryOptions } from './needs-data';

const CreateNeedMutation = graphql(`
  mutation FileNeed($input: CreateNeedInput!) {
    createNeed(input: $input) {
      id
      version
      status
    }
  }
`);

/** Filing a need by hand: the review form, empty; the new need is a DRAFT to publish from its own page. */
export default function NewNeedPage() {
  const t = useT();
  const session = useSignedIn();
  const [, navigate] = useLocation();
  const staff = actsForOthers(session.user.role);
  const preset = new URLSearchParams(useSearch()).get('country')?.toUpperCase() ?? '';
  const [values, setValues] = useState(() => emptyNeedForm(staff ? preset : (session.user.country?.iso3 ?? '')));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const taxonomy = useTaxonomy();
  const countries = useCountryOptions(staff);
  const [{ fetching }, createNeed] = useMutation(CreateNeedMutation);

  async function submit() {
    const local = needFormProblems(values, t, { requireCountry: staff });
    setProblems(local);
    if (local.length) return;
    const result = await createNeed({ input: { ...needInputOf(values), ...(staff ? { countryIso3: values.countryIso3 } : {}) } });
    if (result.error || !result.data) {
      setProblems(problemsOf(result.error, t));
      return;
    }
    navigate(`/needs/${result.data.createNeed.id}?filed=1`);
  }

  return (
    <Page title={t('needs.new.title')}>
      <p>{t('needs.new.intro')}</p>
      <ErrorSummary problems={problems} fieldIds={NEED_FIELD_IDS} />
      {taxonomy ? (
        <NeedForm
          values={values}
          onChange={setValues}
          problems={problems}
          taxonomy={taxonomy}
          countries={staff ? countries : undefined}
          onSubmit={() => void submit()}
        >
          <div className="button-group">
            <button type="submit" className="button" disabled={fetching}>
              {fetching ? t('common.saving') : t('needs.new.submit')}
            </button>
            <Link href="/needs" className="button button--secondary">
              {t('common.cancel')}
            </Link>
          </div>
        </NeedForm>
      ) : (
        <Loading />
      )}
    </Page>
  );
}
