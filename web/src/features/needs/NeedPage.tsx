import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery, type CombinedError } from 'urql';
import { Link, useSearch } from 'wouter';
import { graphql } from '../../gql';
import type { NeedStatus } from '../../gql/enums';
import type { NeedForReviewQuery } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDate, formatDateTime, formatUsd, regionName } from '../../i18n/format';
import { errorCodeOf, messageFor, problemsOf, type FormProblem } from '../../ui/api-errors';
import { cycleName, INSTRUMENT_LABELS, NEED_STATUS_LABELS } from '../../ui/enum-labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextArea } from '../../ui/fields';
import { Loading, Page } from '../../ui/page';
import { useTaxonomy } from '../../ui/taxonomy';
import { VersionConflict } from '../../ui/VersionConflict';
import { FundedElsewhereRows, OtherFundingSection } from '../other-funding/OtherFunding';
import { useSignedIn } from '../session/SessionProvider';
import { actsForOthers } from '../session/session-store';
import { needConflictRows, type Conflict } from './need-conflict';
import { FundedMeter, StatusTag } from './need-display';
import { NeedForm } from './NeedForm';
import { differingFields, NEED_FIELD_IDS, needFormFrom, needFormProblems, needInputOf, type NeedFormValues } from './need-form-rules';

/** What the form and the summary show; the query and the save answer with the same, so a save refreshes both. */
export const NeedReviewFields = graphql(`
  fragment NeedReviewFields on Need {
    id
    version
    status
    title
    description
    country {
      iso3
      iso2
      name
    }
    themes {
      code
    }
    assistanceTypes
    estimatedBudgetUsd
    fundedUsd
    startDate
    endDate
    priority
    visibility
    nationalActionPlan
    baselineAssessment
    genderComponent
    multiYear
    conflictAffected
    validUntil
    cycle {
      code
      kind
      number
      year
    }
    updatedAt
  }
`);

const NeedForReviewQuery = graphql(`
  query NeedForReview($id: ID!) {
    need(id: $id) {
      ...NeedReviewFields
      ...NeedOtherFunding
      sourceExcerpt
      nationalReport {
        id
        year
        instrument
        fileName
      }
    }
  }
`);

const SaveNeedMutation = graphql(`
  mutation SaveNeed($id: ID!, $input: UpdateNeedInput!, $expectedVersion: Int) {
    updateNeed(id: $id, input: $input, expectedVersion: $expectedVersion) {
      ...NeedReviewFields
    }
  }
`);

const PublishNeedMutation = graphql(`
  mutation PublishReviewedNeed($id: ID!, $expectedVersion: Int) {
    publishNeed(id: $id, expectedVersion: $expectedVersion) {
      id
      version
      status
      updatedAt
    }
  }
`);

const WithdrawNeedMutation = graphql(`
  mutation WithdrawReviewedNeed($id: ID!, $reason: String!, $expectedVersion: Int) {
    withdrawNeed(id: $id, reason: $reason, expectedVersion: $expectedVersion) {
      id
      version
      status
      updatedAt
    }
  }
`);

const ReconfirmNeedMutation = graphql(`
  mutation ReconfirmReviewedNeed($id: ID!, $expectedVersion: Int) {
    reconfirmNeed(id: $id, expectedVersion: $expectedVersion) {
      id
      version
      status
      validUntil
      updatedAt
    }
  }
`);

type Need = NeedForReviewQuery['need'];
type Outcome = 'filed' | 'saved' | 'published' | 'withdrawn' | 'reconfirmed';

const EDITABLE: readonly NeedStatus[] = ['DRAFT', 'OPEN', 'PARTLY_FUNDED'];
const WITHDRAWABLE: readonly NeedStatus[] = ['DRAFT', 'OPEN'];
/** Needs asking for money, and stale ones waiting to be renewed, as the API reconfirms them. */
const RECONFIRMABLE: readonly NeedStatus[] = ['OPEN', 'PARTLY_FUNDED', 'STALE'];
const REASON_LIMITS = { min: 3, max: 2000 };
const WITHDRAW_FIELD_IDS = { reason: 'need-withdraw-reason' };

