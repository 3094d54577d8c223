import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useClient, useMutation, type CombinedError } from 'urql';
import { Link } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDate, formatUsd } from '../../i18n/format';
import { errorCodeOf, messageFor, problemsOf, type FormProblem } from '../../ui/api-errors';
import { MATCH_STATUS_LABELS } from '../../ui/enum-labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextArea } from '../../ui/fields';
import { Loading, Page } from '../../ui/page';
import { WhyItFits } from '../matches/WhyItFits';
import { declineProblems, REASON_FIELD, REASON_MAX, REASON_MIN } from './decline-rules';
import { isOverdue, lastFiledReport, OVERDUE_DAYS, REPORTING_STATUSES } from './overdue';
import { ConfirmMatchMutation, CONSENTED_STATUSES, currentPairing, DeclineMatchMutation, usePairings, type Pairing } from './pairing-data';
import { disbursedSoFar } from './progress-rules';
import { useLiveRefresh } from '../live/LiveProvider';

/** What the progress page hands over when it brings the reader back here after filing. */
export interface FiledReport {
  filedFor: string;
  completed: boolean;
}

const reasonFieldId = (pairingId: string) => `decline-reason-${pairingId}`;

/** A decision the API refused because the pairing moved on meanwhile, rather than because of what was sent. */
const isOvertaken = (error: CombinedError) => ['CONFLICT', 'NOT_FOUND'].includes(errorCodeOf(error) ?? '');

export default function PairingsPage() {
  const t = useT();
  const client = useClient();
  const awaiting = usePairings(['APPROVED']);
  const consented = usePairings(CONSENTED_STATUSES);
  const filed = useHistoryState<FiledReport | null>();
  const [notice, setNotice] = useState<string | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  /** The pairing whose decline form the error summary's links lead to. */
  const [problemPairing, setProblemPairing] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  /** Set after a decision: the card the reader acted on is gone, so focus goes to the notice once it is drawn. */
  const focusNotice = useRef(false);

  useEffect(() => {
    if (!notice || !focusNotice.current) return;
    focusNotice.current = false;
    noticeRef.current?.focus();
  }, [notice]);

  useEffect(() => {
    if (!filed?.filedFor) return;
    setNotice(
      filed.completed
        ? t('pairings.notice.filedCompleted', { need: filed.filedFor })
        : t('pairings.notice.filed', { need: filed.filedFor }),
    );
    // A reload of the page should not announce the same report again.
    history.replaceState(null, '');
  }, [filed, t]);

  function reloadAll() {
    void awaiting.reload();
    void consented.reload();
  }
  // Pairings are born of an approval, never of a new proposal.
  useLiveRefresh(reloadAll, ['STATUS_CHANGED']);

  function decided(message: string) {
    setProblems([]);
    setProblemPairing(null);
    focusNotice.current = true;
    setNotice(message);
    reloadAll();
  }

  async function refused(pairing: Pairing, error: CombinedError) {
    setNotice(null);
    setProblemPairing(pairing.id);
    if (isOvertaken(error)) {
      const now = await currentPairing(client, pairing.id).catch(() => null);
      setProblems([
        {
          field: null,
          message: now
            ? t('pairings.decision.overtaken', { need: pairing.need.title, status: t(MATCH_STATUS_LABELS[now.status]) })
            : t('pairings.decision.overtakenGone', { need: pairing.need.title }),
        },
      ]);
      reloadAll();
      return;
    }
    setProblems(problemsOf(error, t));
  }

  const loadProblems = [awaiting.error, consented.error].flatMap((error) => (error ? problemsOf(error, t) : []));
  const fieldIds = problemPairing ? { [REASON_FIELD]: reasonFieldId(problemPairing) } : undefined;

  return (
    <Page title={t('pairings.title')} wide>
      <div role="status">
        {notice ? (
          <div className="notice notice--success" tabIndex={-1} ref={noticeRef}>
            {notice}
          </div>
        ) : null}
      </div>
      <ErrorSummary problems={[...problems, ...loadProblems]} fieldIds={fieldIds} />

      <section aria-labelledby="pairings-awaiting-title" className="pairings-section">
        <h2 id="pairings-awaiting-title">{t('pairings.awaiting.title')}</h2>
        <p>{t('pairings.awaiting.intro')}</p>
        {awaiting.data === undefined ? (
          awaiting.error ? null : (
            <Loading />
          )
        ) : awaiting.data.length === 0 ? (
          <p>{t('pairings.awaiting.none')}</p>
        ) : (
          awaiting.data.map((pairing) => (
            <AwaitingPairing
              key={pairing.id}
              pairing={pairing}
              problems={problemPairing === pairing.id ? problems : []}
              onProblems={(local) => {
                setNotice(null);
                setProblemPairing(pairing.id);
                setProblems(local);
              }}
              onDecided={decided}
              onRefused={(error) => void refused(pairing, error)}
            />
          ))
        )}
      </section>

      <section aria-labelledby="pairings-running-title" className="pairings-section">
        <h2 id="pairings-running-title">{t('pairings.running.title')}</h2>
        <p>{t('pairings.running.overdueRule', { days: OVERDUE_DAYS })}</p>
        {consented.data === undefined ? (
          consented.error ? null : (
            <Loading />
          )
        ) : consented.data.length === 0 ? (
          <p>{t('pairings.running.none')}</p>
        ) : (
          <RunningPairings pairings={consented.data} />
        )}
      </section>
    </Page>
  );
}

