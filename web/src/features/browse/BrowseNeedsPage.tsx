import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { graphql } from '../../gql';
import type { NeedSort, NeedStatus } from '../../gql/enums';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatList, formatUsd, regionName } from '../../i18n/format';
import { messageFor, problemsOf, type FormProblem } from '../../ui/api-errors';
import { CursorPagination } from '../../ui/CursorPagination';
import { NEED_STATUS_LABELS } from '../../ui/enum-labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/fields';
import { Loading, Page } from '../../ui/page';
import { ThemeOptions } from '../../ui/ThemeOptions';
import { FundedMeter, StatusTag } from '../needs/need-display';
import { useTaxonomy, type Taxonomy } from '../../ui/taxonomy';
import type { RegionNode } from '../offers/eligibility-rules';
import { useEligibleAreas, type EligibleAreas } from '../offers/offers-data';
import {
  BROWSE_FIELDS,
  BROWSE_STATUSES,
  browseFilterOf,
  browseSearch,
  budgetRange,
  parseBrowseQuery,
  SORT_LABELS,
  SORTS,
  type BrowseQuery,
} from './browse-rules';
import { useLiveRefresh } from '../live/LiveProvider';
import { FundedElsewhereLine } from '../other-funding/OtherFunding';
import { DownloadButton } from '../exports/DownloadButton';

// The page size is written into the query so the API's cost limit prices it at the page it asks for.
const BrowseNeedsQuery = graphql(`
  query BrowseNeeds($filter: NeedFilter, $sort: NeedSort, $after: String) {
    needs(filter: $filter, sort: $sort, first: 20, after: $after) {
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
          estimatedBudgetUsd
          fundedUsd
          fundedElsewhereUsd
          fundingGapUsd
          country {
            iso3
            iso2
            name
          }
          themes {
            code
          }
        }
      }
    }
  }
`);

const FIELD_IDS = {
  [BROWSE_FIELDS.minBudget]: 'browse-filter-min',
  [BROWSE_FIELDS.maxBudget]: 'browse-filter-max',
};

