import type { ResultOf } from '@graphql-typed-document-node/core';
import { memo, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { graphql } from '../../gql';
import type { NeedStatus } from '../../gql/enums';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDate, formatList, formatPercent, formatUsd, fundedShare, regionName } from '../../i18n/format';
import { problemsOf } from '../../ui/api-errors';
import { CursorPagination } from '../../ui/CursorPagination';
import { cycleName, NEED_STATUS_LABELS } from '../../ui/enum-labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/fields';
import { Loading, Page } from '../../ui/page';
import { useTaxonomy } from '../../ui/taxonomy';
import { ThemeSelect } from '../../ui/ThemeSelect';
import { useSignedIn } from '../session/SessionProvider';
import { actsForOthers } from '../session/session-store';
import { Meter, STATUS_TAG_CLASSES } from './need-display';
import {
  ALL_ROWS_LIMIT,
  MAX_PAGE_SIZE,
  NEED_STATUSES,
  PAGE_SIZES,
  needFilterOf,
  needListSearch,
  parseNeedListQuery,
  type NeedListQuery,
  type PageSize,
} from './need-list-rules';
import { useCountryOptions } from './needs-data';
import { useLiveRefresh } from '../live/LiveProvider';
import { fundedElsewhereLine } from '../other-funding/other-funding-rules';
import { DownloadButton } from '../exports/DownloadButton';

const NeedsListQuery = graphql(`
  query NeedsList($filter: NeedFilter, $first: Int, $after: String) {
    needs(filter: $filter, first: $first, after: $after) {
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
          validUntil
          cycle {
            code
            kind
            number
            year
          }
          country {
            iso3
            iso2
            name
          }
          themes {
            code
          }
          matches(first: 1) {
            totalCount
          }
        }
      }
    }
  }
`);

/** One row, formatted once when the page's data or language changes; rows themselves hold no hooks. */
interface Row {
  id: string;
  title: string;
  status: NeedStatus;
  country: string;
  themes: string;
  budget: string;
  share: number;
  percent: string;
  /** Money from other sources and what is still lacking, when some came from elsewhere. */
  elsewhere: string | null;
  matches: number;
  matchesLabel: string;
  cycle: string;
  /** The cycle in words, shown on hover over its code. */
  cycleName: string;
  validUntil: string;
}

