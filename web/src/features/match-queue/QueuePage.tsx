import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { graphql } from '../../gql';
import type { MatchCardFragment } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { problemsOf, type FormProblem } from '../../ui/api-errors';
import { useCursorTrail } from '../../ui/CursorPagination';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/fields';
import { Loading, Page } from '../../ui/page';
import { TabList, tabPanelProps } from '../../ui/TabList';
import { ThemeSelect } from '../../ui/ThemeSelect';
import { minScoreOf } from './approval-rules';
import { QueueItem } from './QueueItem';
import { MatchList } from './MatchSummary';
import {
  parseQueueQuery,
  QUEUE_STATUSES,
  QUEUE_TAB_LABELS,
  queueFilterOf,
  queueSearch,
  regionTree,
  withOpenMatch,
  type QueueQuery,
} from './queue-filters';
import { useLiveRefresh } from '../live/LiveProvider';
import { DownloadButton } from '../exports/DownloadButton';
import { useAreaName } from '../../ui/areas';

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

// Where a match whose panel is open stands, once the list read again no longer holds it.
const QueueOpenMatchQuery = graphql(`
  query MatchQueueOpenMatch($id: ID!) {
    match(id: $id) {
      ...MatchCard
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
  const client = useClient();
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = useMemo(() => parseQueueQuery(search), [search]);
  const base = useMemo(() => queueFilterOf(query), [query]);
  const paging = useCursorTrail(search);
  const [notice, setNotice] = useState<string | null>(null);
  /** The decision panel open, with the match's latest copy and its place on the page. */
  const [openPanel, setOpenPanel] = useState<{ id: string; kind: 'approve' | 'reject'; match: MatchCardFragment; index: number } | null>(
    null,
  );
  const noticeRef = useRef<HTMLDivElement>(null);
  const headingAfterClose = useRef(false);

  const [list, refetchList] = useQuery({
    query: QueueListQuery,
    variables: { filter: { ...base, status: [query.status] }, after: paging.after || null },
  });
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
  // Another tab, other filters or another page: the panel belonged to the list that was there.
  useEffect(() => setOpenPanel(null), [search, paging.after]);
  useEffect(() => {
    if (!headingAfterClose.current) return;
    headingAfterClose.current = false;
    document.getElementById('queue-list-heading')?.focus();
  });

  // The counts are lists of their own, which a decision's answer does not name: they are asked again.
  const refresh = () => {
    refetchList({ requestPolicy: 'network-only' });
    refetchCounts({ requestPolicy: 'network-only' });
  };
  // The list keeps following the live updates while a panel is open; the open match stays (withOpenMatch).
  useLiveRefresh(refresh);

  const connection = list.data?.matches;
  const listed = useMemo(() => connection?.edges.map(({ node }) => node) ?? [], [connection]);
  const openId = openPanel?.id;
  // Each time the list is read again: the open match's new copy and place, or, once it has left the list, where it stands now.
  useEffect(() => {
    if (!openId) return;
    const index = listed.findIndex((match) => match.id === openId);
    if (index >= 0) {
      setOpenPanel((open) => (open?.id === openId ? { ...open, match: listed[index], index } : open));
      return;
    }
    let current = true;
    void client
      .query(QueueOpenMatchQuery, { id: openId }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        const now = result.data?.match;
        if (current && now) setOpenPanel((open) => (open?.id === now.id ? { ...open, match: now } : open));
      });
    return () => {
      current = false;
    };
  }, [listed, openId, client]);
  const { rows, left } = withOpenMatch(listed, openPanel);

  const tabs = QUEUE_STATUSES.map((status) => {
    const count = counts.data?.[status]?.totalCount;
    const label = t(QUEUE_TAB_LABELS[status]);
    return {
      key: status,
      href: `/queue${queueSearch({ ...query, status })}`,
      label: count === undefined ? label : t('match-queue.tabs.tab', { status: label, count }),
    };
  });

  return (
    <Page title={t('match-queue.queue.title')} wide>
      <p>{t('match-queue.queue.intro')}</p>
      <QueueFilters key={search} query={query} onApply={(next) => navigate(`/queue${queueSearch({ ...next, status: query.status })}`)} />
      <DownloadButton
        id="queue-download"
        path="/exports/matches.csv"
        parameters={{ ...base, status: [query.status] }}
        fileName="matches.csv"
        label={t('exports.list.matches')}
      />

      <div className="queue-tabs">
        <TabList
          label={t('match-queue.tabs.label')}
          tabs={tabs}
          selected={query.status}
          panelId="queue-tabpanel"
          onSelect={(tab) => navigate(tab.href)}
        />
      </div>

      <div {...tabPanelProps('queue-tabpanel', query.status)}>
        {notice ? (
          <div className="notice notice--success" role="status" tabIndex={-1} ref={noticeRef}>
            {notice}
          </div>
        ) : null}
        {list.error ? <ErrorSummary problems={problemsOf(list.error, t)} /> : null}

        {!connection ? (
          list.fetching ? (
            <Loading />
          ) : null
        ) : (
          <MatchList
            id="queue-list-heading"
            heading={t('match-queue.list.heading', { status: t(QUEUE_TAB_LABELS[query.status]), count: connection.totalCount })}
            connection={connection}
            paging={paging}
            busy={list.fetching}
          >
            {rows.map((node, index) => (
              <QueueItem
                key={node.id}
                match={node}
                open={openPanel?.id === node.id ? openPanel.kind : null}
                moved={left && openPanel?.id === node.id}
                onOpen={(kind) => {
                  setNotice(null);
                  // A match kept only for its panel leaves the page with it, and its buttons with it: the list's heading takes the focus.
                  if (!kind && left && openPanel?.id === node.id) headingAfterClose.current = true;
                  setOpenPanel(kind ? { id: node.id, kind, match: node, index } : null);
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
      </div>
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
  const areaName = useAreaName();

  const regions = useMemo(() => {
    if (!data) return [];
    return regionTree(data.regions, areaName, new Intl.Collator(locale)).map(({ region, depth }) => ({
      code: region.code,
      label: `${'– '.repeat(depth)}${areaName(region)}`,
    }));
  }, [data, locale, areaName]);
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
        <SelectField
          id={FILTER_IDS.region}
          label={t('match-queue.filters.region')}
          hint={t('match-queue.filters.regionHint')}
          value={form.region}
          onChange={set('region')}
        >
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
