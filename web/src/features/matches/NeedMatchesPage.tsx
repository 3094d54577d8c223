import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatNumber, formatPercent, regionName } from '../../i18n/format';
import { problemsOf } from '../../ui/api-errors';
import { CursorPagination, useCursorTrail } from '../../ui/CursorPagination';
import { MATCH_STATUS_LABELS, NEED_STATUS_LABELS } from '../../ui/enum-labels';
import { Loading, Page } from '../../ui/page';
import { ScoreBreakdownChart } from './ScoreBreakdownChart';
import { WhyItFits } from './WhyItFits';
import { useLiveRefresh } from '../live/LiveProvider';

/** As written in the query: a page size written as a number lets the API price the query at 20 matches, not at the largest page. */
const PAGE_SIZE = 20;

const NeedMatchesQuery = graphql(`
  query NeedMatches($id: ID!, $after: String) {
    need(id: $id) {
      id
      title
      status
      country {
        iso3
        iso2
        name
      }
      matches(first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            score
            status
            explanation
            reasons {
              ...MatchReasonsFields
            }
            breakdown {
              ...ScoreBreakdownFields
            }
            offer {
              id
              title
              donor {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

export default function NeedMatchesPage({ params }: { params: Record<string, string | undefined> }) {
  const t = useT();
  const { locale } = useLocale();
  const id = params.id ?? '';
  const trail = useCursorTrail(id);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: NeedMatchesQuery,
    variables: { id, after: trail.after || null },
    requestPolicy: 'cache-and-network',
  });
  useLiveRefresh(refetch);

  // After a page turn, keyboard and screen-reader users land on the list's heading, not at the page's end.
  useEffect(() => {
    if (!trail.turned.current || !data) return;
    trail.turned.current = false;
    listHeading.current?.focus();
  }, [data, trail.turned]);

  if (!data && fetching) return <Loading />;
  const need = data?.need;
  if (!need) {
    return (
      <Page title={t('matches.page.fallbackTitle')}>
        <div className="notice notice--warning" role="alert">
          {problemsOf(error, t)[0]?.message ?? t('common.error.notFound')}
        </div>
      </Page>
    );
  }

  const { totalCount, pageInfo, edges } = need.matches;
  const from = trail.passed.length * PAGE_SIZE + 1;
  const to = from + edges.length - 1;

  return (
    <Page title={t('matches.page.title', { title: need.title })} wide>
      <dl className="summary-list">
        <dt>{t('matches.page.need')}</dt>
        <dd>
          <Link href={`/needs/${need.id}`} dir="auto">
            {need.title}
          </Link>
        </dd>
        <dt>{t('common.country')}</dt>
        <dd>{regionName(locale, need.country.iso2, need.country.name)}</dd>
        <dt>{t('matches.page.needStatus')}</dt>
        <dd>
          <span className={need.status === 'DRAFT' ? 'tag tag--draft' : 'tag tag--open'}>{t(NEED_STATUS_LABELS[need.status])}</span>
        </dd>
      </dl>

      <h2 ref={listHeading} tabIndex={-1}>
        {t('matches.page.listHeading', { count: totalCount })}
      </h2>
      {totalCount === 0 ? (
        <p>{need.status === 'DRAFT' ? t('matches.page.noneDraft') : t('matches.page.none')}</p>
      ) : (
        <>
          <p>{t('matches.page.listIntro')}</p>
          {totalCount > PAGE_SIZE ? (
            <p>
              {t('matches.page.showing', {
                from: formatNumber(locale, from),
                to: formatNumber(locale, to),
                total: formatNumber(locale, totalCount),
              })}
            </p>
          ) : null}
          <ol className="match-list" start={from}>
            {edges.map(({ node: match }) => {
              const score = formatPercent(locale, match.score);
              return (
                <li key={match.id} className="match-card">
                  <h3 className="match-card__title" dir="auto">
                    {match.offer.title}
                  </h3>
                  <p className="match-card__donor">{t('matches.match.offeredBy', { donor: match.offer.donor.name })}</p>
                  <dl className="summary-list">
                    <dt>{t('matches.match.score')}</dt>
                    <dd className="match-card__score">{score}</dd>
                    <dt>{t('matches.match.status')}</dt>
                    <dd>
                      <span className="tag">{t(MATCH_STATUS_LABELS[match.status])}</span>
                    </dd>
                    <dt>{t('matches.match.explanation')}</dt>
                    <WhyItFits explanation={match.explanation} reasons={match.reasons} country={need.country} />
                  </dl>
                  <ScoreBreakdownChart
                    breakdown={match.breakdown}
                    caption={t('matches.breakdown.caption', { offer: match.offer.title, score })}
                  />
                </li>
              );
            })}
          </ol>
          <CursorPagination
            label={t('matches.page.pagination')}
            current={trail.after}
            passed={trail.passed}
            next={pageInfo.hasNextPage ? pageInfo.endCursor : null}
            onGo={trail.go}
            disabled={fetching}
          />
        </>
      )}
    </Page>
  );
}
