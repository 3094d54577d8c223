import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { Link, useLocation } from 'wouter';
import type { AllocationPlanStatus } from '../../gql/enums';
import type { AllocationPlanQuery as PlanData } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDateTime, formatNumber, formatPercent, formatUsd, regionName } from '../../i18n/format';
import type { MessageId } from '../../i18n/message-ids';
import { errorCodeOf, problemsOf } from '../../ui/api-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading, Page } from '../../ui/page';
import { usePollWhile } from '../matching-runs/use-polling';
import { Meter } from '../needs/need-display';
import { balanceByRegion, gainOverGreedy, planIsSettled, SOLVE_STATUS_LABELS, type ProposeInput } from './allocation-rules';
import { PlanStatusTag } from './plan-display';
import { AllocationPlanQuery, ApplyAllocationPlanMutation, ProposeAllocationMutation } from './plans-data';
import { useAreaName } from '../../ui/areas';

type Plan = PlanData['allocationPlan'];

const STATUS_SENTENCES: Record<AllocationPlanStatus, MessageId> = {
  QUEUED: 'allocation.plan.sentence.QUEUED',
  RUNNING: 'allocation.plan.sentence.RUNNING',
  READY: 'allocation.plan.sentence.READY',
  FAILED: 'allocation.plan.sentence.FAILED',
  APPLIED: 'allocation.plan.sentence.APPLIED',
};

