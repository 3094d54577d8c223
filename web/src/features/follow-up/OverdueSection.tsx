import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDateTime, formatNumber, regionName } from '../../i18n/format';
import { problemsOf, type FormProblem } from '../../ui/api-errors';
import { MATCH_STATUS_LABELS } from '../../ui/enum-labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/fields';
import { Loading } from '../../ui/page';
import { daysSilent, DEFAULT_OVERDUE_DAYS, MAX_OVERDUE_DAYS, parseDays } from './follow-up-rules';

const OverdueQuery = graphql(`
  query FollowUpOverdue($days: Int!) {
    overdueProgressReports(days: $days) {
      lastReportAt
      match {
        id
        status
        updatedAt
        need {
          id
          title
          country {
            iso2
            name
          }
        }
        offer {
          id
          donor {
            name
          }
        }
      }
    }
  }
`);

const DAYS_ID = 'follow-up-days';

export function OverdueSection() {
  const t = useT();
  const { locale } = useLocale();
  const [input, setInput] = useState(String(DEFAULT_OVERDUE_DAYS));
  const [days, setDays] = useState(DEFAULT_OVERDUE_DAYS);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [result] = useQuery({ query: OverdueQuery, variables: { days } });
  // Days silent are counted from when the list arrived, not from each render.
  const now = useMemo(() => new Date(), [result.data]);

  function show(event: FormEvent) {
    event.preventDefault();
    const parsed = parseDays(input);
    if ('problem' in parsed) {
      const message = {
        required: t('follow-up.overdue.daysRequired'),
        wholeNumber: t('follow-up.overdue.daysWhole'),
        range: t('follow-up.overdue.daysRange', { max: MAX_OVERDUE_DAYS }),
      }[parsed.problem];
      setProblems([{ field: 'days', message }]);
      return;
    }
    setProblems([]);
    setDays(parsed.days);
  }

  const rows = result.data?.overdueProgressReports;
  return (
    <section className="follow-up-section" aria-labelledby="follow-up-overdue-heading">
      <h2 id="follow-up-overdue-heading">{t('follow-up.overdue.heading')}</h2>
      <p>{t('follow-up.overdue.intro')}</p>
      <form className="follow-up-form" onSubmit={show} noValidate>
        <ErrorSummary problems={problems} fieldIds={{ days: DAYS_ID }} />
        <TextField
          id={DAYS_ID}
          label={t('follow-up.overdue.days')}
          hint={t('follow-up.overdue.daysHint')}
          className="input input--narrow"
          inputMode="numeric"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          error={problems[0]?.message}
        />
        <button type="submit" className="button">
          {t('follow-up.overdue.show')}
        </button>
      </form>
      {result.error ? <ErrorSummary problems={problemsOf(result.error, t)} /> : null}
      {!rows ? (
        result.fetching ? (
          <Loading />
        ) : null
      ) : rows.length === 0 ? (
        <p role="status">{t('follow-up.overdue.none', { days })}</p>
      ) : (
        <div className="follow-up-table-scroll">
          <table className="table" aria-busy={result.fetching || undefined}>
            <caption>{t('follow-up.overdue.caption', { count: rows.length, days })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('follow-up.overdue.col.pairing')}</th>
                <th scope="col">{t('follow-up.overdue.col.need')}</th>
                <th scope="col">{t('follow-up.overdue.col.country')}</th>
                <th scope="col">{t('follow-up.overdue.col.donor')}</th>
                <th scope="col" className="num">
                  {t('follow-up.overdue.col.daysSilent')}
                </th>
                <th scope="col">{t('follow-up.overdue.col.lastReport')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ match, lastReportAt }) => (
                <tr key={match.id}>
                  <th scope="row">
                    <span className="tag">{t(MATCH_STATUS_LABELS[match.status])}</span> <code className="follow-up-id">{match.id}</code>
                  </th>
                  <td>
                    <Link href={`/needs/${match.need.id}`}>{match.need.title}</Link>
                  </td>
                  <td>{regionName(locale, match.need.country.iso2, match.need.country.name)}</td>
                  <td>{match.offer.donor.name}</td>
                  <td className="num">{formatNumber(locale, daysSilent(lastReportAt, match.updatedAt, now))}</td>
                  <td>{lastReportAt ? formatDateTime(locale, lastReportAt) : t('follow-up.overdue.neverReported')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
