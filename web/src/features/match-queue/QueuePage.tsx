import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { regionName } from '../../i18n/format';
import { problemsOf, type FormProblem } from '../../ui/api-errors';
import { useCursorTrail } from '../../ui/CursorPagination';
import { MATCH_STATUS_LABELS } from '../../ui/enum-labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/fields';
import { Loading, Page } from '../../ui/page';
import { ThemeSelect } from '../../ui/ThemeSelect';
import { minScoreOf } from './approval-rules';
import { QueueItem } from './QueueItem';
import { MatchList } from './MatchSummary';
import { parseQueueQuery, QUEUE_STATUSES, queueFilterOf, queueSearch, regionTree, type QueueQuery } from './queue-filters';
import { useLiveRefresh } from '../live/LiveProvider';

const QueueListQuery = graphql(`
  query MatchQueueList($filter: MatchFilter!, $after: String) {
    matches(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...MatchCard
        }
      }
    }
  }
`);

// One request for every tab's count; each alias is the same list under another status.
const QueueCountsQuery = graphql(`
  query MatchQueueCounts(
    $proposed: MatchFilter!
    $interested: MatchFilter!
    $approved: MatchFilter!
    $confirmed: MatchFilter!
    $declined: MatchFilter!
    $rejected: MatchFilter!
  ) {
    PROPOSED: matches(filter: $proposed, first: 1) {
      totalCount
    }
    DONOR_INTERESTED: matches(filter: $interested, first: 1) {
      totalCount
    }
    APPROVED: matches(filter: $approved, first: 1) {
      totalCount
    }
    CONFIRMED: matches(filter: $confirmed, first: 1) {
      totalCount
    }
    DECLINED: matches(filter: $declined, first: 1) {
      totalCount
    }
    REJECTED: matches(filter: $rejected, first: 1) {
      totalCount
    }
  }
`);

const QueueOptionsQuery = graphql(`
  query MatchQueueOptions {
    regions {
      code
      name
      parentCode
    }
    donors {
      id
      name
    }
  }
`);