function AwaitingPairing({
  pairing,
  problems,
  onProblems,
  onDecided,
  onRefused,
}: {
  pairing: Pairing;
  problems: FormProblem[];
  onProblems: (problems: FormProblem[]) => void;
  onDecided: (message: string) => void;
  onRefused: (error: CombinedError) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [{ fetching: confirming }, confirm] = useMutation(ConfirmMatchMutation);
  const [{ fetching: sendingDecline }, decline] = useMutation(DeclineMatchMutation);
  const declineButtonRef = useRef<HTMLButtonElement>(null);
  /** Whether the decline form has been opened: closing it then returns focus to the button that opened it. */
  const opened = useRef(false);
  const titleId = `pairing-${pairing.id}-title`;
  const busy = confirming || sendingDecline;

  useEffect(() => {
    if (declining) {
      opened.current = true;
      document.getElementById(reasonFieldId(pairing.id))?.focus();
    } else if (opened.current) {
      declineButtonRef.current?.focus();
    }
  }, [declining, pairing.id]);

  async function onConfirm() {
    const result = await confirm({ id: pairing.id });
    if (result.error) onRefused(result.error);
    else onDecided(t('pairings.notice.confirmed', { need: pairing.need.title }));
  }

  async function onDecline(event: FormEvent) {
    event.preventDefault();
    const local = declineProblems(reason, t);
    if (local.length) {
      onProblems(local);
      return;
    }
    const result = await decline({ id: pairing.id, reason: reason.trim() });
    if (result.error) onRefused(result.error);
    else onDecided(t('pairings.notice.declined', { need: pairing.need.title }));
  }

  function cancelDecline() {
    setDeclining(false);
    setReason('');
    onProblems([]);
  }

  return (
    <section className="pairing-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="pairing-card__title">
        <Link href={`/needs/${pairing.need.id}`} dir="auto">
          {pairing.need.title}
        </Link>
      </h3>
      <dl className="summary-list">
        <dt>{t('pairings.field.offer')}</dt>
        <dd dir="auto">{pairing.offer.title}</dd>
        <dt>{t('pairings.field.donor')}</dt>
        <dd dir="auto">{pairing.offer.donor.name}</dd>
        <dt>{t('pairings.field.allocated')}</dt>
        <dd>{pairing.allocatedUsd === null ? t('common.notSet') : formatUsd(locale, pairing.allocatedUsd)}</dd>
        <dt>{t('pairings.field.explanation')}</dt>
        <WhyItFits explanation={pairing.explanation} reasons={pairing.reasons} country={pairing.need.country} />
      </dl>
      {declining ? (
        <form onSubmit={(event) => void onDecline(event)} noValidate className="form">
          <TextArea
            id={reasonFieldId(pairing.id)}
            label={t('pairings.decline.reason')}
            hint={t('pairings.decline.reasonHint', { min: REASON_MIN, max: REASON_MAX })}
            rows={4}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={messageFor(problems, REASON_FIELD)}
          />
          <div className="button-group">
            <button type="submit" className="button button--warning" disabled={busy}>
              {sendingDecline ? t('pairings.decline.submitting') : t('pairings.decline.submit')}
            </button>
            <button type="button" className="button button--secondary" onClick={cancelDecline} disabled={busy}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="button-group">
          <button type="button" className="button" onClick={() => void onConfirm()} disabled={busy} aria-describedby={titleId}>
            {confirming ? t('pairings.awaiting.confirming') : t('pairings.awaiting.confirm')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            ref={declineButtonRef}
            onClick={() => setDeclining(true)}
            disabled={busy}
            aria-describedby={titleId}
          >
            {t('pairings.awaiting.decline')}
          </button>
        </div>
      )}
    </section>
  );
}

function RunningPairings({ pairings }: { pairings: Pairing[] }) {
  const t = useT();
  const { locale } = useLocale();
  const now = new Date();
  // The pairings that need the reader's attention first, the API's order otherwise.
  const rows = pairings
    .map((pairing) => ({ pairing, overdue: isOverdue(pairing, now), last: lastFiledReport(pairing.progressReports) }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue));
  const overdueCount = rows.filter((row) => row.overdue).length;

  return (
    <>
      {overdueCount ? (
        <div className="notice notice--warning">
          <p className="pairings-notice-text">{t('pairings.running.overdueCount', { count: overdueCount })}</p>
        </div>
      ) : null}
      <div className="pairings-table-scroll" role="region" aria-labelledby="pairings-running-title" tabIndex={0}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('pairings.field.need')}</th>
              <th scope="col">{t('pairings.field.offer')}</th>
              <th scope="col">{t('pairings.field.donor')}</th>
              <th scope="col">{t('pairings.field.status')}</th>
              <th scope="col" className="num">
                {t('pairings.field.allocated')}
              </th>
              <th scope="col" className="num">
                {t('pairings.field.disbursed')}
              </th>
              <th scope="col">{t('pairings.field.lastReport')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('pairings.running.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ pairing, overdue, last }) => {
              const needCellId = `running-${pairing.id}-need`;
              return (
                <tr key={pairing.id} className={overdue ? 'pairings-row--overdue' : undefined}>
                  <td id={needCellId}>
                    <Link href={`/needs/${pairing.need.id}`} dir="auto">
                      {pairing.need.title}
                    </Link>
                  </td>
                  <td dir="auto">{pairing.offer.title}</td>
                  <td dir="auto">{pairing.offer.donor.name}</td>
                  <td>
                    <span className="tag">{t(MATCH_STATUS_LABELS[pairing.status])}</span>
                    {overdue ? <span className="tag tag--overdue">{t('pairings.running.overdue')}</span> : null}
                  </td>
                  <td className="num">{pairing.allocatedUsd === null ? t('common.notSet') : formatUsd(locale, pairing.allocatedUsd)}</td>
                  <td className="num">{formatUsd(locale, disbursedSoFar(pairing.progressReports))}</td>
                  <td>{last ? formatDate(locale, last.createdAt) : t('pairings.running.noReport')}</td>
                  <td>
                    {REPORTING_STATUSES.includes(pairing.status) ? (
                      <Link href={`/pairings/${pairing.id}/progress`} aria-describedby={needCellId}>
                        {t('pairings.running.fileReport')}
                      </Link>
                    ) : (
                      <Link href={`/pairings/${pairing.id}/progress`} aria-describedby={needCellId}>
                        {t('pairings.running.viewReports')}
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
