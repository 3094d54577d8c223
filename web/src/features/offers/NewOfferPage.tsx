import { useState } from 'react';
import { useMutation } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { useT } from '../../i18n/I18nProvider';
import { problemsOf, type FormProblem } from '../../ui/api-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading, Page } from '../../ui/page';
import { useTaxonomy } from '../../ui/taxonomy';
import { useSignedIn } from '../session/SessionProvider';
import { actsForOthers } from '../session/session-store';
import { OfferForm } from './OfferForm';
import { emptyOfferForm, OFFER_FIELD_IDS, offerFormProblems, offerInputOf, type OfferFormValues } from './offer-form-rules';
import { CreateOfferMutation } from './offer-operations';
import { useDonorOptions } from '../../ui/donors';
import { useEligibleAreas } from './offers-data';

/** Posting a new offer as a draft; the Secretariat names the donor it posts for (`?donor=<id>` preselects one). */
export default function NewOfferPage() {
  const t = useT();
  const session = useSignedIn();
  const staff = actsForOthers(session.user.role);
  const [, navigate] = useLocation();
  const preselected = new URLSearchParams(useSearch()).get('donor') ?? '';
  const [values, setValues] = useState<OfferFormValues>(() => emptyOfferForm(staff ? preselected : (session.user.donor?.id ?? '')));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const taxonomy = useTaxonomy();
  const areas = useEligibleAreas();
  const donors = useDonorOptions(staff);
  const [{ fetching }, createOffer] = useMutation(CreateOfferMutation);

  async function submit() {
    const local = offerFormProblems(values, t, { requireDonor: staff });
    setProblems(local);
    if (local.length) return;
    const result = await createOffer({ input: { ...offerInputOf(values), ...(staff ? { donorId: values.donorId } : {}) } });
    if (result.error || !result.data) {
      setProblems(problemsOf(result.error, t));
      return;
    }
    navigate(`/offers/${result.data.createOffer.id}?created=1`);
  }

  const ready = taxonomy && areas && (!staff || donors);
  return (
    <Page title={t('offers.new.title')} wide>
      <p>{t('offers.new.intro')}</p>
      <ErrorSummary problems={problems} fieldIds={OFFER_FIELD_IDS} />
      {ready ? (
        <OfferForm
          values={values}
          onChange={setValues}
          problems={problems}
          taxonomy={taxonomy}
          areas={areas}
          donors={staff ? donors! : undefined}
          onSubmit={() => void submit()}
        >
          <div className="button-group">
            <button type="submit" className="button" disabled={fetching}>
              {fetching ? t('common.saving') : t('offers.new.submit')}
            </button>
            <Link href="/offers">{t('common.cancel')}</Link>
          </div>
        </OfferForm>
      ) : (
        <Loading />
      )}
    </Page>
  );
}