export default function NeedsListPage() {
  const t = useT();
  const { locale } = useLocale();
  const session = useSignedIn();
  const staff = actsForOthers(session.user.role);
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = useMemo(
    () => parseNeedListQuery(search, { ownCountry: session.user.country?.iso3 ?? null, actsForOthers: staff }),
    [search, session, staff],
  );
  // Cursors only lead forward; the ones already passed are kept to go back.
  const [previous, setPrevious] = useState<string[]>([]);
  const taxonomy = useTaxonomy();
  const countries = useCountryOptions(staff);
  const showAll = query.first === 'all';
  const variables = useMemo(
    () => ({ filter: needFilterOf(query), first: query.first === 'all' ? MAX_PAGE_SIZE : query.first, after: query.after || null }),
    [query],
  );
  const [page, refetch] = useQuery({ query: NeedsListQuery, variables, pause: showAll });
  useLiveRefresh(refetch);
  const everyPage = useEveryPage(variables, showAll);
  const { data, error, fetching } = showAll ? everyPage : page;

  const go = (next: Partial<NeedListQuery>) => navigate(`/needs${needListSearch({ ...query, ...next }, staff)}`);

  const rows = useMemo<Row[] | null>(() => {
    if (!data) return null;
    const themeLabel = taxonomy?.labelOf ?? ((code: string) => code);
    return data.needs.edges.map(({ node }) => {
      const share = fundedShare(node.fundedUsd, node.estimatedBudgetUsd);
      return {
        id: node.id,
        title: node.title,
        status: node.status,
        country: regionName(locale, node.country.iso2, node.country.name),
        themes: formatList(
          locale,
          node.themes.map((theme) => themeLabel(theme.code)),
        ),
        budget: formatUsd(locale, node.estimatedBudgetUsd),
        share,
        percent: formatPercent(locale, share),
        elsewhere: fundedElsewhereLine(node, locale, t),
        matches: node.matches.totalCount,
        matchesLabel: t('needs.list.matchesLink', { count: node.matches.totalCount, title: node.title }),
        cycle: node.cycle.code,
        cycleName: cycleName(t, node.cycle),
        validUntil: formatDate(locale, node.validUntil),
      };
    });
  }, [data, locale, taxonomy, t]);

  const showCountry = staff && !query.country;
  const chosenCountry = staff && query.country ? countries?.find((country) => country.iso3 === query.country)?.name : undefined;
  const title = staff
    ? chosenCountry
      ? t('needs.list.titleOfCountry', { country: chosenCountry })
      : t('needs.list.titleAll')
    : t('needs.list.title');

  return (
    <Page title={title} wide>
      <p className="button-group">
        <Link href={staff && query.country ? `/needs/new?country=${query.country}` : '/needs/new'} className="button">
          {t('needs.list.fileNeed')}
        </Link>
      </p>
      <Filters
        key={search}
        query={query}
        staff={staff}
        countries={countries}
        onApply={(next) => {
          setPrevious([]);
          go({ ...next, after: '' });
        }}
      />
      <SelectField
        id="needs-page-size"
        label={t('needs.list.pageSize')}
        className="select select--compact"
        value={String(query.first)}
        onChange={(event) => {
          setPrevious([]);
          const size = event.target.value;
          go({ first: size === 'all' ? 'all' : Number(size), after: '' });
        }}
      >
        {PAGE_SIZES.map((size: PageSize) => (
          <option key={size} value={String(size)}>
            {size === 'all' ? t('needs.list.pageSizeAll') : size}
          </option>
        ))}
      </SelectField>
      <DownloadButton
        id="needs-download"
        path="/exports/needs.csv"
        parameters={variables.filter}
        fileName="needs.csv"
        label={t('exports.list.needs')}
      />
      {error ? <ErrorSummary problems={problemsOf(error, t)} /> : null}
      {!rows ? (
        fetching ? (
          <Loading />
        ) : null
      ) : (
        <>
          <NeedsTable rows={rows} total={data!.needs.totalCount} showCountry={showCountry} />
          <CursorPagination
            label={t('needs.list.pagination')}
            current={query.after}
            passed={previous}
            next={data!.needs.pageInfo.hasNextPage ? data!.needs.pageInfo.endCursor : null}
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

type NeedsListData = ResultOf<typeof NeedsListQuery>;

/**
 * Every page of the list for "all": the API's pages of 100 walked in order and shown as one list,
 * up to ALL_ROWS_LIMIT rows. Always from the service, as a page of the list is.
 */
function useEveryPage(
  variables: { filter: ReturnType<typeof needFilterOf> },
  active: boolean,
): { data?: NeedsListData; error?: CombinedError; fetching: boolean } {
  const client = useClient();
  const [state, setState] = useState<{ data?: NeedsListData; error?: CombinedError; fetching: boolean }>({ fetching: false });
  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    setState({ fetching: true });
    void (async () => {
      const edges: NeedsListData['needs']['edges'] = [];
      let after: string | null = null;
      let last: NeedsListData | undefined;
      do {
        const result = await client
          .query(NeedsListQuery, { filter: variables.filter, first: MAX_PAGE_SIZE, after }, { requestPolicy: 'network-only' })
          .toPromise();
        if (cancelled) return;
        if (result.error || !result.data) {
          setState({ error: result.error, fetching: false });
          return;
        }
        last = result.data;
        edges.push(...last.needs.edges);
        after = last.needs.pageInfo.hasNextPage ? (last.needs.pageInfo.endCursor ?? null) : null;
      } while (after && edges.length < ALL_ROWS_LIMIT);
      setState({ data: { needs: { ...last.needs, pageInfo: { hasNextPage: false, endCursor: null }, edges } }, fetching: false });
    })();
    return () => {
      cancelled = true;
    };
  }, [client, variables.filter, active]);
  return state;
}

function Filters({
  query,
  staff,
  countries,
  onApply,
}: {
  query: NeedListQuery;
  staff: boolean;
  countries: { iso3: string; name: string }[] | null;
  onApply: (next: Partial<NeedListQuery>) => void;
}) {
  const t = useT();
  const [country, setCountry] = useState(query.country);
  const [status, setStatus] = useState<NeedStatus | ''>(query.status);
  const [theme, setTheme] = useState(query.theme);
  const [words, setWords] = useState(query.search);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ country, status, theme, search: words.trim() });
  };

  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t('needs.list.filters')}>
      {staff ? (
        <SelectField
          id="needs-filter-country"
          label={t('common.country')}
          className="select select--compact"
          value={country}
          // A country applies as soon as it is chosen: the Secretariat is choosing whose needs to work on.
          onChange={(event) => {
            setCountry(event.target.value);
            onApply({ country: event.target.value, status, theme, search: words.trim() });
          }}
        >
          <option value="">{t('needs.list.allCountries')}</option>
          {(countries ?? []).map((option) => (
            <option key={option.iso3} value={option.iso3}>
              {option.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField
        id="needs-filter-status"
        label={t('needs.list.status')}
        className="select select--compact"
        value={status}
        onChange={(event) => setStatus(event.target.value as NeedStatus | '')}
      >
        <option value="">{t('needs.list.anyStatus')}</option>
        {NEED_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(NEED_STATUS_LABELS[value])}
          </option>
        ))}
      </SelectField>
      <ThemeSelect
        id="needs-filter-theme"
        label={t('needs.list.theme')}
        anyTheme={t('needs.list.anyTheme')}
        wholeGroup={(group) => t('needs.list.wholeGroup', { group })}
        className="select select--compact"
        value={theme}
        onChange={(event) => setTheme(event.target.value)}
      />
      <TextField
        id="needs-filter-search"
        type="search"
        label={t('needs.list.search')}
        maxLength={200}
        value={words}
        onChange={(event) => setWords(event.target.value)}
      />
      <div className="field button-group filters__actions">
        <button type="submit" className="button">
          {t('needs.list.apply')}
        </button>
        <Link href={`/needs${needListSearch({ country: query.country }, staff)}`}>{t('needs.list.clear')}</Link>
      </div>
    </form>
  );
}

const NeedsTable = memo(function NeedsTable({ rows, total, showCountry }: { rows: Row[]; total: number; showCountry: boolean }) {
  const t = useT();
  if (!rows.length) return <p className="notice">{t('needs.list.empty')}</p>;
  // Labels are looked up once for the table, not once per row.
  const statusLabels = Object.fromEntries(NEED_STATUSES.map((status) => [status, t(NEED_STATUS_LABELS[status])]));
  return (
    <table className="table needs-table">
      <caption>{t('needs.list.caption', { shown: rows.length, total })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('needs.list.colTitle')}</th>
          {showCountry ? <th scope="col">{t('common.country')}</th> : null}
          <th scope="col">{t('needs.list.colStatus')}</th>
          <th scope="col">{t('needs.list.colThemes')}</th>
          <th scope="col" className="num">
            {t('needs.list.colBudget')}
          </th>
          <th scope="col">{t('needs.list.colFunded')}</th>
          <th scope="col" className="num">
            {t('needs.list.colMatches')}
          </th>
          <th scope="col">{t('needs.list.colCycle')}</th>
          <th scope="col">{t('needs.list.colValidUntil')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <Link href={`/needs/${row.id}`} dir="auto">
                {row.title}
              </Link>
            </td>
            {showCountry ? <td>{row.country}</td> : null}
            <td>
              <strong className={STATUS_TAG_CLASSES[row.status]}>{statusLabels[row.status]}</strong>
            </td>
            <td>{row.themes}</td>
            <td className="num">{row.budget}</td>
            <td>
              <Meter share={row.share} percent={row.percent} />
              {row.elsewhere ? <span className="funded-elsewhere">{row.elsewhere}</span> : null}
            </td>
            <td className="num">
              <Link href={`/needs/${row.id}/matches`} aria-label={row.matchesLabel}>
                {row.matches}
              </Link>
            </td>
            <td className="needs-table__word">
              {/* Sighted readers see the short code and its name on hover; screen readers, which do not all read a title, hear the name. */}
              <abbr title={row.cycleName} aria-hidden="true">
                {row.cycle}
              </abbr>
              <span className="visually-hidden">{row.cycleName}</span>
            </td>
            <td className="needs-table__word">{row.validUntil}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