/** One plan: followed every second while it is solved, then shown beside greedy, and applied all at once. */
export default function AllocationPlanPage({ params }: { params: Record<string, string | undefined> }) {
  const t = useT();
  const { locale } = useLocale();
  const id = params.id ?? '';
  const [{ data, error, fetching }, refetch] = useQuery({
    query: AllocationPlanQuery,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const plan = data?.allocationPlan;
  const poll = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  usePollWhile(!!plan && !planIsSettled(plan.status), fetching, data, poll);

  if (!data && fetching) return <Loading />;
  if (!plan) {
    return (
      <Page title={t('allocation.plan.fallbackTitle')}>
        <div className="notice notice--warning" role="alert">
          {problemsOf(error, t)[0]?.message ?? t('common.error.notFound')}
        </div>
        <p>
          <Link href="/allocation">{t('allocation.plan.back')}</Link>
        </p>
      </Page>
    );
  }

  const solved = plan.status === 'READY' || plan.status === 'APPLIED';
  return (
    <Page
      title={t('allocation.plan.title', {
        requested: formatDateTime(locale, plan.createdAt),
      })}
      wide
    >
      <div
        className={`notice${plan.status === 'FAILED' ? ' notice--warning' : plan.status === 'APPLIED' ? ' notice--success' : ''}`}
        role="status"
      >
        <p className="notice__text">
          {t(STATUS_SENTENCES[plan.status], {
            seconds: formatNumber(locale, plan.options.timeLimitSeconds ?? 30),
          })}
        </p>
      </div>
      {error ? <p className="field__error">{problemsOf(error, t)[0]?.message}</p> : null}
      {plan.message ? (
        <p>
          {t('allocation.plan.solverSaid')}{' '}
          <span dir="ltr" lang="en">
            {plan.message}
          </span>
        </p>
      ) : null}
      <Totals plan={plan} />
      {solved ? <RegionBalanceTable plan={plan} /> : null}
      {solved ? <FundedPairs plan={plan} /> : null}
      {plan.status === 'READY' ? <ApplyPanel plan={plan} onApplied={poll} /> : null}
      <p className="button-group">
        <Link href="/allocation" className="button button--secondary">
          {t('allocation.plan.back')}
        </Link>
      </p>
    </Page>
  );
}

function Totals({ plan }: { plan: Plan }) {
  const t = useT();
  const { locale } = useLocale();
  const amount = (value: number | null | undefined) => (value === null || value === undefined ? '–' : formatUsd(locale, value));
  const gain = gainOverGreedy(plan.objective, plan.greedyObjective);
  const { minRegionShare, maxCountryShare, maxCountryUsd, timeLimitSeconds } = plan.options;
  return (
    <section aria-labelledby="plan-totals-heading">
      <h2 id="plan-totals-heading">{t('allocation.plan.totalsHeading')}</h2>
      <table className="table">
        <caption className="visually-hidden">{t('allocation.plan.totalsCaption')}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col" className="num">
              {t('allocation.plan.thisPlan')}
            </th>
            <th scope="col" className="num">
              {t('allocation.plan.greedy')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('allocation.plan.objective')}</th>
            <td className="num">{amount(plan.objective)}</td>
            <td className="num">{amount(plan.greedyObjective)}</td>
          </tr>
        </tbody>
      </table>
      <dl className="summary-list">
        <dt>{t('allocation.list.status')}</dt>
        <dd>
          <PlanStatusTag status={plan.status} t={t} />
        </dd>
        <dt>{t('allocation.plan.gain')}</dt>
        <dd>{gain === null ? '–' : formatPercent(locale, gain)}</dd>
        <dt>{t('allocation.plan.upperBound')}</dt>
        <dd>{amount(plan.upperBound)}</dd>
        <dt>{t('allocation.plan.allocatedUsd')}</dt>
        <dd>{formatUsd(locale, plan.allocatedUsd)}</dd>
        <dt>{t('allocation.plan.pairCount')}</dt>
        <dd>{formatNumber(locale, plan.allocations.length)}</dd>
        <dt>{t('allocation.plan.candidateCount')}</dt>
        <dd>{plan.candidateCount === null || plan.candidateCount === undefined ? '–' : formatNumber(locale, plan.candidateCount)}</dd>
        <dt>{t('allocation.plan.solveStatus')}</dt>
        <dd>{plan.solveStatus ? t(SOLVE_STATUS_LABELS[plan.solveStatus]) : '–'}</dd>
        <dt>{t('allocation.plan.solveTime')}</dt>
        <dd>
          {plan.solveMillis === null || plan.solveMillis === undefined
            ? '–'
            : t('allocation.plan.seconds', {
                seconds: formatNumber(locale, Math.round(plan.solveMillis / 100) / 10),
              })}
        </dd>
        <dt>{t('allocation.plan.options')}</dt>
        <dd>
          <ul className="plan-options">
            <li>
              {t('allocation.option.minRegionShare')}:{' '}
              {minRegionShare === null || minRegionShare === undefined
                ? t('allocation.plan.noLimit')
                : formatPercent(locale, minRegionShare)}
            </li>
            <li>
              {t('allocation.option.maxCountryShare')}:{' '}
              {maxCountryShare === null || maxCountryShare === undefined
                ? t('allocation.plan.noLimit')
                : formatPercent(locale, maxCountryShare)}
            </li>
            <li>
              {t('allocation.option.maxCountryUsd')}:{' '}
              {maxCountryUsd === null || maxCountryUsd === undefined ? t('allocation.plan.noLimit') : formatUsd(locale, maxCountryUsd)}
            </li>
            <li>
              {t('allocation.option.timeLimitSeconds')}: {formatNumber(locale, timeLimitSeconds ?? 30)}
            </li>
          </ul>
        </dd>
        {plan.appliedAt ? (
          <>
            <dt>{t('allocation.plan.appliedAt')}</dt>
            <dd>{formatDateTime(locale, plan.appliedAt)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function RegionBalanceTable({ plan }: { plan: Plan }) {
  const t = useT();
  const { locale } = useLocale();
  const areaName = useAreaName();
  const rows = useMemo(
    () =>
      balanceByRegion(
        plan.allocations.map((allocation) => ({
          allocatedUsd: allocation.allocatedUsd,
          region: allocation.match?.need.country.region ?? null,
        })),
      ),
    [plan.allocations],
  );
  return (
    <section aria-labelledby="plan-regions-heading">
      <h2 id="plan-regions-heading">{t('allocation.regions.heading')}</h2>
      {rows.length ? (
        <table className="table">
          <caption className="visually-hidden">{t('allocation.regions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('allocation.regions.region')}</th>
              <th scope="col" className="num">
                {t('allocation.regions.pairs')}
              </th>
              <th scope="col" className="num">
                {t('allocation.regions.usd')}
              </th>
              <th scope="col">{t('allocation.regions.share')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}>
                <th scope="row">{areaName(row)}</th>
                <td className="num">{formatNumber(locale, row.pairs)}</td>
                <td className="num">{formatUsd(locale, row.usd)}</td>
                <td>
                  <Meter share={row.share} percent={formatPercent(locale, row.share)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('allocation.regions.empty')}</p>
      )}
    </section>
  );
}

function FundedPairs({ plan }: { plan: Plan }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section aria-labelledby="plan-pairs-heading">
      <h2 id="plan-pairs-heading">{t('allocation.pairs.heading')}</h2>
      {plan.allocations.length ? (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">
              {t('allocation.pairs.caption', {
                count: plan.allocations.length,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('allocation.pairs.need')}</th>
                <th scope="col">{t('common.country')}</th>
                <th scope="col">{t('allocation.pairs.offer')}</th>
                <th scope="col">{t('allocation.pairs.donor')}</th>
                <th scope="col" className="num">
                  {t('allocation.pairs.amount')}
                </th>
                <th scope="col" className="num">
                  {t('allocation.pairs.score')}
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.allocations.map((allocation) => {
                const match = allocation.match;
                return (
                  <tr key={allocation.matchId}>
                    <td dir="auto">{match ? <Link href={`/needs/${match.need.id}`}>{match.need.title}</Link> : '–'}</td>
                    <td>{match ? regionName(locale, match.need.country.iso2, match.need.country.name) : '–'}</td>
                    <td dir="auto">{match ? <Link href={`/offers/${match.offer.id}`}>{match.offer.title}</Link> : '–'}</td>
                    <td dir="auto">{match?.offer.donor.name ?? '–'}</td>
                    <td className="num">{formatUsd(locale, allocation.allocatedUsd)}</td>
                    <td className="num">{formatPercent(locale, allocation.score)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('allocation.pairs.empty')}</p>
      )}
    </section>
  );
}

/**
 * Apply in two steps, as GOV.UK's "check your answers": what will be approved and its total, then
 * the one button that approves it all. A refusal says why; on CONFLICT the way on is a new plan.
 */
function ApplyPanel({ plan, onApplied }: { plan: Plan; onApplied: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [, navigate] = useLocation();
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [{ fetching: applying }, apply] = useMutation(ApplyAllocationPlanMutation);
  const [{ fetching: proposing }, propose] = useMutation(ProposeAllocationMutation);
  const checkHeading = useRef<HTMLHeadingElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const conflictNotice = useRef<HTMLDivElement>(null);
  const conflict = errorCodeOf(failure ?? undefined) === 'CONFLICT';
  const otherProblems = failure && !conflict ? problemsOf(failure, t) : [];
  const [proposeProblems, setProposeProblems] = useState<ReturnType<typeof problemsOf>>([]);

  useEffect(() => {
    if (checking) checkHeading.current?.focus();
  }, [checking]);
  useEffect(() => {
    if (conflict) conflictNotice.current?.focus();
  }, [conflict]);

  async function confirm() {
    if (applying) return;
    setFailure(null);
    const result = await apply({ id: plan.id });
    if (result.error) {
      setFailure(result.error);
      setChecking(false);
      return;
    }
    setChecking(false);
    onApplied();
  }

  async function proposeAgain() {
    const { minRegionShare, maxCountryShare, maxCountryUsd, timeLimitSeconds } = plan.options;
    const input: ProposeInput = {};
    if (minRegionShare !== null && minRegionShare !== undefined) input.minRegionShare = minRegionShare;
    if (maxCountryShare !== null && maxCountryShare !== undefined) input.maxCountryShare = maxCountryShare;
    if (maxCountryUsd !== null && maxCountryUsd !== undefined) input.maxCountryUsd = maxCountryUsd;
    if (timeLimitSeconds !== null && timeLimitSeconds !== undefined) input.timeLimitSeconds = timeLimitSeconds;
    const result = await propose({ input });
    if (result.error || !result.data) {
      setProposeProblems(result.error ? problemsOf(result.error, t) : [{ field: null, message: t('common.error.internal') }]);
      return;
    }
    setFailure(null);
    navigate(`/allocation/${result.data.proposeAllocation.id}`);
  }

  const count = plan.allocations.length;
  return (
    <section aria-labelledby="apply-plan-heading">
      <h2 id="apply-plan-heading">{t('allocation.apply.heading')}</h2>
      <ErrorSummary problems={[...otherProblems, ...proposeProblems]} />
      {conflict ? (
        <div className="notice notice--warning" role="alert" tabIndex={-1} ref={conflictNotice}>
          <p className="notice__text">{t('allocation.apply.conflict')}</p>
          <div className="button-group">
            <button type="button" className="button" onClick={() => void proposeAgain()} disabled={proposing}>
              {t('allocation.apply.proposeAgain')}
            </button>
          </div>
        </div>
      ) : null}
      {/* Once refused with CONFLICT the plan can only be refused again: the way on is a new plan. */}
      {conflict ? null : !count ? (
        <p>{t('allocation.apply.nothing')}</p>
      ) : checking ? (
        <div className="apply-check">
          <h3 ref={checkHeading} tabIndex={-1}>
            {t('allocation.apply.checkHeading')}
          </h3>
          <dl className="summary-list">
            <dt>{t('allocation.apply.pairings')}</dt>
            <dd>{formatNumber(locale, count)}</dd>
            <dt>{t('allocation.apply.total')}</dt>
            <dd>{formatUsd(locale, plan.allocatedUsd)}</dd>
          </dl>
          <p>
            {t('allocation.apply.allOrNothing', {
              count,
              total: formatUsd(locale, plan.allocatedUsd),
            })}
          </p>
          <div className="button-group">
            <button
              type="button"
              className="button button--warning"
              onClick={() => void confirm()}
              disabled={applying}
              aria-busy={applying}
            >
              {applying ? t('allocation.apply.applying') : t('allocation.apply.confirm')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setChecking(false);
                window.setTimeout(() => startButton.current?.focus(), 0);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>{t('allocation.apply.intro')}</p>
          <div className="button-group">
            <button type="button" className="button" ref={startButton} onClick={() => setChecking(true)}>
              {t('allocation.apply.start')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
