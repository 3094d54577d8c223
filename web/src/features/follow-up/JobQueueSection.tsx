import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { errorCodeOf, problemsOf } from '../../ui/api-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/page';

// The page size is written out so the API prices the query at what it asks for.
const JobQueueQuery = graphql(`
  query FollowUpJobQueue {
    jobQueue {
      driver
      pendingHandOver
      counts {
        waiting
        active
        delayed
        failed
      }
      failedJobs(first: 20) {
        id
        name
        reason
        attempts
        failedAt
      }
    }
  }
`);

export function JobQueueSection() {
  const t = useT();
  const { locale } = useLocale();
  const [result, refetch] = useQuery({ query: JobQueueQuery, requestPolicy: 'network-only' });
  const queue = result.data?.jobQueue;
  // While Redis is away the API still answers how many changes wait to be handed over.
  const redisDown = errorCodeOf(result.error) === 'SERVICE_UNAVAILABLE';
  const counts = queue?.counts;
  const failed = queue?.failedJobs;

  return (
    <section className="follow-up-section" aria-labelledby="follow-up-queue-heading">
      <h2 id="follow-up-queue-heading">{t('follow-up.queue.heading')}</h2>
      <p>{t('follow-up.queue.intro')}</p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => refetch({ requestPolicy: 'network-only' })}
        disabled={result.fetching}
      >
        {t('follow-up.queue.refresh')}
      </button>
      {redisDown ? (
        <div className="notice notice--warning" role="alert">
          {t('follow-up.queue.redisDown')}
        </div>
      ) : result.error ? (
        <ErrorSummary problems={problemsOf(result.error, t)} />
      ) : null}
      {!queue ? (
        result.fetching ? (
          <Loading />
        ) : null
      ) : (
        <div aria-busy={result.fetching || undefined}>
          <dl className="follow-up-counts">
            <div>
              <dt>{t('follow-up.queue.pendingHandOver')}</dt>
              <dd className="num">{formatNumber(locale, queue.pendingHandOver)}</dd>
            </div>
            {counts ? (
              <>
                <div>
                  <dt>{t('follow-up.queue.waiting')}</dt>
                  <dd className="num">{formatNumber(locale, counts.waiting)}</dd>
                </div>
                <div>
                  <dt>{t('follow-up.queue.active')}</dt>
                  <dd className="num">{formatNumber(locale, counts.active)}</dd>
                </div>
                <div>
                  <dt>{t('follow-up.queue.delayed')}</dt>
                  <dd className="num">{formatNumber(locale, counts.delayed)}</dd>
                </div>
                <div>
                  <dt>{t('follow-up.queue.failed')}</dt>
                  <dd className="num">{formatNumber(locale, counts.failed)}</dd>
                </div>
              </>
            ) : null}
          </dl>
          <h3>{t('follow-up.queue.failedHeading')}</h3>
          {!failed ? null : failed.length === 0 ? (
            <p>{t('follow-up.queue.noFailed')}</p>
          ) : (
            <div className="follow-up-table-scroll">
              <table className="table">
                <caption>{t('follow-up.queue.failedCaption', { count: failed.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('follow-up.queue.col.name')}</th>
                    <th scope="col">{t('follow-up.queue.col.error')}</th>
                    <th scope="col" className="num">
                      {t('follow-up.queue.col.attempts')}
                    </th>
                    <th scope="col">{t('follow-up.queue.col.failedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {failed.map((job) => (
                    <tr key={job.id}>
                      <th scope="row">
                        <code>{job.name}</code>
                      </th>
                      <td dir="ltr" className="follow-up-error">
                        {job.reason}
                      </td>
                      <td className="num">{formatNumber(locale, job.attempts)}</td>
                      <td>{formatDateTime(locale, job.failedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
