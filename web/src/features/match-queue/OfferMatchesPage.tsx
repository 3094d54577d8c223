import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useLocation, useSearch } from 'wouter';
import { graphql } from '../../gql';
import type { MatchFilter } from '../../gql/graphql';
import type { MatchStatus } from '../../gql/enums';
import { useT } from '../../i18n/I18nProvider';
import { problemsOf, type FormProblem } from '../../ui/api-errors';
import { useCursorTrail } from '../../ui/CursorPagination';
import { MATCH_STATUS_LABELS } from '../../ui/enum-labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField } from '../../ui/fields';
import { Loading, Page } from '../../ui/page';
import { useSignedIn } from '../session/SessionProvider';
import { MatchList, MatchSummary } from './MatchSummary';
import { useLiveRefresh } from '../live/LiveProvider';

const STATUSES = Object.keys(MATCH_STATUS_LABELS) as MatchStatus[];

const OfferMatchesQuery = graphql(`
  query OfferMatches($filter: MatchFilter, $after: String) {
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

const OwnOffersQuery = graphql(`
  query OwnOffersForMatches($donorId: ID!) {
    offers(filter: { donorId: $donorId }, first: 100) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

const ExpressInterestMutation = graphql(`
  mutation ExpressInterest($id: ID!) {
    expressInterest(id: $id) {
      id
      status
      version
    }
  }
`);

/** The donor's matches, best first (the API lists only those of the donor's own offers), with interest in the proposed ones. */
export default function OfferMatchesPage() {
  const t = useT();
    const session = useSignedIn();
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const offerId = params.get('offer') ?? '';
  const status = STATUSES.find((value) => value === params.get('status')) ?? '';
  const paging = useCursorTrail(search);
  const [notice, setNotice] = useState<string | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice || problems.length) noticeRef.current?.focus();
  }, [notice, problems]);

  const filter = useMemo<MatchFilter>(() => ({ ...(offerId ? { offerId } : {}), ...(status ? { status: [status] } : {}) }), [offerId, status]);
  const [{ data, error, fetching }, refetch] = useQuery({ query: OfferMatchesQuery, variables: { filter, after: paging.after || null } });
  useLiveRefresh(refetch);
  const donorId = session.user.donor?.id ?? '';
  const [offers] = useQuery({ query: OwnOffersQuery, variables: { donorId }, pause: !donorId, requestPolicy: 'cache-first' });
  const [interest, expressInterest] = useMutation(ExpressInterestMutation);

  const go = (next: { offer?: string; status?: string }) => {
    const query = new URLSearchParams();
    const offer = next.offer ?? offerId;
    const nextStatus = next.status ?? status;
    if (offer) query.set('offer', offer);
    if (nextStatus) query.set('status', nextStatus);
    const text = query.toString();
    navigate(`/offer-matches${text ? `?${text}` : ''}`);
  };

  async function interested(match: { id: string; need: { title: string }; offer: { title: string } }) {
    setNotice(null);
    setPendingId(match.id);
    const result = await expressInterest({ id: match.id });
    setPendingId(null);
    if (result.error || !result.data) {
      setProblems(problemsOf(result.error, t));
      refetch({ requestPolicy: 'network-only' });
      return;
    }
    setProblems([]);
    setNotice(t('match-queue.interest.done', { need: match.need.title, offer: match.offer.title }));
  }

  const connection = data?.matches;
  const ownOffers = offers.data?.offers.edges.map(({ node }) => node) ?? [];

  return (
    <Page title={t('match-queue.offerMatches.title')} wide>
      <p>{t('match-queue.offerMatches.intro')}</p>
      <div className="filters">
        <SelectField id="offer-matches-offer" label={t('match-queue.filters.offer')} value={offerId} onChange={(event) => go({ offer: event.target.value })}>
          <option value="">{t('match-queue.filters.anyOffer')}</option>
          {ownOffers.map((offer) => (
            <option key={offer.id} value={offer.id} dir="auto">
              {offer.title}
            </option>
          ))}
        </SelectField>
        <SelectField id="offer-matches-status" label={t('match-queue.filters.status')} value={status} onChange={(event) => go({ status: event.target.value })}>
          <option value="">{t('match-queue.filters.anyStatus')}</option>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(MATCH_STATUS_LABELS[value])}
            </option>
          ))}
        </SelectField>
      </div>
      {offers.data && !ownOffers.length ? <p>{t('match-queue.offerMatches.noOffers')}</p> : null}

      {notice ? (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={noticeRef}>
          {notice}
        </div>
      ) : null}
      {problems.length ? (
        <div ref={noticeRef} tabIndex={-1}>
          <ErrorSummary problems={problems} />
        </div>
      ) : null}
      {error ? <ErrorSummary problems={problemsOf(error, t)} /> : null}

      {!connection ? (
        fetching ? <Loading /> : null
      ) : (
        <MatchList
          id="offer-matches-heading"
          heading={
            status
              ? t('match-queue.list.heading', { status: t(MATCH_STATUS_LABELS[status]), count: connection.totalCount })
              : t('match-queue.list.headingAll', { count: connection.totalCount })
          }
          connection={connection}
          paging={paging}
          busy={fetching}
        >
          {connection.edges.map(({ node: match }) => (
            <MatchSummary key={match.id} match={match}>
              {match.status === 'PROPOSED' ? (
                <div className="button-group">
                  <button type="button" className="button" disabled={interest.fetching} onClick={() => void interested(match)}>
                    {pendingId === match.id ? t('match-queue.interest.submitting') : t('match-queue.interest.submit')}
                    <span className="visually-hidden"> {t('match-queue.approve.openContext', { need: match.need.title, offer: match.offer.title })}</span>
                  </button>
                </div>
              ) : null}
            </MatchSummary>
          ))}
        </MatchList>
      )}
    </Page>
  );
}
