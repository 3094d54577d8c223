import { useCallback } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import type { MatchingRunStatus } from '../../gql/enums';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDateTime, formatNumber, formatPercent } from '../../i18n/format';
import type { MessageId } from '../../i18n/message-ids';
import { problemsOf } from '../../ui/api-errors';
import { Loading, Page } from '../../ui/page';
import { formatDuration, RunStatusTag } from './run-display';
import { MatchingRunQuery, weightsOf } from './runs-data';
import { usePollWhile } from './use-polling';
import { FACTOR_LABELS, FACTORS, runIsFinished, shareOf } from './weights-rules';

const STATUS_SENTENCES: Record<MatchingRunStatus, MessageId> = {
  QUEUED: 'matching-runs.run.sentence.QUEUED',
  RUNNING: 'matching-runs.run.sentence.RUNNING',
  SUCCEEDED: 'matching-runs.run.sentence.SUCCEEDED',
  FAILED: 'matching-runs.run.sentence.FAILED',
};

/** One run, followed every second until it succeeds or fails; the status sentence is announced as it changes. */
export default function MatchingRunPage({ params }: { params: Record<string, string | undefined> }) {
  const t = useT();
  const { locale } = useLocale();
  const id = params.id ?? '';
  const [{ data, error, fetching }, refetch] = useQuery({
    query: MatchingRunQuery,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const run = data?.matchingRun;
  const poll = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  usePollWhile(!!run && !runIsFinished(run.status), fetching, data, poll);

  if (!data && fetching) return <Loading />;
  if (!run) {
    return (
      <Page title={t('matching-runs.run.fallbackTitle')}>
        <div className="notice notice--warning" role="alert">
          {problemsOf(error, t)[0]?.message ?? t('common.error.notFound')}
        </div>
        <p>
          <Link href="/runs">{t('matching-runs.run.back')}</Link>
        </p>
      </Page>
    );
  }
  const weights = weightsOf(run.weights);

  return (
    <Page
      title={t('matching-runs.run.title', {
        started: formatDateTime(locale, run.createdAt),
      })}
    >
      <div
        className={`notice${run.status === 'FAILED' ? ' notice--warning' : run.status === 'SUCCEEDED' ? ' notice--success' : ''}`}
        role="status"
      >
        <p className="notice__text">
          {t(STATUS_SENTENCES[run.status], {
            pairs: formatNumber(locale, run.pairsScored),
            matches: formatNumber(locale, run.matchesUpserted),
          })}
        </p>
      </div>
      {/* A failed poll is said once, without hiding the last state read. */}
      {error ? <p className="field__error">{problemsOf(error, t)[0]?.message}</p> : null}
      <dl className="summary-list">
        <dt>{t('matching-runs.list.status')}</dt>
        <dd>
          <RunStatusTag status={run.status} t={t} />
        </dd>
        <dt>{t('matching-runs.run.requested')}</dt>
        <dd>{formatDateTime(locale, run.createdAt)}</dd>
        <dt>{t('matching-runs.list.startedBy')}</dt>
        <dd dir="auto">{run.startedBy?.email ?? t('matching-runs.system')}</dd>
        <dt>{t('matching-runs.run.workerStarted')}</dt>
        <dd>{run.startedAt ? formatDateTime(locale, run.startedAt) : '–'}</dd>
        <dt>{t('matching-runs.run.finished')}</dt>
        <dd>{run.finishedAt ? formatDateTime(locale, run.finishedAt) : '–'}</dd>
        <dt>{t('matching-runs.run.pairsScored')}</dt>
        <dd>{formatNumber(locale, run.pairsScored)}</dd>
        <dt>{t('matching-runs.run.matchesUpserted')}</dt>
        <dd>{formatNumber(locale, run.matchesUpserted)}</dd>
        <dt>{t('matching-runs.list.duration')}</dt>
        <dd>{formatDuration(locale, t, run.durationMs)}</dd>
        {run.error ? (
          <>
            <dt>{t('matching-runs.run.error')}</dt>
            <dd dir="ltr" lang="en">
              {run.error}
            </dd>
          </>
        ) : null}
      </dl>
      <table className="table">
        <caption>{t('matching-runs.run.weightsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matching-runs.run.factor')}</th>
            <th scope="col" className="num">
              {t('matching-runs.run.weight')}
            </th>
            <th scope="col" className="num">
              {t('matching-runs.run.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {FACTORS.map((factor) => (
            <tr key={factor}>
              <th scope="row">{t(FACTOR_LABELS[factor])}</th>
              <td className="num">{formatNumber(locale, weights[factor])}</td>
              <td className="num">{formatPercent(locale, shareOf(weights, factor))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="button-group">
        <Link href="/runs" className="button button--secondary">
          {t('matching-runs.run.back')}
        </Link>
      </p>
    </Page>
  );
}
