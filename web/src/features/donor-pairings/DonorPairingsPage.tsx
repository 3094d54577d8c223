import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDate, formatNumber, formatUsd, regionName } from '../../i18n/format';
import { problemsOf } from '../../ui/api-errors';
import { CursorPagination, useCursorTrail } from '../../ui/CursorPagination';
import { donorOf } from '../../ui/donor-choice';
import { DonorSelect, useDonorOptions } from '../../ui/donors';
import { MATCH_STATUS_LABELS } from '../../ui/enum-labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading, Page } from '../../ui/page';
import { useSignedIn } from '../session/SessionProvider';
import { actsForOthers } from '../session/session-store';
import { disbursedOf, DONOR_PAIRING_STATUSES, pairingTotals, reportsNewestFirst } from './donor-pairings-rules';
import { useLiveRefresh } from '../live/LiveProvider';

// Page size written into the query so the API's cost limit prices it at what it asks for.
const DonorPairingsQuery = graphql(`
  query DonorPairings($filter: MatchFilter!, $after: String) {
    matches(filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          allocatedUsd
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
            title
          }
          progressReports {
            id
            disbursedUsd
          }
        }
      }
    }
  }
`);

// A pairing's reports in full are read when the reader opens them: with their indicators, fifty pairings' worth would cost more than the API allows in one query.
const PairingReportsQuery = graphql(`
  query DonorPairingReports($id: ID!) {
    match(id: $id) {
      id
      progressReports {
        id
        periodEnd
        createdAt
        disbursedUsd
        narrative
        completed
        indicators {
          name
          value
          target
        }
      }
    }
  }
`);

/**
 * A donor's pairings: where each stands, the money, and the reports received. A donor's own (the API
 * lists only those of its own offers); the Secretariat's are those of the donor it chose (`?donor=<id>`).
 */
export default function DonorPairingsPage() {
  const t = useT();
  const { locale } = useLocale();
  const session = useSignedIn();
  const staff = actsForOthers(session.user.role);
  const search = useSearch();
  const [, navigate] = useLocation();
  const donorId = donorOf(new URLSearchParams(search), { ownDonor: session.user.donor?.id ?? null, actsForOthers: staff });
  const cursors = useCursorTrail(search);
  const filter = useMemo(() => ({ status: DONOR_PAIRING_STATUSES, ...(staff && donorId ? { donorId } : {}) }), [staff, donorId]);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: DonorPairingsQuery,
    variables: { filter, after: cursors.after || null },
    requestPolicy: 'cache-and-network',
    // The Secretariat sees nothing until it has chosen whose pairings to read.
    pause: staff && !donorId,
  });
  const donors = useDonorOptions(staff);
  const donorName = staff ? donors?.find((donor) => donor.id === donorId)?.name : undefined;
  // Pairings are born of an approval, never of a new proposal.
  // A paused query would still run when asked to reload.
  useLiveRefresh(staff && !donorId ? () => undefined : refetch, ['STATUS_CHANGED']);
  const connection = staff && !donorId ? undefined : data?.matches;
  const pairings = connection?.edges.map((edge) => edge.node) ?? [];
  const totals = pairingTotals(pairings);
  const paged = !!connection && (connection.pageInfo.hasNextPage || !!cursors.after);

  const title = !staff
    ? t('donor-pairings.title')
    : donorName
      ? t('donor-pairings.titleOfDonor', { donor: donorName })
      : t('donor-pairings.titleAnyDonor');
  return (
    <Page title={title} wide>
      <p>{staff ? t('donor-pairings.introStaff') : t('donor-pairings.intro')}</p>
      {staff ? (
        <div className="filters">
          <DonorSelect
            id="donor-pairings-donor"
            label={t('donor-pairings.donor')}
            empty={t('donor-pairings.chooseDonorOption')}
            value={donorId}
            onChange={(event) => navigate(`/donor-pairings${event.target.value ? `?donor=${encodeURIComponent(event.target.value)}` : ''}`)}
          />
        </div>
      ) : null}
      {staff && !donorId ? <p className="notice">{t('donor-pairings.chooseDonor')}</p> : null}
      {error ? <ErrorSummary problems={problemsOf(error, t)} /> : null}
      {!connection ? (
        fetching ? (
          <Loading />
        ) : null
      ) : !pairings.length ? (
        <p className="notice">{staff ? t('donor-pairings.emptyOfDonor') : t('donor-pairings.empty')}</p>
      ) : (
        <>
          <div className="pairings-table-scroll" role="region" aria-labelledby="donor-pairings-caption" tabIndex={0}>
            <table className="table donor-pairings-table">
              <caption id="donor-pairings-caption">
                {t('donor-pairings.caption', { shown: pairings.length, total: connection.totalCount })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('donor-pairings.col.need')}</th>
                  <th scope="col">{t('common.country')}</th>
                  <th scope="col">{t('donor-pairings.col.offer')}</th>
                  <th scope="col">{t('donor-pairings.col.status')}</th>
                  <th scope="col" className="num">
                    {t('donor-pairings.col.approved')}
                  </th>
                  <th scope="col" className="num">
                    {t('donor-pairings.col.disbursed')}
                  </th>
                </tr>
              </thead>
              {pairings.map((pairing) => (
                // One body per pairing: its row, then its reports folded beneath it.
                <tbody key={pairing.id} className="donor-pairings-table__pairing">
                  <tr>
                    <th scope="row" className="donor-pairings-table__need">
                      <Link href={`/browse/${pairing.need.id}`}>{pairing.need.title}</Link>
                    </th>
                    <td>{regionName(locale, pairing.need.country.iso2, pairing.need.country.name)}</td>
                    <td>
                      <Link href={`/offers/${pairing.offer.id}`}>{pairing.offer.title}</Link>
                    </td>
                    <td>
                      <span className={pairing.status === 'DECLINED' ? 'tag tag--warning' : 'tag'}>
                        {t(MATCH_STATUS_LABELS[pairing.status])}
                      </span>
                    </td>
                    <td className="num">{pairing.allocatedUsd == null ? t('common.notSet') : formatUsd(locale, pairing.allocatedUsd)}</td>
                    <td className="num">{formatUsd(locale, disbursedOf(pairing))}</td>
                  </tr>
                  <tr className="donor-pairings-table__reports">
                    <td colSpan={6}>
                      <ProgressReports pairingId={pairing.id} need={pairing.need.title} count={pairing.progressReports.length} />
                    </td>
                  </tr>
                </tbody>
              ))}
              <tfoot>
                <tr className="donor-pairings-table__totals">
                  <th scope="row" colSpan={4}>
                    {paged ? t('donor-pairings.totalsPage') : t('donor-pairings.totals')}
                  </th>
                  <td className="num">{formatUsd(locale, totals.approvedUsd)}</td>
                  <td className="num">{formatUsd(locale, totals.disbursedUsd)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p className="field__hint">{t('donor-pairings.totalsHint')}</p>
          <CursorPagination
            label={t('donor-pairings.pagination')}
            current={cursors.after}
            passed={cursors.passed}
            next={connection.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null}
            onGo={cursors.go}
          />
        </>
      )}
    </Page>
  );
}

