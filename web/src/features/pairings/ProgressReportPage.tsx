import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Link, useLocation } from 'wouter';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDate, formatUsd } from '../../i18n/format';
import { errorCodeOf, messageFor, problemsOf, type FormProblem } from '../../ui/api-errors';
import { MATCH_STATUS_LABELS } from '../../ui/enum-labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Checkbox, TextArea, TextField } from '../../ui/fields';
import { Loading, Page } from '../../ui/page';
import { REPORTING_STATUSES } from './overdue';
import { AddProgressReportMutation, useConsentedPairing, type Pairing } from './pairing-data';
import type { FiledReport } from './PairingsPage';
import {
  disbursedSoFar,
  EMPTY_INDICATOR,
  excerptOf,
  indicatorField,
  MAX_INDICATORS,
  NARRATIVE_MAX,
  NARRATIVE_MIN,
  PROGRESS_FIELDS,
  progressInput,
  progressProblems,
  remainingUsd,
  type IndicatorRow,
  type ProgressForm,
} from './progress-rules';

const FIELD_IDS = {
  periodEnd: 'progress-period-end',
  narrative: 'progress-narrative',
  disbursedUsd: 'progress-disbursed',
  indicators: 'progress-indicators',
  addIndicator: 'progress-add-indicator',
  completed: 'progress-completed',
};

const indicatorInputId = (index: number, part: 'name' | 'value' | 'target') => `indicator-${index}-${part}`;

/** Rows carry a key of their own so that removing one never moves another's text into its inputs. */
interface KeyedRow extends IndicatorRow {
  key: number;
}

export default function ProgressReportPage({ params }: { params: Record<string, string | undefined> }) {
  const t = useT();
  const id = params.id ?? '';
  const pairing = useConsentedPairing(id);

  let body;
  if (pairing.data === undefined) body = pairing.error ? <ErrorSummary problems={problemsOf(pairing.error, t)} /> : <Loading />;
  else if (pairing.data === null) body = <p>{t('pairings.progress.notFound')}</p>;
  else body = <ProgressReport pairing={pairing.data} reload={pairing.reload} />;

  return (
    <Page title={t('pairings.progress.title')} wide>
      {body}
      <p>
        <Link href="/pairings">{t('pairings.progress.back')}</Link>
      </p>
    </Page>
  );
}

function ProgressReport({ pairing, reload }: { pairing: Pairing; reload: () => Promise<Pairing | null | undefined> }) {
  const t = useT();
  const { locale } = useLocale();
  const allocated = pairing.allocatedUsd ?? 0;
  const disbursed = disbursedSoFar(pairing.progressReports);
  const remaining = remainingUsd(allocated, pairing.progressReports);
  const reportable = REPORTING_STATUSES.includes(pairing.status);

  return (
    <>
      <section aria-labelledby="progress-pairing-title" className="pairings-section">
        <h2 id="progress-pairing-title">{t('pairings.progress.pairingTitle')}</h2>
        <dl className="summary-list">
          <dt>{t('pairings.field.need')}</dt>
          <dd>
            <Link href={`/needs/${pairing.need.id}`} dir="auto">
              {pairing.need.title}
            </Link>
          </dd>
          <dt>{t('pairings.field.offer')}</dt>
          <dd dir="auto">{pairing.offer.title}</dd>
          <dt>{t('pairings.field.donor')}</dt>
          <dd dir="auto">{pairing.offer.donor.name}</dd>
          <dt>{t('pairings.field.status')}</dt>
          <dd>
            <span className="tag">{t(MATCH_STATUS_LABELS[pairing.status])}</span>
          </dd>
          <dt>{t('pairings.field.allocated')}</dt>
          <dd>{formatUsd(locale, allocated)}</dd>
          <dt>{t('pairings.field.disbursed')}</dt>
          <dd>{formatUsd(locale, disbursed)}</dd>
          <dt>{t('pairings.field.remaining')}</dt>
          <dd>{formatUsd(locale, remaining)}</dd>
        </dl>
      </section>

      {reportable ? (
        <ProgressReportForm pairing={pairing} remaining={remaining} reload={reload} />
      ) : (
        <div className="notice">{t('pairings.progress.notReportable', { status: t(MATCH_STATUS_LABELS[pairing.status]) })}</div>
      )}

      <ReportHistory pairing={pairing} />
    </>
  );
}

