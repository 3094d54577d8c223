import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery, type CombinedError } from 'urql';
import { Link, useSearch } from 'wouter';
import type { OfferEditFieldsFragment } from '../../gql/graphql';
import type { OfferStatus } from '../../gql/enums';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDateTime, formatUsd } from '../../i18n/format';
import { errorCodeOf, messageFor, problemsOf, type FormProblem } from '../../ui/api-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextArea } from '../../ui/fields';
import { Loading, Page } from '../../ui/page';
import { useTaxonomy } from '../../ui/taxonomy';
import { VersionConflict } from '../../ui/VersionConflict';
import { offerMatchesPath } from '../match-queue/offer-matches-address';
import { useSignedIn } from '../session/SessionProvider';
import { actsForOthers } from '../session/session-store';
import { OfferForm } from './OfferForm';
import { conflictRows, OFFER_STATUS_LABELS, OfferStatusTag } from './offer-display';
import {
  differingOfferFields,
  OFFER_FIELD_IDS,
  offerFormFrom,
  offerFormProblems,
  offerInputOf,
  type OfferFormField,
  type OfferFormValues,
} from './offer-form-rules';
import { OfferForEditQuery, PublishOfferMutation, SaveOfferMutation, WithdrawOfferMutation } from './offer-operations';
import { useEligibleAreas } from './offers-data';

type Outcome = 'created' | 'saved' | 'published' | 'withdrawn';

const EDITABLE: readonly OfferStatus[] = ['DRAFT', 'OPEN', 'EXHAUSTED'];
const REASON_LIMITS = { min: 3, max: 2000 };
const WITHDRAW_FIELD_IDS = { reason: 'offer-withdraw-reason' };

/** Someone else's save, found when ours was refused: their version of each differing field beside the reader's. */
interface Conflict {
  theirs: OfferFormValues;
  yours: OfferFormValues;
  fields: OfferFormField[];
  version: number;
  status: OfferStatus;
  updatedAt: string;
  reloaded: boolean;
}

/** Editing an offer: save, publish or withdraw, each guarded by the version the reader started from. */
export default function OfferPage({ params }: { params: Record<string, string | undefined> }) {
  const id = params.id ?? '';
  const t = useT();
  const created = new URLSearchParams(useSearch()).has('created');
  // Always from the service: a form filled from a stale cache would be refused as a conflict on its first save.
  const [{ data, error, fetching }] = useQuery({ query: OfferForEditQuery, variables: { id }, requestPolicy: 'network-only' });
  const offer = data?.offer;
  if (!offer) {
    return (
      <Page title={t('offers.edit.titleLoading')}>
        {fetching || !error ? <Loading /> : <ErrorSummary problems={problemsOf(error, t)} />}
      </Page>
    );
  }
  return <OfferEditor key={offer.id} initial={offer} initialOutcome={created ? 'created' : null} />;
}