/** The needs a donor may see (published, PUBLIC or DONORS), to filter, sort and open. */
export default function BrowseNeedsPage() {
  const t = useT();
  const { locale } = useLocale();
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = useMemo(() => parseBrowseQuery(search), [search]);
  // Cursors only lead forward; the ones already passed are kept to go back.
  const [previous, setPrevious] = useState<string[]>([]);
  const taxonomy = useTaxonomy();
  const areas = useEligibleAreas();
  const variables = useMemo(() => ({ filter: browseFilterOf(query), sort: query.sort, after: query.after || null }), [query]);
  const [{ data, error, fetching }, refetch] = useQuery({ query: BrowseNeedsQuery, variables, requestPolicy: 'cache-and-network' });
  useLiveRefresh(refetch);
  const go = (next: Partial<BrowseQuery>) => navigate(`/browse${browseSearch({ ...query, ...next })}`);
  const connection = data?.needs;
  const apiProblems = problemsOf(error, t);

  return (
    <Page title={t('browse.list.title')} wide>
      <p>{t('browse.list.intro')}</p>
      <Filters
        key={search}
        query={query}
        areas={areas}
        taxonomy={taxonomy}
        apiProblems={apiProblems}
        onApply={(next) => {
          setPrevious([]);
          go({ ...next, after: '' });
        }}
      />
      <DownloadButton
        id="browse-download"
        path="/exports/needs.csv"
        parameters={{ ...variables.filter, sort: variables.sort }}
        fileName="needs.csv"
        label={t('exports.list.needs')}
      />
      {!connection ? (
        fetching ? (
          <Loading />
        ) : null
      ) : !connection.edges.length ? (
        <p className="notice">{t('browse.list.empty')}</p>
      ) : (
        <>
          <table className="table needs-table browse-table">
            <caption>{t('browse.list.caption', { shown: connection.edges.length, total: connection.totalCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('browse.list.colTitle')}</th>
                <th scope="col">{t('common.country')}</th>
                <th scope="col">{t('browse.list.colThemes')}</th>
                <th scope="col" className="num">
                  {t('browse.list.colBudget')}
                </th>
                <th scope="col">{t('browse.list.colFunded')}</th>
                <th scope="col">{t('browse.list.colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link href={`/browse/${node.id}`}>{node.title}</Link>
                  </td>
                  <td>{regionName(locale, node.country.iso2, node.country.name)}</td>
                  <td>
                    {formatList(
                      locale,
                      node.themes.map((theme) => taxonomy?.labelOf(theme.code) ?? theme.code),
                    )}
                  </td>
                  <td className="num">{formatUsd(locale, node.estimatedBudgetUsd)}</td>
                  <td>
                    <FundedMeter fundedUsd={node.fundedUsd} budgetUsd={node.estimatedBudgetUsd} locale={locale} />
                    <FundedElsewhereLine need={node} />
                  </td>
                  <td>
                    <StatusTag status={node.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <CursorPagination
            label={t('browse.list.pagination')}
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

/** The M49 areas as options: a region, then its sub-regions, then their intermediate regions, indented in the label. */
function regionOptions(nodes: RegionNode[], depth = 0): { code: string; label: string }[] {
  return nodes.flatMap((node) => [
    { code: node.code, label: `${'\u2003'.repeat(depth)}${node.name}` },
    ...regionOptions(node.children, depth + 1),
  ]);
}

function Filters({
  query,
  areas,
  taxonomy,
  apiProblems,
  onApply,
}: {
  query: BrowseQuery;
  areas: EligibleAreas | null;
  taxonomy: Taxonomy | null;
  apiProblems: FormProblem[];
  onApply: (next: Partial<BrowseQuery>) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [region, setRegion] = useState(query.region);
  const [country, setCountry] = useState(query.country);
  const [theme, setTheme] = useState(query.theme);
  const [status, setStatus] = useState<NeedStatus | ''>(query.status);
  const [minText, setMinText] = useState(query.minBudget === null ? '' : String(query.minBudget));
  const [maxText, setMaxText] = useState(query.maxBudget === null ? '' : String(query.maxBudget));
  const [sort, setSort] = useState<NeedSort>(query.sort);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const regions = useMemo(() => (areas ? regionOptions(areas.tree) : []), [areas]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const range = budgetRange({ min: minText, max: maxText }, locale, t);
    setProblems(range.problems);
    if (range.problems.length) return;
    onApply({ region, country, theme, status, minBudget: range.minBudget, maxBudget: range.maxBudget, sort });
  };

  const shown = problems.length ? problems : apiProblems;
  return (
    <>
      <ErrorSummary problems={shown} fieldIds={FIELD_IDS} />
      <form className="filters browse-filters" onSubmit={submit} role="search" aria-label={t('browse.filters.label')} noValidate>
        <SelectField
          id="browse-filter-region"
          label={t('browse.filters.region')}
          className="select select--compact"
          value={region}
          onChange={(event) => setRegion(event.target.value)}
        >
          <option value="">{t('browse.filters.anyRegion')}</option>
          {regions.map((option) => (
            <option key={option.code} value={option.code}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="browse-filter-country"
          label={t('common.country')}
          className="select select--compact"
          value={country}
          onChange={(event) => setCountry(event.target.value)}
        >
          <option value="">{t('browse.filters.anyCountry')}</option>
          {(areas?.countries ?? []).map((option) => (
            <option key={option.iso3} value={option.iso3}>
              {option.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="browse-filter-theme"
          label={t('browse.filters.theme')}
          className="select select--compact"
          value={theme}
          onChange={(event) => setTheme(event.target.value)}
        >
          <option value="">{t('browse.filters.anyTheme')}</option>
          <ThemeOptions groups={taxonomy?.groups ?? []} wholeGroup={(group) => t('browse.filters.wholeGroup', { group })} />
        </SelectField>
        <SelectField
          id="browse-filter-status"
          label={t('browse.filters.status')}
          className="select select--compact"
          value={status}
          onChange={(event) => setStatus(event.target.value as NeedStatus | '')}
        >
          <option value="">{t('browse.filters.anyStatus')}</option>
          {BROWSE_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(NEED_STATUS_LABELS[value])}
            </option>
          ))}
        </SelectField>
        <TextField
          id={FIELD_IDS[BROWSE_FIELDS.minBudget]}
          label={t('browse.filters.minBudget')}
          hint={t('browse.filters.budgetHint')}
          inputMode="numeric"
          className="input input--short"
          value={minText}
          onChange={(event) => setMinText(event.target.value)}
          error={messageFor(shown, BROWSE_FIELDS.minBudget)}
        />
        <TextField
          id={FIELD_IDS[BROWSE_FIELDS.maxBudget]}
          label={t('browse.filters.maxBudget')}
          hint={t('browse.filters.budgetHint')}
          inputMode="numeric"
          className="input input--short"
          value={maxText}
          onChange={(event) => setMaxText(event.target.value)}
          error={messageFor(shown, BROWSE_FIELDS.maxBudget)}
        />
        <SelectField
          id="browse-sort"
          label={t('browse.filters.sort')}
          className="select select--compact"
          value={sort}
          onChange={(event) => setSort(event.target.value as NeedSort)}
        >
          {SORTS.map((value) => (
            <option key={value} value={value}>
              {t(SORT_LABELS[value])}
            </option>
          ))}
        </SelectField>
        <div className="field button-group filters__actions">
          <button type="submit" className="button">
            {t('browse.filters.apply')}
          </button>
          <Link href="/browse">{t('browse.filters.clear')}</Link>
        </div>
      </form>
    </>
  );
}