export default function QueuePage() {
  const t = useT();
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = useMemo(() => parseQueueQuery(search), [search]);
  const base = useMemo(() => queueFilterOf(query), [query]);
  const paging = useCursorTrail(search);
  const [notice, setNotice] = useState<string | null>(null);
  const [openPanel, setOpenPanel] = useState<{ id: string; kind: 'approve' | 'reject' } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const [list, refetchList] = useQuery({ query: QueueListQuery, variables: { filter: { ...base, status: [query.status] }, after: paging.after || null } });
  const [counts, refetchCounts] = useQuery({
    query: QueueCountsQuery,
    variables: {
      proposed: { ...base, status: ['PROPOSED'] },
      interested: { ...base, status: ['DONOR_INTERESTED'] },
      approved: { ...base, status: ['APPROVED'] },
      confirmed: { ...base, status: ['CONFIRMED'] },
      declined: { ...base, status: ['DECLINED'] },
      rejected: { ...base, status: ['REJECTED'] },
    },
  });

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  useEffect(() => setOpenPanel(null), [paging.after]);

  // The counts are lists of their own, which a decision's answer does not name: they are asked again.
  const refresh = () => {
    refetchList({ requestPolicy: 'network-only' });
    refetchCounts({ requestPolicy: 'network-only' });
  };
  // While a decision panel is open the list stays as it is: a match decided elsewhere would vanish under the reader, and with it the explanation of their refused decision.
  useLiveRefresh(openPanel ? () => undefined : refresh);

  const connection = list.data?.matches;
  return (
    <Page title={t('match-queue.queue.title')} wide>
      <p>{t('match-queue.queue.intro')}</p>
      <QueueFilters key={search} query={query} onApply={(next) => navigate(`/queue${queueSearch({ ...next, status: query.status })}`)} />

      <nav aria-label={t('match-queue.tabs.label')} className="queue-tabs">
        <ul className="queue-tabs__list">
          {QUEUE_STATUSES.map((status) => {
            const count = counts.data?.[status]?.totalCount;
            const label = t(MATCH_STATUS_LABELS[status]);
            return (
              <li key={status} className="queue-tabs__item">
                <Link
                  href={`/queue${queueSearch({ ...query, status })}`}
                  className="queue-tabs__tab"
                  aria-current={status === query.status ? 'page' : undefined}
                >
                  {count === undefined ? label : t('match-queue.tabs.tab', { status: label, count })}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {notice ? (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={noticeRef}>
          {notice}
        </div>
      ) : null}
      {list.error ? <ErrorSummary problems={problemsOf(list.error, t)} /> : null}

      {!connection ? (
        list.fetching ? <Loading /> : null
      ) : (
        <MatchList
          id="queue-list-heading"
          heading={t('match-queue.list.heading', { status: t(MATCH_STATUS_LABELS[query.status]), count: connection.totalCount })}
          connection={connection}
          paging={paging}
          busy={list.fetching}
        >
          {connection.edges.map(({ node }) => (
            <QueueItem
              key={node.id}
              match={node}
              open={openPanel?.id === node.id ? openPanel.kind : null}
              onOpen={(kind) => {
                setNotice(null);
                setOpenPanel(kind ? { id: node.id, kind } : null);
              }}
              onDecided={(message) => {
                setOpenPanel(null);
                setNotice(message);
                refresh();
              }}
              onRefresh={refresh}
            />
          ))}
        </MatchList>
      )}
    </Page>
  );
}

const FILTER_IDS = { region: 'queue-region', theme: 'queue-theme', donor: 'queue-donor', minScore: 'queue-min-score' };

/** Region, theme, donor and minimum score; applied together, so the address changes once. */
function QueueFilters({ query, onApply }: { query: QueueQuery; onApply: (next: QueueQuery) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [form, setForm] = useState(query);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [{ data }] = useQuery({ query: QueueOptionsQuery, requestPolicy: 'cache-first' });

  const regions = useMemo(() => {
    if (!data) return [];
    const nameOf = (region: { code: string; name: string }) => regionName(locale, region.code, region.name);
    return regionTree(data.regions, nameOf, new Intl.Collator(locale)).map(({ region, depth }) => ({
      code: region.code,
      label: `${'– '.repeat(depth)}${nameOf(region)}`,
    }));
  }, [data, locale]);
  const donors = useMemo(() => [...(data?.donors ?? [])].sort((a, b) => new Intl.Collator(locale).compare(a.name, b.name)), [data, locale]);

  function apply(event: FormEvent) {
    event.preventDefault();
    if (form.minScore.trim() && minScoreOf(form.minScore) === null) {
      setProblems([{ field: 'minScore', message: t('match-queue.filters.minScoreInvalid') }]);
      return;
    }
    setProblems([]);
    onApply({ ...form, minScore: form.minScore.trim() });
  }
  const set = (key: keyof QueueQuery) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });

  return (
    <form className="filters-form" onSubmit={apply} noValidate aria-labelledby="queue-filters-heading">
      <h2 id="queue-filters-heading" className="visually-hidden">
        {t('match-queue.filters.heading')}
      </h2>
      <ErrorSummary problems={problems} fieldIds={{ minScore: FILTER_IDS.minScore }} />
      <div className="filters">
        <SelectField id={FILTER_IDS.region} label={t('match-queue.filters.region')} hint={t('match-queue.filters.regionHint')} value={form.region} onChange={set('region')}>
          <option value="">{t('match-queue.filters.anyRegion')}</option>
          {regions.map((region) => (
            <option key={region.code} value={region.code}>
              {region.label}
            </option>
          ))}
        </SelectField>
        <ThemeSelect
          id={FILTER_IDS.theme}
          label={t('match-queue.filters.theme')}
          anyTheme={t('match-queue.filters.anyTheme')}
          wholeGroup={(group) => t('match-queue.filters.wholeGroup', { group })}
          value={form.theme}
          onChange={set('theme')}
        />
        <SelectField id={FILTER_IDS.donor} label={t('match-queue.filters.donor')} value={form.donor} onChange={set('donor')}>
          <option value="">{t('match-queue.filters.anyDonor')}</option>
          {donors.map((donor) => (
            <option key={donor.id} value={donor.id} dir="auto">
              {donor.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id={FILTER_IDS.minScore}
          label={t('match-queue.filters.minScore')}
          hint={t('match-queue.filters.minScoreHint')}
          className="input input--narrow"
          type="number"
          min={0}
          max={100}
          step={1}
          inputMode="numeric"
          value={form.minScore}
          onChange={set('minScore')}
          error={problems[0]?.message}
        />
        <div className="button-group filters__actions">
          <button type="submit" className="button">
            {t('match-queue.filters.apply')}
          </button>
          <Link href={`/queue?status=${query.status}`} className="button button--secondary">
            {t('match-queue.filters.clear')}
          </Link>
        </div>
      </div>
    </form>
  );
}