/** Reviewing a need: its source beside the form, then save, publish or withdraw, each guarded by the version the reader started from. */
export default function NeedPage({ params }: { params: Record<string, string | undefined> }) {
  const id = params.id ?? '';
  const t = useT();
  const filed = new URLSearchParams(useSearch()).has('filed');
  // Always from the service: a form filled from a stale cache would be refused as a conflict on its first save.
  const [{ data, error, fetching }] = useQuery({ query: NeedForReviewQuery, variables: { id }, requestPolicy: 'network-only' });
  const need = data?.need;

  if (!need) {
    return (
      <Page title={t('needs.review.titleLoading')}>
        {fetching || !error ? <Loading /> : <ErrorSummary problems={problemsOf(error, t)} />}
      </Page>
    );
  }
  return <NeedReview key={need.id} need={need} initialOutcome={filed ? 'filed' : null} />;
}

function NeedReview({ need, initialOutcome }: { need: Need; initialOutcome: Outcome | null }) {
  const t = useT();
  const { locale } = useLocale();
  const client = useClient();
  const taxonomy = useTaxonomy();
  const { user } = useSignedIn();
  // The form's starting point: the need as loaded, saved or reloaded; the version the reader's edits rest on.
  const [base, setBase] = useState(() => ({ values: needFormFrom(need), version: need.version }));
  const [values, setValues] = useState<NeedFormValues>(base.values);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(initialOutcome);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonProblems, setReasonProblems] = useState<FormProblem[]>([]);
  const [{ fetching: saving }, saveNeed] = useMutation(SaveNeedMutation);
  const [{ fetching: publishing }, publishNeed] = useMutation(PublishNeedMutation);
  const [{ fetching: withdrawing }, withdrawNeed] = useMutation(WithdrawNeedMutation);
  const [{ fetching: reconfirming }, reconfirmNeed] = useMutation(ReconfirmNeedMutation);
  const [validUntil, setValidUntil] = useState(need.validUntil);

  useEffect(() => {
    if (withdrawOpen) document.getElementById(WITHDRAW_FIELD_IDS.reason)?.focus();
  }, [withdrawOpen]);

  const dirty = useMemo(() => differingFields(base.values, values).length > 0, [base.values, values]);
  const editable = EDITABLE.includes(need.status);
  const busy = saving || publishing || withdrawing || reconfirming;

  /** On CONFLICT, what the other person saved, compared field by field with the reader's form. */
  async function handleRefusal(refusal: CombinedError | undefined, setOwnProblems: (problems: FormProblem[]) => void): Promise<void> {
    if (errorCodeOf(refusal) === 'CONFLICT') {
      const current = await client.query(NeedForReviewQuery, { id: need.id }, { requestPolicy: 'network-only' }).toPromise();
      const fresh = current.data?.need;
      if (fresh && fresh.version !== base.version) {
        const theirs = needFormFrom(fresh);
        setConflict({
          theirs,
          yours: values,
          fields: differingFields(theirs, values),
          version: fresh.version,
          status: fresh.status,
          reloaded: false,
        });
        setProblems([]);
        setOwnProblems([]);
        return;
      }
    }
    setOwnProblems(problemsOf(refusal, t));
  }

  /** Saves the form; the new version, or null when refused (the refusal is already shown). */
  async function save(): Promise<number | null> {
    const local = needFormProblems(values, t, { fundedUsd: need.fundedUsd, storedValidUntil: base.values.validUntil });
    setProblems(local);
    if (local.length) return null;
    const result = await saveNeed({ id: need.id, input: needInputOf(values, base.values.validUntil), expectedVersion: base.version });
    if (result.error || !result.data) {
      await handleRefusal(result.error, setProblems);
      return null;
    }
    const saved = needFormFrom(result.data.updateNeed);
    setBase({ values: saved, version: result.data.updateNeed.version });
    setValues(saved);
    setConflict(null);
    return result.data.updateNeed.version;
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
    const result = await publishNeed({ id: need.id, expectedVersion: version });
    if (result.error || !result.data) {
      await handleRefusal(result.error, setProblems);
      return;
    }
    setBase((current) => ({ ...current, version: result.data!.publishNeed.version }));
    setOutcome('published');
  }

  async function withdraw(event: FormEvent) {
    event.preventDefault();
    setOutcome(null);
    const trimmed = reason.trim();
    const local: FormProblem[] =
      trimmed.length < REASON_LIMITS.min || trimmed.length > REASON_LIMITS.max
        ? [{ field: 'reason', message: t('needs.withdraw.reasonLength', REASON_LIMITS) }]
        : [];
    setReasonProblems(local);
    if (local.length) return;
    const result = await withdrawNeed({ id: need.id, reason: trimmed, expectedVersion: base.version });
    if (result.error || !result.data) {
      await handleRefusal(result.error, setReasonProblems);
      return;
    }
    setBase((current) => ({ ...current, version: result.data!.withdrawNeed.version }));
    setWithdrawOpen(false);
    setReason('');
    setOutcome('withdrawn');
  }

  async function reconfirm() {
    setOutcome(null);
    const result = await reconfirmNeed({ id: need.id, expectedVersion: base.version });
    if (result.error || !result.data) {
      await handleRefusal(result.error, setProblems);
      return;
    }
    const renewed = result.data.reconfirmNeed;
    setBase((current) => ({ values: { ...current.values, validUntil: renewed.validUntil }, version: renewed.version }));
    setValues((current) => ({ ...current, validUntil: renewed.validUntil }));
    setValidUntil(renewed.validUntil);
    setOutcome('reconfirmed');
  }

  function reload() {
    if (!conflict) return;
    setBase({ values: conflict.theirs, version: conflict.version });
    setValues(conflict.theirs);
    setProblems([]);
    setConflict({ ...conflict, reloaded: true });
  }

  const title =
    need.status === 'DRAFT' ? t('needs.review.titleDraft') : editable ? t('needs.review.titleEdit') : t('needs.review.titleClosed');
  const hasSource = Boolean(need.sourceExcerpt || need.nationalReport);

  const form = taxonomy ? (
    <NeedForm values={values} onChange={setValues} problems={problems} taxonomy={taxonomy} onSubmit={() => void submit()}>
      <div className="button-group">
        <button type="submit" className="button" disabled={busy}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        {need.status === 'DRAFT' ? (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void publish()}>
            {publishing ? t('needs.review.publishing') : t('needs.review.publish')}
          </button>
        ) : null}
        {WITHDRAWABLE.includes(need.status) ? (
          <button
            type="button"
            className="button button--warning"
            disabled={busy}
            aria-expanded={withdrawOpen}
            onClick={() => setWithdrawOpen(true)}
          >
            {t('needs.review.withdraw')}
          </button>
        ) : null}
      </div>
    </NeedForm>
  ) : (
    <Loading />
  );

  return (
    <Page title={title} wide>
      {outcome ? (
        <div className="notice notice--success" role="status">
          {outcome === 'filed' ? t('needs.review.filed') : null}
          {outcome === 'saved' ? t('needs.review.saved') : null}
          {outcome === 'published' ? t('needs.review.published') : null}
          {outcome === 'withdrawn' ? t('needs.review.withdrawn') : null}
          {outcome === 'reconfirmed' ? t('needs.review.reconfirmed', { date: formatDate(locale, validUntil) }) : null}
        </div>
      ) : null}
      {conflict && taxonomy ? (
        <VersionConflict
          id="need-conflict"
          title={t('needs.conflict.title')}
          body={
            conflict.reloaded
              ? t('needs.conflict.reloaded')
              : t('needs.conflict.body', { version: conflict.version, status: t(NEED_STATUS_LABELS[conflict.status]) })
          }
          caption={t('needs.conflict.caption')}
          columns={{ field: t('needs.conflict.field'), theirs: t('needs.conflict.theirs'), yours: t('needs.conflict.yours') }}
          rows={needConflictRows(conflict, t, locale, taxonomy)}
          noRows={t('needs.conflict.sameFields')}
          reloaded={conflict.reloaded}
          onReload={reload}
          onDismiss={() => setConflict(null)}
          dismissLabel={t('needs.conflict.dismiss')}
          revision={conflict.version}
        />
      ) : null}
      <ErrorSummary problems={problems} fieldIds={NEED_FIELD_IDS} />

      <dl className="summary-list need-summary">
        <dt>{t('needs.review.storedTitle')}</dt>
        <dd dir="auto">{need.title}</dd>
        <dt>{t('needs.review.status')}</dt>
        <dd>
          <StatusTag status={need.status} />
        </dd>
        <dt>{t('needs.review.version')}</dt>
        <dd>{need.version}</dd>
        <dt>{t('common.country')}</dt>
        <dd>{regionName(locale, need.country.iso2, need.country.name)}</dd>
        <dt>{t('needs.review.budget')}</dt>
        <dd>{formatUsd(locale, need.estimatedBudgetUsd)}</dd>
        <dt>{t('needs.review.funded')}</dt>
        <dd>
          <FundedMeter fundedUsd={need.fundedUsd} budgetUsd={need.estimatedBudgetUsd} locale={locale} />
          <span className="need-summary__funded">{t('needs.review.fundedAmount', { amount: formatUsd(locale, need.fundedUsd) })}</span>
        </dd>
        <FundedElsewhereRows need={need} />
        <dt>{t('needs.review.cycle')}</dt>
        <dd>{cycleName(t, need.cycle)}</dd>
        <dt>{t('needs.review.validUntil')}</dt>
        <dd>{formatDate(locale, need.validUntil)}</dd>
        <dt>{t('needs.review.updatedAt')}</dt>
        <dd>{formatDateTime(locale, need.updatedAt)}</dd>
      </dl>
      {need.status !== 'DRAFT' ? (
        <p>
          <Link href={`/needs/${need.id}/matches`}>{t('needs.review.matchesLink')}</Link>
        </p>
      ) : null}

      {RECONFIRMABLE.includes(need.status) ? (
        <section className="reconfirm-panel" aria-labelledby="need-reconfirm-heading">
          <h2 id="need-reconfirm-heading">{t('needs.reconfirm.heading')}</h2>
          <p>
            {need.status === 'STALE'
              ? t('needs.reconfirm.staleIntro', { date: formatDate(locale, need.validUntil) })
              : t('needs.reconfirm.intro', { date: formatDate(locale, need.validUntil) })}
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => void reconfirm()}>
            {reconfirming ? t('needs.reconfirm.submitting') : t('needs.reconfirm.submit')}
          </button>
        </section>
      ) : null}

      {need.status === 'STALE' ? null : !editable ? (
        <div className="notice" role="status">
          {t('needs.review.notEditable', { status: t(NEED_STATUS_LABELS[need.status]) })}
        </div>
      ) : hasSource ? (
        <div className="two-columns">
          <section aria-labelledby="need-source-heading">
            <h2 id="need-source-heading">{t('needs.review.sourceHeading')}</h2>
            {need.nationalReport ? (
              <dl className="summary-list">
                <dt>{t('needs.review.reportYear')}</dt>
                <dd>{need.nationalReport.year}</dd>
                <dt>{t('needs.review.reportInstrument')}</dt>
                <dd>{t(INSTRUMENT_LABELS[need.nationalReport.instrument])}</dd>
                <dt>{t('needs.review.reportFile')}</dt>
                <dd dir={need.nationalReport.fileName ? 'auto' : undefined}>
                  {need.nationalReport.fileName ?? t('needs.review.reportPasted')}
                </dd>
              </dl>
            ) : null}
            {need.nationalReport ? (
              <p>
                <Link href={`/reports/${need.nationalReport.id}`}>{t('needs.review.reportLink')}</Link>
              </p>
            ) : null}
            {need.sourceExcerpt ? (
              <figure className="need-source">
                <figcaption className="field__label">{t('needs.review.excerpt')}</figcaption>
                <blockquote className="source-excerpt" dir="auto">
                  {need.sourceExcerpt}
                </blockquote>
              </figure>
            ) : null}
          </section>
          <section aria-labelledby="need-form-heading">
            <h2 id="need-form-heading">{t('needs.review.formHeading')}</h2>
            {form}
          </section>
        </div>
      ) : (
        form
      )}

      {withdrawOpen ? (
        <section className="withdraw-panel" aria-labelledby="need-withdraw-heading">
          <h2 id="need-withdraw-heading">{t('needs.withdraw.heading')}</h2>
          <p>{t('needs.withdraw.intro')}</p>
          <ErrorSummary problems={reasonProblems} fieldIds={WITHDRAW_FIELD_IDS} />
          <form onSubmit={(event) => void withdraw(event)} noValidate className="form">
            <TextArea
              id={WITHDRAW_FIELD_IDS.reason}
              label={t('needs.withdraw.reason')}
              hint={t('needs.withdraw.reasonHint', REASON_LIMITS)}
              rows={3}
              maxLength={REASON_LIMITS.max}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              error={messageFor(reasonProblems, 'reason')}
            />
            <div className="button-group">
              <button type="submit" className="button button--warning" disabled={busy}>
                {withdrawing ? t('needs.withdraw.submitting') : t('needs.withdraw.submit')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setWithdrawOpen(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        </section>
      ) : null}
      {need.status !== 'DRAFT' ? (
        <OtherFundingSection
          need={need}
          status={need.status}
          mayRecord={actsForOthers(user.role) || user.country?.iso3 === need.country.iso3}
          onRecorded={(version) => setBase((current) => ({ ...current, version }))}
        />
      ) : null}
    </Page>
  );
}
