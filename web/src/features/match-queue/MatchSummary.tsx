import { useEffect, useRef, type ReactNode } from 'react';
import type { MatchCardFragment } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatNumber, formatPercent, formatUsd, regionName } from '../../i18n/format';
import { CursorPagination, type CursorTrail } from '../../ui/CursorPagination';
import { MATCH_STATUS_LABELS } from '../../ui/enum-labels';
import { ScoreBreakdownChart } from '../matches/ScoreBreakdownChart';
import { WhyItFits } from '../matches/WhyItFits';

/**
 * One match as a card: the need and its country, the offer and its donor, the score, the status, the
 * reasons it fits and the breakdown (folded away, so a long queue stays scannable), then the
 * actions the page offers for it.
 */
export function MatchSummary({ match, children }: { match: MatchCardFragment; children?: ReactNode }) {
  const t = useT();
  const { locale } = useLocale();
  const score = formatPercent(locale, match.score);
  const country = regionName(locale, match.need.country.iso2, match.need.country.name);
  return (
    <li className="match-card queue-card">
      <h3 className="match-card__title">{t('match-queue.match.title', { need: match.need.title, country })}</h3>
      <dl className="summary-list">
        <dt>{t('match-queue.match.offer')}</dt>
        <dd dir="auto">{match.offer.title}</dd>
        <dt>{t('match-queue.match.donor')}</dt>
        <dd dir="auto">{match.offer.donor.name}</dd>
        <dt>{t('match-queue.match.score')}</dt>
        <dd className="match-card__score">{score}</dd>
        <dt>{t('match-queue.match.status')}</dt>
        <dd>
          <span className="tag">{t(MATCH_STATUS_LABELS[match.status])}</span>
        </dd>
        {match.allocatedUsd ? (
          <>
            <dt>{t('match-queue.match.allocated')}</dt>
            <dd>{formatUsd(locale, match.allocatedUsd)}</dd>
          </>
        ) : null}
        <dt>{t('match-queue.match.explanation')}</dt>
        <WhyItFits explanation={match.explanation} reasons={match.reasons} country={match.need.country} />
      </dl>
      <details className="queue-card__breakdown">
        <summary>{t('match-queue.match.breakdown')}</summary>
        <ScoreBreakdownChart
          breakdown={match.breakdown}
          caption={t('match-queue.match.breakdownCaption', { need: match.need.title, offer: match.offer.title, score })}
        />
      </details>
      {children}
    </li>
  );
}

/** As written into the lists' queries (`first: 20`), so the API prices each at the page it asks for. */
export const PAGE_SIZE = 20;

/**
 * A page of matches under its heading, numbered across pages, with previous and next. After a page
 * turn, keyboard and screen-reader users land on the heading, not at the page's end.
 */
export function MatchList({
  id,
  heading,
  connection,
  paging,
  busy,
  children,
}: {
  id: string;
  heading: string;
  connection: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null }; edges: unknown[] };
  paging: CursorTrail;
  busy: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const { locale } = useLocale();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { turned } = paging;
  useEffect(() => {
    if (!turned.current) return;
    turned.current = false;
    headingRef.current?.focus();
  }, [connection, turned]);
  const from = paging.passed.length * PAGE_SIZE + 1;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} ref={headingRef} tabIndex={-1}>
        {heading}
      </h2>
      {connection.totalCount === 0 ? <p>{t('match-queue.list.none')}</p> : null}
      {connection.totalCount > PAGE_SIZE ? (
        <p>
          {t('match-queue.list.showing', {
            from: formatNumber(locale, from),
            to: formatNumber(locale, from + connection.edges.length - 1),
            total: formatNumber(locale, connection.totalCount),
          })}
        </p>
      ) : null}
      <ol className="match-list" start={from}>
        {children}
      </ol>
      <CursorPagination
        label={t('match-queue.list.pagination')}
        current={paging.after}
        passed={paging.passed}
        next={connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null}
        onGo={paging.go}
        disabled={busy}
      />
    </section>
  );
}