function OfferEditor({ initial, initialOutcome }: { initial: OfferEditFieldsFragment; initialOutcome: Outcome | null }) {
  const t = useT();
  const { locale } = useLocale();
  const client = useClient();
  const taxonomy = useTaxonomy();
  const areas = useEligibleAreas();
  const staff = actsForOthers(useSignedIn().user.role);
  const [offer, setOffer] = useState(initial);
  // The form's starting point: the offer as loaded, saved or reloaded; the version the reader's edits rest on.
  const [base, setBase] = useState(() => ({ values: offerFormFrom(initial), version: initial.version }));
  const [values, setValues] = useState<OfferFormValues>(base.values);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(initialOutcome);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonProblems, setReasonProblems] = useState<FormProblem[]>([]);
  const [{ fetching: saving }, saveOffer] = useMutation(SaveOfferMutation);
  const [{ fetching: publishing }, publishOffer] = useMutation(PublishOfferMutation);
  const [{ fetching: withdrawing }, withdrawOffer] = useMutation(WithdrawOfferMutation);

  useEffect(() => {
    if (withdrawOpen) document.getElementById(WITHDRAW_FIELD_IDS.reason)?.focus();
  }, [withdrawOpen]);

  const dirty = useMemo(() => differingOfferFields(base.values, values).length > 0, [base.values, values]);
  const allocatedUsd = offer.capacityUsd - offer.remainingCapacityUsd;
  const editable = EDITABLE.includes(offer.status);
  const withdrawable = editable && allocatedUsd === 0;
  const busy = saving || publishing || withdrawing;

  /** Takes the offer the API returned after a change as the new starting point. */
  function accept(next: OfferEditFieldsFragment) {
    const form = offerFormFrom(next);
    setOffer(next);
    setBase({ values: form, version: next.version });
    setValues(form);
    setConflict(null);
  }

  /** On CONFLICT, what the other person saved, compared field by field with the reader's form. */
  async function handleRefusal(refusal: CombinedError | undefined, setOwnProblems: (problems: FormProblem[]) => void): Promise<void> {
    if (errorCodeOf(refusal) === 'CONFLICT') {
      const current = await client.query(OfferForEditQuery, { id: offer.id }, { requestPolicy: 'network-only' }).toPromise();
      const fresh = current.data?.offer;
      if (fresh && fresh.version !== base.version) {
        const theirs = offerFormFrom(fresh);
        setConflict({
          theirs,
          yours: values,
          fields: differingOfferFields(theirs, values),
          version: fresh.version,
          status: fresh.status,
          updatedAt: fresh.updatedAt,
          reloaded: false,
        });
        setOffer(fresh);
        setProblems([]);
        setOwnProblems([]);
        return;
      }
    }
    setOwnProblems(problemsOf(refusal, t));
  }

  /** Saves the form; the new version, or null when refused (the refusal is already shown). */
  async function save(): Promise<number | null> {
    const local = offerFormProblems(values, t, { allocatedUsd });
    setProblems(local);
    if (local.length) return null;
    const result = await saveOffer({ id: offer.id, input: offerInputOf(values), expectedVersion: base.version });
    if (result.error || !result.data) {
      await handleRefusal(result.error, setProblems);
      return null;
    }
    accept(result.data.updateOffer);
    return result.data.updateOffer.version;
  }

  async function submit() {
    setOutcome(null);
    if ((await save()) !== null) setOutcome('saved');
  }

  async function publish() {
    setOutcome(null);
    // Unsaved edits are saved first, so what is published is what the reader sees.
    const version = dirty ? await save() : base.version;
    if (version === null) return;
    const result = await publishOffer({ id: offer.id, expectedVersion: version });
    if (result.error || !result.data) {
      await handleRefusal(result.error, setProblems);
      return;
    }
    accept(result.data.publishOffer);
    setOutcome('published');
  }

  async function withdraw(event: FormEvent) {
    event.preventDefault();
    setOutcome(null);
    const trimmed = reason.trim();
    const local: FormProblem[] =
      trimmed.length < REASON_LIMITS.min || trimmed.length > REASON_LIMITS.max
        ? [{ field: 'reason', message: t('offers.withdraw.reasonLength', REASON_LIMITS) }]
        : [];
    setReasonProblems(local);
    if (local.length) return;
    const result = await withdrawOffer({ id: offer.id, reason: trimmed, expectedVersion: base.version });
    if (result.error || !result.data) {
      await handleRefusal(result.error, setReasonProblems);
      return;
    }
    accept(result.data.withdrawOffer);
    setWithdrawOpen(false);
    setReason('');
    setOutcome('withdrawn');
  }

  function reload() {
    if (!conflict) return;
    setBase({ values: conflict.theirs, version: conflict.version });
    setValues(conflict.theirs);
    setProblems([]);
    setConflict({ ...conflict, reloaded: true });
  }

  const title =
    offer.status === 'DRAFT' ? t('offers.edit.titleDraft') : editable ? t('offers.edit.titleEdit') : t('offers.edit.titleClosed');
  const outcomes: Record<Outcome, string> = {
    created: t('offers.edit.created'),
    saved: t('offers.edit.saved'),
    published: t('offers.edit.published'),
    withdrawn: t('offers.edit.withdrawn'),
  };

  return (
    <Page title={title} wide>
      <p className="button-group">
        <Link href={`/offers${offer.donor ? `?donor=${encodeURIComponent(offer.donor.id)}` : ''}`}>{t('offers.edit.backToList')}</Link>
        {/* A draft is not matched yet. */}
        {offer.status !== 'DRAFT' ? (
          <Link href={offerMatchesPath({ donor: offer.donor?.id, offer: offer.id }, staff)}>{t('offers.edit.matchesLink')}</Link>
        ) : null}
      </p>
      {outcome ? (
        <div className="notice notice--success" role="status">
          {outcomes[outcome]}
        </div>
      ) : null}
      {conflict && taxonomy && areas ? (
        <VersionConflict
          id="offer-conflict"
          title={t('offers.conflict.title')}
          body={
            conflict.reloaded
              ? t('offers.conflict.reloaded')
              : t('offers.conflict.body', {
                  time: formatDateTime(locale, conflict.updatedAt),
                  status: t(OFFER_STATUS_LABELS[conflict.status]),
                })
          }
          caption={t('offers.conflict.caption')}
          columns={{ field: t('offers.conflict.field'), theirs: t('offers.conflict.theirs'), yours: t('offers.conflict.yours') }}
          rows={conflictRows(conflict.fields, conflict.theirs, conflict.yours, t, locale, {
            theme: taxonomy.labelOf,
            region: areas.regionLabel,
            country: areas.countryLabel,
          })}
          noRows={t('offers.conflict.sameFields')}
          reloaded={conflict.reloaded}
          onReload={reload}
          onDismiss={() => setConflict(null)}
          dismissLabel={t('offers.conflict.dismiss')}
          revision={conflict.version}
        />
      ) : null}

      <dl className="summary-list">
        <dt>{t('offers.edit.donor')}</dt>
        <dd dir="auto">{offer.donor?.name}</dd>
        <dt>{t('offers.edit.status')}</dt>
        <dd>
          <OfferStatusTag status={offer.status} t={t} />
        </dd>
        <dt>{t('offers.edit.remaining')}</dt>
        <dd>
          {t('offers.edit.remainingOf', {
            remaining: formatUsd(locale, offer.remainingCapacityUsd),
            capacity: formatUsd(locale, offer.capacityUsd),
          })}
        </dd>
        <dt>{t('offers.edit.lastChanged')}</dt>
        <dd>{t('offers.edit.versionAt', { version: offer.version, time: formatDateTime(locale, offer.updatedAt) })}</dd>
      </dl>

      <ErrorSummary problems={problems} fieldIds={OFFER_FIELD_IDS} />
      {!editable ? (
        <div className="notice" role="status">
          {t('offers.edit.notEditable', { status: t(OFFER_STATUS_LABELS[offer.status]) })}
        </div>
      ) : taxonomy && areas ? (
        <OfferForm
          values={values}
          onChange={setValues}
          problems={problems}
          taxonomy={taxonomy}
          areas={areas}
          onSubmit={() => void submit()}
        >
          <div className="button-group">
            <button type="submit" className="button" disabled={busy}>
              {saving ? t('common.saving') : t('common.save')}
            </button>
            {offer.status === 'DRAFT' ? (
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => void publish()}>
                {publishing ? t('offers.edit.publishing') : t('offers.edit.publish')}
              </button>
            ) : null}
          </div>
        </OfferForm>
      ) : (
        <Loading />
      )}

      {editable ? (
        <section className="withdraw-panel" aria-labelledby="offer-withdraw-heading">
          <h2 id="offer-withdraw-heading">{t('offers.withdraw.heading')}</h2>
          {!withdrawable ? (
            <p>{t('offers.withdraw.allocated', { allocated: formatUsd(locale, allocatedUsd) })}</p>
          ) : withdrawOpen ? (
            <form onSubmit={(event) => void withdraw(event)} noValidate>
              <ErrorSummary problems={reasonProblems} fieldIds={WITHDRAW_FIELD_IDS} />
              <TextArea
                id={WITHDRAW_FIELD_IDS.reason}
                label={t('offers.withdraw.reason')}
                hint={t('offers.withdraw.reasonHint', REASON_LIMITS)}
                rows={3}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                error={messageFor(reasonProblems, 'reason')}
              />
              <div className="button-group">
                <button type="submit" className="button button--warning" disabled={busy}>
                  {withdrawing ? t('offers.withdraw.withdrawing') : t('offers.withdraw.confirm')}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setWithdrawOpen(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          ) : (
            <>
              <p>{t('offers.withdraw.intro')}</p>
              <button type="button" className="button button--warning" onClick={() => setWithdrawOpen(true)}>
                {t('offers.withdraw.open')}
              </button>
            </>
          )}
        </section>
      ) : null}
    </Page>
  );
}