function ProgressReportForm({
  pairing,
  remaining,
  reload,
}: {
  pairing: Pairing;
  remaining: number;
  reload: () => Promise<Pairing | null | undefined>;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [, navigate] = useLocation();
  const [periodEnd, setPeriodEnd] = useState('');
  const [narrative, setNarrative] = useState('');
  const [disbursedUsd, setDisbursedUsd] = useState('');
  const [indicators, setIndicators] = useState<KeyedRow[]>([]);
  const [completed, setCompleted] = useState(false);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [{ fetching }, addReport] = useMutation(AddProgressReportMutation);
  const nextKey = useRef(0);
  /** Where focus goes once the indicator rows have been redrawn: the new row's first input, or the add button after a removal. */
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  }, [indicators]);

  const form = (): ProgressForm => ({ periodEnd, narrative, disbursedUsd, indicators, completed });

  function addIndicator() {
    pendingFocus.current = indicatorInputId(indicators.length, 'name');
    setIndicators([...indicators, { ...EMPTY_INDICATOR, key: nextKey.current++ }]);
  }

  function removeIndicator(index: number) {
    pendingFocus.current = FIELD_IDS.addIndicator;
    setIndicators(indicators.filter((_, i) => i !== index));
    // Problems name rows by position, which has just changed.
    setProblems([]);
  }

  function updateIndicator(index: number, change: Partial<IndicatorRow>) {
    setIndicators(indicators.map((row, i) => (i === index ? { ...row, ...change } : row)));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = progressProblems(form(), remaining, locale, t);
    setProblems(local);
    if (local.length) return;
    const result = await addReport({ matchId: pairing.id, input: progressInput(form(), locale) });
    if (!result.error) {
      const state: FiledReport = { filedFor: pairing.need.title, completed };
      navigate('/pairings', { state });
      return;
    }
    // The other party may have reported, or closed the pairing, meanwhile: judge the report again against the pairing as it is now.
    const fresh = await reload();
    if (fresh && !REPORTING_STATUSES.includes(fresh.status)) {
      setProblems([{ field: null, message: t('pairings.progress.overtaken', { status: t(MATCH_STATUS_LABELS[fresh.status]) }) }]);
      return;
    }
    if (fresh) {
      const again = progressProblems(form(), remainingUsd(fresh.allocatedUsd ?? 0, fresh.progressReports), locale, t);
      if (again.length) {
        setProblems(again);
        return;
      }
    }
    setProblems(
      errorCodeOf(result.error) === 'CONFLICT' ? [{ field: null, message: t('common.error.conflict') }] : problemsOf(result.error, t),
    );
  }

  const fieldIds: Record<string, string> = {};
  indicators.forEach((_, index) => {
    for (const part of ['name', 'value', 'target'] as const) fieldIds[indicatorField(index, part)] = indicatorInputId(index, part);
  });
  Object.assign(fieldIds, {
    [PROGRESS_FIELDS.periodEnd]: FIELD_IDS.periodEnd,
    [PROGRESS_FIELDS.narrative]: FIELD_IDS.narrative,
    [PROGRESS_FIELDS.disbursedUsd]: FIELD_IDS.disbursedUsd,
    [PROGRESS_FIELDS.indicators]: FIELD_IDS.indicators,
    [PROGRESS_FIELDS.completed]: FIELD_IDS.completed,
  });
  const indicatorsError = problems
    .filter((problem) => problem.field === PROGRESS_FIELDS.indicators)
    .map((problem) => problem.message)
    .join(' ');

  return (
    <section aria-labelledby="progress-form-title" className="pairings-section">
      <h2 id="progress-form-title">{t('pairings.progress.formTitle')}</h2>
      <ErrorSummary problems={problems} fieldIds={fieldIds} />
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <TextField
          id={FIELD_IDS.periodEnd}
          label={t('pairings.progress.periodEnd')}
          hint={t('pairings.progress.periodEndHint')}
          type="date"
          className="input input--short"
          value={periodEnd}
          onChange={(event) => setPeriodEnd(event.target.value)}
          error={messageFor(problems, PROGRESS_FIELDS.periodEnd)}
        />
        <TextArea
          id={FIELD_IDS.narrative}
          label={t('pairings.progress.narrative')}
          hint={t('pairings.progress.narrativeHint', { min: NARRATIVE_MIN, max: NARRATIVE_MAX })}
          rows={8}
          value={narrative}
          onChange={(event) => setNarrative(event.target.value)}
          error={messageFor(problems, PROGRESS_FIELDS.narrative)}
        />
        <TextField
          id={FIELD_IDS.disbursedUsd}
          label={t('pairings.progress.disbursed')}
          hint={t('pairings.progress.disbursedHint', {
            remaining: formatUsd(locale, remaining),
            allocated: formatUsd(locale, pairing.allocatedUsd ?? 0),
          })}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          className="input input--short"
          value={disbursedUsd}
          onChange={(event) => setDisbursedUsd(event.target.value)}
          error={messageFor(problems, PROGRESS_FIELDS.disbursedUsd)}
        />

        <fieldset
          id={FIELD_IDS.indicators}
          className={`fieldset${indicatorsError ? ' field--error' : ''}`}
          tabIndex={-1}
          aria-describedby="progress-indicators-hint"
        >
          <legend className="fieldset__legend">{t('pairings.progress.indicators')}</legend>
          <div id="progress-indicators-hint" className="field__hint">
            {t('pairings.progress.indicatorsHint', { max: MAX_INDICATORS })}
          </div>
          {indicatorsError ? <p className="field__error">{indicatorsError}</p> : null}
          {indicators.map((row, index) => {
            const number = index + 1;
            return (
              <div key={row.key} className="indicator-row">
                <TextField
                  id={indicatorInputId(index, 'name')}
                  label={t('pairings.progress.indicatorName', { number })}
                  value={row.name}
                  onChange={(event) => updateIndicator(index, { name: event.target.value })}
                  error={messageFor(problems, indicatorField(index, 'name'))}
                />
                <TextField
                  id={indicatorInputId(index, 'target')}
                  label={t('pairings.progress.indicatorTarget', { number })}
                  inputMode="decimal"
                  autoComplete="off"
                  value={row.target}
                  onChange={(event) => updateIndicator(index, { target: event.target.value })}
                  error={messageFor(problems, indicatorField(index, 'target'))}
                />
                <TextField
                  id={indicatorInputId(index, 'value')}
                  label={t('pairings.progress.indicatorValue', { number })}
                  inputMode="decimal"
                  autoComplete="off"
                  value={row.value}
                  onChange={(event) => updateIndicator(index, { value: event.target.value })}
                  error={messageFor(problems, indicatorField(index, 'value'))}
                />
                <button type="button" className="button button--secondary indicator-row__remove" onClick={() => removeIndicator(index)}>
                  {t('pairings.progress.removeIndicator', { number })}
                </button>
              </div>
            );
          })}
          {indicators.length < MAX_INDICATORS ? (
            <button type="button" id={FIELD_IDS.addIndicator} className="button button--secondary" onClick={addIndicator}>
              {t('pairings.progress.addIndicator')}
            </button>
          ) : null}
        </fieldset>

        <Checkbox
          id={FIELD_IDS.completed}
          label={t('pairings.progress.completed')}
          hint={t('pairings.progress.completedHint')}
          checked={completed}
          onChange={(event) => setCompleted(event.target.checked)}
        />

        <div className="button-group">
          <button type="submit" className="button" disabled={fetching}>
            {fetching ? t('pairings.progress.submitting') : t('pairings.progress.submit')}
          </button>
          <Link href="/pairings" className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}

function ReportHistory({ pairing }: { pairing: Pairing }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section aria-labelledby="progress-history-title" className="pairings-section">
      <h2 id="progress-history-title">{t('pairings.history.title')}</h2>
      {pairing.progressReports.length === 0 ? (
        <p>{t('pairings.history.none')}</p>
      ) : (
        <div className="pairings-table-scroll" role="region" aria-labelledby="progress-history-title" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('pairings.history.periodEnd')}</th>
                <th scope="col">{t('pairings.history.filedOn')}</th>
                <th scope="col" className="num">
                  {t('pairings.history.disbursed')}
                </th>
                <th scope="col">{t('pairings.history.narrative')}</th>
                <th scope="col">{t('pairings.history.completed')}</th>
              </tr>
            </thead>
            <tbody>
              {pairing.progressReports.map((report) => (
                <tr key={report.id}>
                  <td>{formatDate(locale, report.periodEnd)}</td>
                  <td>{formatDate(locale, report.createdAt)}</td>
                  <td className="num">{formatUsd(locale, report.disbursedUsd)}</td>
                  <td dir="auto">{excerptOf(report.narrative)}</td>
                  <td>{report.completed ? t('common.yes') : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
