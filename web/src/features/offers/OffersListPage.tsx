import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { graphql } from '../../gql';
import type { OfferStatus } from '../../gql/enums';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatList, formatUsd } from '../../i18n/format';
import { problemsOf } from '../../ui/api-errors';
import { themeLabel } from '../../ui/enum-labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { CursorPagination } from '../../ui/CursorPagination';
import { SelectField } from '../../ui/fields';
import { Loading, Page } from '../../ui/page';
import { ThemeSelect } from '../../ui/ThemeSelect';
import { useSignedIn } from '../session/SessionProvider';
import { actsForOthers } from '../session/session-store';
import { eligibilitySummary, OFFER_STATUS_LABELS, OfferStatusTag, offerPeriod } from './offer-display';
import {
  OFFER_PAGE_SIZE,
  OFFER_STATUSES,
  offerFilterOf,
  offerListSearch,
  parseOfferListQuery,
  type OfferListQuery,
} from './offer-list-rules';
import { DonorSelect, useDonorOptions } from '../../ui/donors';

const OffersListQuery = graphql(`
  query OffersList($filter: OfferFilter, $first: Int, $after: String) {
    offers(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          status
          capacityUsd
          remainingCapacityUsd
          global
          startDate
          endDate
          donor {
            id
            name
          }
          themes {
            code
            labels {
              en
              fr
              es
              ru
              zh
              ar
            }
          }
          eligibleRegions {
            code
          }
          eligibleCountries {
            iso3
          }
        }
      }
    }
  }
`);

/** A donor's offers (or, for the Secretariat, a chosen donor's or everyone's), with filters and pages. */
export default function OffersListPage() {
  const t = useT();
  const { locale } = useLocale();
  const session = useSignedIn();
  const staff = actsForOthers(session.user.role);
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = useMemo(
    () => parseOfferListQuery(search, { ownDonor: session.user.donor?.id ?? null, actsForOthers: staff }),
    [search, session, staff],
  );
  // Cursors only lead forward; the ones already passed are kept to go back.
  const [previous, setPrevious] = useState<string[]>([]);
  const donors = useDonorOptions(staff);
  const variables = useMemo(() => ({ filter: offerFilterOf(query), first: OFFER_PAGE_SIZE, after: query.after || null }), [query]);
  // A donor without an organisation on its account has no offers of its own to list.
  const [{ data, error, fetching }] = useQuery({
    query: OffersListQuery,
    variables,
    requestPolicy: 'cache-and-network',
    pause: !staff && !query.donor,
  });

  const go = (next: Partial<OfferListQuery>) => navigate(`/offers${offerListSearch({ ...query, ...next }, staff)}`);
  const donorName = staff && query.donor ? donors?.find((donor) => donor.id === query.donor)?.name : undefined;
  const title = staff
    ? donorName
      ? t('offers.list.titleOfDonor', { donor: donorName })
      : t('offers.list.titleAll')
    : t('offers.list.title');
  const connection = data?.offers;

  return (
    <Page title={title} wide>
      <p className="button-group">
        <Link href={staff && query.donor ? `/offers/new?donor=${encodeURIComponent(query.donor)}` : '/offers/new'} className="button">
          {t('offers.list.newOffer')}
        </Link>
      </p>
      <Filters
        key={search}
        query={query}
        staff={staff}
        onApply={(next) => {
          setPrevious([]);
          go({ ...next, after: '' });
        }}
      />
      {error ? <ErrorSummary problems={problemsOf(error, t)} /> : null}
      {!connection ? (
        fetching ? (
          <Loading />
        ) : null
      ) : !connection.edges.length ? (
        <p className="notice">{t('offers.list.empty')}</p>
      ) : (
        <>
          <table className="table offers-table">
            <caption>{t('offers.list.caption', { shown: connection.edges.length, total: connection.totalCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('offers.list.colTitle')}</th>
                {staff && !query.donor ? <th scope="col">{t('offers.list.colDonor')}</th> : null}
                <th scope="col">{t('offers.list.colStatus')}</th>
                <th scope="col">{t('offers.list.colThemes')}</th>
                <th scope="col" className="num">
                  {t('offers.list.colCapacity')}
                </th>
                <th scope="col" className="num">
                  {t('offers.list.colRemaining')}
                </th>
                <th scope="col">{t('offers.list.colEligibility')}</th>
                <th scope="col">{t('offers.list.colDates')}</th>
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link href={`/offers/${node.id}`} dir="auto">
                      {node.title}
                    </Link>
                  </td>
                  {staff && !query.donor ? <td dir="auto">{node.donor.name}</td> : null}
                  <td>
                    <OfferStatusTag status={node.status} t={t} />
                  </td>
                  <td>
                    {formatList(
                      locale,
                      node.themes.map((theme) => themeLabel(theme, locale)),
                    )}
                  </td>
                  <td className="num">{formatUsd(locale, node.capacityUsd)}</td>
                  <td className="num">{formatUsd(locale, node.remainingCapacityUsd)}</td>
                  <td>
                    {eligibilitySummary(
                      { global: node.global, regions: node.eligibleRegions.length, countries: node.eligibleCountries.length },
                      t,
                      locale,
                    )}
                  </td>
                  <td>{offerPeriod(node.startDate, node.endDate, t, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <CursorPagination
            label={t('offers.list.pagination')}
            current={query.after}
            passed={previous}
            next={connection.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null}
            onGo={(after, passed) => {
              setPrevious(passed);
              go({ after });
            }}
          />
        </>
      )}
    </Page>
  );
}

function Filters({ query, staff, onApply }: { query: OfferListQuery; staff: boolean; onApply: (next: Partial<OfferListQuery>) => void }) {
  const t = useT();
  const [status, setStatus] = useState<OfferStatus | ''>(query.status);
  const [theme, setTheme] = useState(query.theme);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ status, theme });
  };
  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t('offers.list.filters')}>
      {staff ? (
        <DonorSelect
          id="offers-filter-donor"
          label={t('offers.list.donor')}
          empty={t('offers.list.allDonors')}
          className="select select--compact"
          value={query.donor}
          onChange={(event) => onApply({ donor: event.target.value, status, theme })}
        />
      ) : null}
      <SelectField
        id="offers-filter-status"
        label={t('offers.list.status')}
        className="select select--compact"
        value={status}
        onChange={(event) => setStatus(event.target.value as OfferStatus | '')}
      >
        <option value="">{t('offers.list.anyStatus')}</option>
        {OFFER_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(OFFER_STATUS_LABELS[value])}
          </option>
        ))}
      </SelectField>
      <ThemeSelect
        id="offers-filter-theme"
        label={t('offers.list.theme')}
        anyTheme={t('offers.list.anyTheme')}
        wholeGroup={(group) => t('offers.form.wholeGroup', { group })}
        className="select select--compact"
        value={theme}
        onChange={(event) => setTheme(event.target.value)}
      />
      <div className="field button-group filters__actions">
        <button type="submit" className="button">
          {t('offers.list.apply')}
        </button>
        <Link href={`/offers${offerListSearch({ donor: query.donor }, staff)}`}>{t('offers.list.clear')}</Link>
      </div>
    </form>
  );
}
