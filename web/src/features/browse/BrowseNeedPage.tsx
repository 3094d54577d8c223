import { useQuery } from 'urql';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDate, formatList, formatPercent, formatUsd, regionName } from '../../i18n/format';
import { errorCodeOf, problemsOf } from '../../ui/api-errors';
import { ASSISTANCE_TYPE_LABELS, INSTRUMENT_LABELS, MATCH_STATUS_LABELS } from '../../ui/enum-labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading, Page } from '../../ui/page';
import { ScoreBreakdownChart } from '../matches/ScoreBreakdownChart';
import { WhyItFits } from '../matches/WhyItFits';
import { FundedMeter, StatusTag } from '../needs/need-display';
import { FLAG_LABELS, priorityLabel } from '../needs/NeedForm';
import { FundedElsewhereRows, OtherFundingSection } from '../other-funding/OtherFunding';
import { NEED_FLAGS } from '../needs/need-form-rules';
import { useTaxonomy } from '../../ui/taxonomy';
import { useSignedIn } from '../session/SessionProvider';
import { actsForOthers } from '../session/session-store';

// The page size of the matches is written into the query so the API's cost limit prices it at the page it asks for.
const BrowseNeedQuery = graphql(`
  query BrowseNeed($id: ID!) {
    need(id: $id) {
      id
      title
      description
      status
      priority
      country {
        iso3
        iso2
        name
      }
      themes {
        code
      }
      assistanceTypes
      estimatedBudgetUsd
      fundedUsd
      ...NeedOtherFunding
      startDate
      endDate
      createdAt
      updatedAt
      nationalActionPlan
      baselineAssessment
      genderComponent
      multiYear
      conflictAffected
      sourceExcerpt
      nationalReport {
        id
        year
        instrument
        fileName
      }
      matches(first: 20) {
        totalCount
        edges {
          node {
            id
            score
            status
            explanation
            reasons {
              ...MatchReasonsFields
            }
            allocatedUsd
            offer {
              id
              title
            }
            breakdown {
              ...ScoreBreakdownFields
            }
          }
        }
      }
    }
  }
`);

