import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDateTime, formatNumber, formatUsd, regionName } from '../../i18n/format';
import { problemsOf } from '../../ui/api-errors';
import { cycleName } from '../../ui/enum-labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading, Page } from '../../ui/page';
import { useSignedIn } from '../session/SessionProvider';
import { byName, type FiguresRow } from './money-rules';

const FinancialSummaryQuery = graphql(`
  query FinancialSummary {
    financialSummary {
      totals {
        approvedUsd
        disbursedUsd
        lastReportAt
        pairings
        pairingsNeverReported
      }
      byDonor {
        donor {
          id
          name
        }
        approvedUsd
        disbursedUsd
        lastReportAt
        pairings
        pairingsNeverReported
      }
      byState {
        country {
          iso3
          iso2
          name
        }
        approvedUsd
        disbursedUsd
        lastReportAt
        pairings
        pairingsNeverReported
      }
      byCycle {
        cycle {
          code
          kind
          number
          year
        }
        approvedUsd
        disbursedUsd
        lastReportAt
        pairings
        pairingsNeverReported
      }
      byYear {
        year
        approvedUsd
        disbursedUsd
        lastReportAt
        pairings
        pairingsNeverReported
      }
    }
  }
`);

/**
 * Follow-up on money (para 95): what was approved, what was reported as disbursed and when, per donor,
 * per state, per reporting cycle and per year, over the pairings the reader is party to (the API
 * decides which). A donor sees only its own row among donors and a state only its own among states,
 * so those tables are left out.
 */
export default function FinancialSummaryPage() {
  const t = useT();
  const { locale } = useLocale();
  const { user } = useSignedIn();
  const [{ data, error, fetching }] = useQuery({ query: FinancialSummaryQuery, requestPolicy: 'cache-and-network' });
  const summary = data?.financialSummary;

  const tables = useMemo(() => {
    if (!summary) return null;
    return {
      byDonor: byName(
        summary.byDonor.map(({ donor, ...figures }) => ({ key: donor.id, name: donor.name, ...figures })),
        locale,
      ),
      byState: byName(
        summary.byState.map(({ country, ...figures }) => ({
          key: country.iso3,
          name: regionName(locale, country.iso2, country.name),
          ...figures,
        })),
        locale,
      ),
      byCycle: summary.byCycle.map(({ cycle, ...figures }) => ({ key: cycle.code, name: cycleName(t, cycle), ...figures })),
      byYear: summary.byYear.map(({ year, ...figures }) => ({ key: String(year), name: String(year), ...figures })),
    };
  }, [summary, locale, t]);

  const intro =
    user.role === 'DONOR' ? t('money.page.introDonor') : user.role === 'STATE' ? t('money.page.introState') : t('money.page.intro');

  return (
    <Page title={t('money.page.title')} wide>
      <p>{intro}</p>
      {error ? <ErrorSummary problems={problemsOf(error, t)} /> : null}
      {!summary || !tables ? (
        fetching ? (
          <Loading />
        ) : null
      ) : summary.totals.pairings === 0 ? (
        <p className="notice">{t('money.page.empty')}</p>
      ) : (
        <>
          <section aria-labelledby="money-totals">
            <h2 id="money-totals">{t('money.totals.heading')}</h2>
            <dl className="summary-list">
              <dt>{t('money.col.pairings')}</dt>
              <dd>{formatNumber(locale, summary.totals.pairings)}</dd>
              <dt>{t('money.col.approved')}</dt>
              <dd>{formatUsd(locale, summary.totals.approvedUsd)}</dd>
              <dt>{t('money.col.disbursed')}</dt>
              <dd>{formatUsd(locale, summary.totals.disbursedUsd)}</dd>
              <dt>{t('money.col.lastReport')}</dt>
              <dd>{summary.totals.lastReportAt ? formatDateTime(locale, summary.totals.lastReportAt) : t('money.never')}</dd>
              <dt>{t('money.col.neverReported')}</dt>
              <dd>{formatNumber(locale, summary.totals.pairingsNeverReported)}</dd>
            </dl>
          </section>
          {user.role === 'DONOR' ? null : (
            <FiguresTable
              id="money-by-donor"
              heading={t('money.byDonor.heading')}
              nameHeader={t('money.byDonor.name')}
              rows={tables.byDonor}
            />
          )}
          {user.role === 'STATE' ? null : (
            <FiguresTable
              id="money-by-state"
              heading={t('money.byState.heading')}
              nameHeader={t('money.byState.name')}
              rows={tables.byState}
            />
          )}
          <FiguresTable
            id="money-by-cycle"
            heading={t('money.byCycle.heading')}
            nameHeader={t('money.byCycle.name')}
            rows={tables.byCycle}
          />
          <FiguresTable id="money-by-year" heading={t('money.byYear.heading')} nameHeader={t('money.byYear.name')} rows={tables.byYear} />
        </>
      )}
    </Page>
  );
}

function FiguresTable({ id, heading, nameHeader, rows }: { id: string; heading: string; nameHeader: string; rows: FiguresRow[] }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <div className="table-scroll">
        <table className="table money-table" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{nameHeader}</th>
              <th scope="col" className="num">
                {t('money.col.pairings')}
              </th>
              <th scope="col" className="num">
                {t('money.col.approved')}
              </th>
              <th scope="col" className="num">
                {t('money.col.disbursed')}
              </th>
              <th scope="col">{t('money.col.lastReport')}</th>
              <th scope="col" className="num">
                {t('money.col.neverReported')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  <bdi>{row.name}</bdi>
                </th>
                <td className="num">{formatNumber(locale, row.pairings)}</td>
                <td className="num">{formatUsd(locale, row.approvedUsd)}</td>
                <td className="num">{formatUsd(locale, row.disbursedUsd)}</td>
                <td>{row.lastReportAt ? formatDateTime(locale, row.lastReportAt) : t('money.never')}</td>
                <td className="num">{formatNumber(locale, row.pairingsNeverReported)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
