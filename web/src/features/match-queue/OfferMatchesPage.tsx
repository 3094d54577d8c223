import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useLocation, useSearch } from 'wouter';
import { graphql } from '../../gql';
import type { MatchStatus } from '../../gql/enums';
import { useT } from '../../i18n/I18nProvider';
import { problemsOf, type FormProblem } from '../../ui/api-errors';
import { useCursorTrail } from '../../ui/CursorPagination';
import { DonorSelect, useDonorOptions } from '../../ui/donors';
import { MATCH_STATUS_LABELS } from '../../ui/enum-labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField } from '../../ui/fields';
import { Loading, Page } from '../../ui/page';
import { useSignedIn } from '../session/SessionProvider';
import { actsForOthers } from '../session/session-store';
import { MatchList, MatchSummary } from './MatchSummary';
import { offerMatchesFilterOf, offerMatchesPath, parseOfferMatchesQuery, type OfferMatchesQuery } from './offer-matches-address';
import { useLiveRefresh } from '../live/LiveProvider';
import { DownloadButton } from '../exports/DownloadButton';

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

/**
 * The matches of a donor's offers, best first, all or one offer's: a donor's own (the API lists only
 * those), with interest in the proposed ones; or, for the Secretariat, those of the donor it chose.
 * Interest is the donor's own word to give, so the Secretariat reads them and decides in the queue.
 */
export default function OfferMatchesPage() {
  const t = useT();
  const session = useSignedIn();
  const staff = actsForOthers(session.user.role);
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = useMemo(
    () => parseOfferMatchesQuery(search, { ownDonor: session.user.donor?.id ?? null, actsForOthers: staff }),
    [search, session, staff],
  );
  const { donor: donorId, offer: offerId, status } = query;
  const paging = useCursorTrail(search);
  const [notice, setNotice] = useState<string | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice || problems.length) noticeRef.current?.focus();
  }, [notice, problems]);

  const filter = useMemo(() => offerMatchesFilterOf(query, staff), [query, staff]);
  // The Secretariat sees nothing until it has chosen whose matches to read.
  const waiting = staff && !donorId;
  const [{ data, error, fetching }, refetch] = useQuery({
    query: OfferMatchesQuery,
    variables: { filter, after: paging.after || null },
    pause: waiting,
  });
  // A paused query would still run when asked to reload.
  useLiveRefresh(waiting ? () => undefined : refetch);
  const [offers] = useQuery({ query: OwnOffersQuery, variables: { donorId }, pause: !donorId, requestPolicy: 'cache-first' });
  const [interest, expressInterest] = useMutation(ExpressInterestMutation);
  const donors = useDonorOptions(staff);
  const donorName = staff ? donors?.find((donor) => donor.id === donorId)?.name : undefined;

  const go = (next: Partial<OfferMatchesQuery>) => navigate(offerMatchesPath({ ...query, ...next }, staff));

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

  const connection = staff && !donorId ? undefined : data?.matches;
  const ownOffers = offers.data?.offers.edges.map(({ node }) => node) ?? [];

  const title = !staff
    ? t('match-queue.offerMatches.title')
    : donorName
      ? t('match-queue.offerMatches.titleOfDonor', { donor: donorName })
      : t('match-queue.offerMatches.titleAnyDonor');
  return (
    <Page title={title} wide>
      <p>{staff ? t('match-queue.offerMatches.introStaff') : t('match-queue.offerMatches.intro')}</p>
      <div className="filters">
        {staff ? (
          <DonorSelect
            id="offer-matches-donor"
            label={t('match-queue.filters.donor')}
            empty={t('match-queue.offerMatches.chooseDonorOption')}
            value={donorId}
            onChange={(event) => go({ donor: event.target.value, offer: '' })}
          />
        ) : null}
        <SelectField
          id="offer-matches-offer"
          label={t('match-queue.filters.offer')}
          value={offerId}
          disabled={!donorId}
          onChange={(event) => go({ offer: event.target.value })}
        >
          <option value="">{staff ? t('match-queue.filters.anyOfferOfDonor') : t('match-queue.filters.anyOffer')}</option>
          {ownOffers.map((offer) => (
            <option key={offer.id} value={offer.id} dir="auto">
              {offer.title}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="offer-matches-status"
          label={t('match-queue.filters.status')}
          value={status}
          onChange={(event) => go({ status: event.target.value as MatchStatus | '' })}
        >
          <option value="">{t('match-queue.filters.anyStatus')}</option>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(MATCH_STATUS_LABELS[value])}
            </option>
          ))}
        </SelectField>
      </div>
      {staff && !donorId ? (
        <p className="notice">{t('match-queue.offerMatches.chooseDonor')}</p>
      ) : (
        <DownloadButton
          id="offer-matches-download"
          path="/exports/matches.csv"
          parameters={filter}
          fileName="matches.csv"
          label={t('exports.list.matches')}
        />
      )}
      {offers.data && !ownOffers.length ? (
        <p>{staff ? t('match-queue.offerMatches.donorHasNoOffers') : t('match-queue.offerMatches.noOffers')}</p>
      ) : null}

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
        fetching ? (
          <Loading />
        ) : null
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
              {match.status === 'PROPOSED' && !staff ? (
                <div className="button-group">
                  <button type="button" className="button" disabled={interest.fetching} onClick={() => void interested(match)}>
                    {pendingId === match.id ? t('match-queue.interest.submitting') : t('match-queue.interest.submit')}
                    <span className="visually-hidden">
                      {' '}
                      {t('match-queue.approve.openContext', { need: match.need.title, offer: match.offer.title })}
                    </span>
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
