import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link, useLocation } from 'wouter';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDateTime, formatNumber, formatUsd } from '../../i18n/format';
import { messageFor, problemsOf, type FormProblem } from '../../ui/api-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/fields';
import { Page } from '../../ui/page';
import { HistorySection, useCursorTrail } from '../matching-runs/HistorySection';
import {
  DEFAULT_SOLVE_SECONDS,
  EMPTY_OPTIONS,
  MAX_SOLVE_SECONDS,
  MIN_SOLVE_SECONDS,
  OPTION_FIELDS,
  OPTION_RULE_MESSAGES,
  readOptions,
  SOLVE_STATUS_LABELS,
  type OptionName,
  type OptionsForm,
} from './allocation-rules';
import { PlanStatusTag } from './plan-display';
import { AllocationPlansQuery, ProposeAllocationMutation } from './plans-data';

const FIELD_IDS: Record<string, string> = {
  [OPTION_FIELDS.minRegionShare]: 'plan-min-region-share',
  [OPTION_FIELDS.maxCountryShare]: 'plan-max-country-share',
  [OPTION_FIELDS.maxCountryUsd]: 'plan-max-country-usd',
  [OPTION_FIELDS.timeLimitSeconds]: 'plan-time-limit',
};

/** Propose an allocation plan with its options, and the plans proposed before. */
export default function AllocationPlansPage() {
  const t = useT();
  return (
    <Page title={t('allocation.title')} wide>
      <p>{t('allocation.intro')}</p>
      <ProposeForm />
      <PastPlans />
    </Page>
  );
}

function ProposeForm() {
  const t = useT();
  const { locale } = useLocale();
  const [, navigate] = useLocation();
  const [form, setForm] = useState<OptionsForm>(EMPTY_OPTIONS);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [{ fetching }, propose] = useMutation(ProposeAllocationMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (fetching) return;
    const { input, problems: local } = readOptions(form, locale);
    const shown = local.map((problem) => ({
      field: OPTION_FIELDS[problem.field],
      message: t(OPTION_RULE_MESSAGES[problem.rule]),
    }));
    setProblems(shown);
    if (shown.length) return;
    const result = await propose({ input });
    if (result.error || !result.data) {
      setProblems(result.error ? problemsOf(result.error, t) : [{ field: null, message: t('common.error.internal') }]);
      return;
    }
    navigate(`/allocation/${result.data.proposeAllocation.id}`);
  }

  const field = (name: OptionName) => ({
    id: FIELD_IDS[OPTION_FIELDS[name]],
    value: form[name],
    error: messageFor(problems, OPTION_FIELDS[name]),
    inputMode: 'decimal' as const,
    className: 'input input--short',
    onChange: (event: { target: { value: string } }) => setForm((current) => ({ ...current, [name]: event.target.value })),
  });

  return (
    <section aria-labelledby="propose-plan-heading">
      <h2 id="propose-plan-heading">{t('allocation.propose.heading')}</h2>
      <p>{t('allocation.propose.intro')}</p>
      <ErrorSummary problems={problems} fieldIds={FIELD_IDS} />
      <form onSubmit={(event) => void submit(event)} noValidate className="form" aria-busy={fetching}>
        <TextField
          label={t('allocation.option.minRegionShare')}
          hint={t('allocation.option.minRegionShareHint')}
          {...field('minRegionShare')}
        />
        <TextField
          label={t('allocation.option.maxCountryShare')}
          hint={t('allocation.option.maxCountryShareHint')}
          {...field('maxCountryShare')}
        />
        <TextField
          label={t('allocation.option.maxCountryUsd')}
          hint={t('allocation.option.maxCountryUsdHint')}
          {...field('maxCountryUsd')}
        />
        <TextField
          label={t('allocation.option.timeLimitSeconds')}
          hint={t('allocation.option.timeLimitSecondsHint', {
            min: formatNumber(locale, MIN_SOLVE_SECONDS),
            max: formatNumber(locale, MAX_SOLVE_SECONDS),
            default: formatNumber(locale, DEFAULT_SOLVE_SECONDS),
          })}
          {...field('timeLimitSeconds')}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={fetching}>
            {fetching ? t('allocation.propose.proposing') : t('allocation.propose.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function PastPlans() {
  const t = useT();
  const { locale } = useLocale();
  const trail = useCursorTrail();
  const [{ data, error, fetching }] = useQuery({
    query: AllocationPlansQuery,
    variables: { after: trail.after || null },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.allocationPlans;
  const amount = (value: number | null | undefined) => (value === null || value === undefined ? '–' : formatUsd(locale, value));

  return (
    <HistorySection
      headingId="past-plans-heading"
      heading={t('allocation.list.heading')}
      emptyText={t('allocation.list.empty')}
      paginationLabel={t('allocation.list.pagination')}
      trail={trail}
      result={{ fetching, error, connection }}
    >
      {connection ? (
        <table className="table">
          <caption className="visually-hidden">{t('allocation.list.caption', { count: connection.totalCount })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('allocation.list.requested')}</th>
              <th scope="col">{t('allocation.list.status')}</th>
              <th scope="col">{t('allocation.plan.solveStatus')}</th>
              <th scope="col" className="num">
                {t('allocation.plan.objective')}
              </th>
              <th scope="col" className="num">
                {t('allocation.plan.greedyObjective')}
              </th>
              <th scope="col" className="num">
                {t('allocation.plan.allocatedUsd')}
              </th>
              <th scope="col" className="num">
                {t('allocation.plan.candidateCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {connection.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>
                  <Link href={`/allocation/${node.id}`}>{formatDateTime(locale, node.createdAt)}</Link>
                </td>
                <td>
                  <PlanStatusTag status={node.status} t={t} />
                </td>
                <td>{node.solveStatus ? t(SOLVE_STATUS_LABELS[node.solveStatus]) : '–'}</td>
                <td className="num">{amount(node.objective)}</td>
                <td className="num">{amount(node.greedyObjective)}</td>
                <td className="num">{formatUsd(locale, node.allocatedUsd)}</td>
                <td className="num">
                  {node.candidateCount === null || node.candidateCount === undefined ? '–' : formatNumber(locale, node.candidateCount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </HistorySection>
  );
}