function ProgressReports({ pairingId, need, count }: { pairingId: string; need: string; count: number }) {
  const t = useT();
  const { locale } = useLocale();
  const [open, setOpen] = useState(false);
  const [{ data, error, fetching }] = useQuery({ query: PairingReportsQuery, variables: { id: pairingId }, pause: !open });
  if (!count) return <p className="donor-pairings__none">{t('donor-pairings.reports.none', { need })}</p>;
  const reports = data?.match.progressReports;
  return (
    <details className="donor-pairings__details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('donor-pairings.reports.summary', { count, need })}</summary>
      {error ? <ErrorSummary problems={problemsOf(error, t)} /> : null}
      {!reports ? (
        fetching ? (
          <Loading />
        ) : null
      ) : (
        <ol className="donor-pairings__report-list">
          {reportsNewestFirst(reports).map((report) => (
            <li key={report.id} className="donor-pairings__report">
              <dl className="summary-list">
                <dt>{t('donor-pairings.reports.periodEnd')}</dt>
                <dd>{formatDate(locale, report.periodEnd)}</dd>
                <dt>{t('donor-pairings.reports.filed')}</dt>
                <dd>{formatDate(locale, report.createdAt)}</dd>
                <dt>{t('donor-pairings.reports.disbursed')}</dt>
                <dd>{formatUsd(locale, report.disbursedUsd)}</dd>
                <dt>{t('donor-pairings.reports.completed')}</dt>
                <dd>{report.completed ? t('donor-pairings.reports.completedYes') : t('donor-pairings.reports.completedNo')}</dd>
                <dt>{t('donor-pairings.reports.narrative')}</dt>
                {/* Written by the state in its own language. */}
                <dd dir="auto" className="donor-pairings__narrative">
                  {report.narrative}
                </dd>
                <dt>{t('donor-pairings.reports.indicators')}</dt>
                <dd>
                  {report.indicators?.length ? (
                    <ul className="donor-pairings__indicators">
                      {report.indicators.map((indicator, index) => (
                        <li key={index}>
                          {indicator.target == null
                            ? t('donor-pairings.reports.indicatorValue', {
                                name: indicator.name,
                                value: formatNumber(locale, indicator.value),
                              })
                            : t('donor-pairings.reports.indicatorOfTarget', {
                                name: indicator.name,
                                value: formatNumber(locale, indicator.value),
                                target: formatNumber(locale, indicator.target),
                              })}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t('donor-pairings.reports.noIndicators')
                  )}
                </dd>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