/** A need as a donor reads it: what is asked, where it comes from, and how it fits the donor's own offers. */
export default function BrowseNeedPage({ params }: { params: Record<string, string | undefined> }) {
  const t = useT();
  const { locale } = useLocale();
  const session = useSignedIn();
  const staff = actsForOthers(session.user.role);
  const taxonomy = useTaxonomy();
  const [{ data, error, fetching }] = useQuery({ query: BrowseNeedQuery, variables: { id: params.id ?? '' } });
  const need = data?.need;

  if (!need) {
    return (
      <Page title={errorCodeOf(error) === 'NOT_FOUND' ? t('browse.need.notFound') : t('browse.need.loadingTitle')}>
        {error ? <ErrorSummary problems={problemsOf(error, t)} /> : fetching ? <Loading /> : null}
        <p>
          <Link href="/browse">{t('browse.need.back')}</Link>
        </p>
      </Page>
    );
  }

  const flags = NEED_FLAGS.filter((flag) => need[flag]);
  const report = need.nationalReport;
  const period =
    need.startDate && need.endDate
      ? t('browse.need.periodFromTo', { start: formatDate(locale, need.startDate), end: formatDate(locale, need.endDate) })
      : need.startDate
        ? t('browse.need.periodFrom', { start: formatDate(locale, need.startDate) })
        : need.endDate
          ? t('browse.need.periodUntil', { end: formatDate(locale, need.endDate) })
          : t('common.notSet');

  return (
    <Page title={need.title} wide>
      <p>
        <Link href="/browse">{t('browse.need.back')}</Link>
      </p>
      <p className="browse-need__status">
        <StatusTag status={need.status} />
      </p>
      <section aria-labelledby="browse-need-details">
        <h2 id="browse-need-details">{t('browse.need.details')}</h2>
        <dl className="summary-list">
          <dt>{t('common.country')}</dt>
          <dd>{regionName(locale, need.country.iso2, need.country.name)}</dd>
          <dt>{t('browse.need.description')}</dt>
          <dd className="browse-need__description">{need.description}</dd>
          <dt>{t('browse.need.themes')}</dt>
          <dd>
            {formatList(
              locale,
              need.themes.map((theme) => taxonomy?.labelOf(theme.code) ?? theme.code),
            )}
          </dd>
          <dt>{t('browse.need.assistanceTypes')}</dt>
          <dd>
            {formatList(
              locale,
              need.assistanceTypes.map((type) => t(ASSISTANCE_TYPE_LABELS[type])),
            )}
          </dd>
          <dt>{t('browse.need.budget')}</dt>
          <dd>{formatUsd(locale, need.estimatedBudgetUsd)}</dd>
          <dt>{t('browse.need.funded')}</dt>
          <dd>
            {formatUsd(locale, need.fundedUsd)}{' '}
            <FundedMeter fundedUsd={need.fundedUsd} budgetUsd={need.estimatedBudgetUsd} locale={locale} />
          </dd>
          <FundedElsewhereRows need={need} />
          <dt>{t('browse.need.period')}</dt>
          <dd>{period}</dd>
          <dt>{t('browse.need.priority')}</dt>
          <dd>{priorityLabel(need.priority, t)}</dd>
          <dt>{t('browse.need.filed')}</dt>
          <dd>{formatDate(locale, need.createdAt)}</dd>
          <dt>{t('browse.need.updated')}</dt>
          <dd>{formatDate(locale, need.updatedAt)}</dd>
          <dt>{t('browse.need.flags')}</dt>
          <dd>
            {flags.length ? (
              <ul className="browse-need__flags">
                {flags.map((flag) => (
                  <li key={flag}>{t(FLAG_LABELS[flag])}</li>
                ))}
              </ul>
            ) : (
              t('browse.need.noFlags')
            )}
          </dd>
        </dl>
      </section>
      {need.otherFunding.length ? <OtherFundingSection need={need} status={need.status} mayRecord={false} /> : null}

      {report || need.sourceExcerpt ? (
        <section aria-labelledby="browse-need-source">
          <h2 id="browse-need-source">{t('browse.need.source')}</h2>
          {report ? (
            <dl className="summary-list">
              <dt>{t('browse.need.reportYear')}</dt>
              <dd>{report.year}</dd>
              <dt>{t('browse.need.reportInstrument')}</dt>
              <dd>{t(INSTRUMENT_LABELS[report.instrument])}</dd>
              {report.fileName ? (
                <>
                  <dt>{t('browse.need.reportFile')}</dt>
                  <dd dir="auto">{report.fileName}</dd>
                </>
              ) : null}
            </dl>
          ) : null}
          {need.sourceExcerpt ? (
            <figure className="browse-need__excerpt">
              <figcaption>{t('browse.need.excerpt')}</figcaption>
              {/* The passage is quoted in the language the report was written in. */}
              <blockquote dir="auto" className="source-excerpt">
                {need.sourceExcerpt}
              </blockquote>
            </figure>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="browse-need-matches">
        <h2 id="browse-need-matches">{staff ? t('browse.need.matchesAll') : t('browse.need.matchesOwn')}</h2>
        {need.matches.totalCount === 0 ? (
          <p>{staff ? t('browse.need.noMatchesAll') : t('browse.need.noMatchesOwn')}</p>
        ) : (
          <>
            {need.matches.totalCount > need.matches.edges.length ? (
              <p>{t('browse.need.matchesShown', { shown: need.matches.edges.length, total: need.matches.totalCount })}</p>
            ) : null}
            <ol className="match-list">
              {need.matches.edges.map(({ node: match }) => {
                const score = formatPercent(locale, match.score);
                const titleId = `browse-match-${match.id}`;
                return (
                  <li key={match.id} className="match-card" aria-labelledby={titleId}>
                    <h3 id={titleId} className="match-card__title">
                      <Link href={`/offers/${match.offer.id}`}>{match.offer.title}</Link>
                    </h3>
                    <dl className="summary-list">
                      <dt>{t('browse.match.score')}</dt>
                      <dd>{score}</dd>
                      <dt>{t('browse.match.status')}</dt>
                      <dd>
                        <span className="tag">{t(MATCH_STATUS_LABELS[match.status])}</span>
                      </dd>
                      {match.allocatedUsd !== null && match.allocatedUsd !== undefined ? (
                        <>
                          <dt>{t('browse.match.allocated')}</dt>
                          <dd>{formatUsd(locale, match.allocatedUsd)}</dd>
                        </>
                      ) : null}
                      <dt>{t('browse.match.explanation')}</dt>
                      <WhyItFits explanation={match.explanation} reasons={match.reasons} country={need.country} />
                    </dl>
                    <ScoreBreakdownChart
                      breakdown={match.breakdown}
                      caption={t('browse.match.breakdownCaption', { offer: match.offer.title, score })}
                    />
                  </li>
                );
              })}
            </ol>
            {staff ? null : (
              <p>
                <Link href="/offer-matches">{t('browse.need.allMatchesLink')}</Link>
              </p>
            )}
          </>
        )}
      </section>
    </Page>
  );
}
