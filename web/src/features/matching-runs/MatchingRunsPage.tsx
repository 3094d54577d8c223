import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link, useLocation } from 'wouter';
import { useLocale, useT, type Translate } from '../../i18n/I18nProvider';
import { formatDateTime, formatNumber } from '../../i18n/format';
import type { Locale } from '../../i18n/locales';
import { problemsOf, type FormProblem } from '../../ui/api-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading, Page } from '../../ui/page';
import { HistorySection, useCursorTrail } from './HistorySection';
import { formatDuration, RunStatusTag } from './run-display';
import { usePollWhile } from './use-polling';
import { DefaultWeightsQuery, MatchingRunsQuery, StartMatchingRunMutation, weightsOf } from './runs-data';
import { WEIGHTS_FIELDSET_ID, weightFieldId, WeightSliders } from './WeightSliders';
import { FACTOR_LABELS, FACTORS, sameWeights, weightProblems, type Factor, type WeightProblem, type Weights } from './weights-rules';

const PROBLEM_MESSAGES = {
  notFinite: 'matching-runs.rule.notFinite',
  negative: 'matching-runs.rule.negative',
  nothingButGender: 'matching-runs.rule.nothingButGender',
} as const;

// Specific paths first: the error summary takes the first path a problem's field starts with.
const FIELD_IDS: Record<string, string> = {
  ...Object.fromEntries(FACTORS.map((factor) => [`weights.${factor}`, weightFieldId(factor)])),
  weights: WEIGHTS_FIELDSET_ID,
};

function asFormProblems(problems: WeightProblem[], t: Translate): FormProblem[] {
  return problems.map((problem) => ({
    field: problem.field === 'weights' ? 'weights' : `weights.${problem.field}`,
    message:
      problem.field === 'weights'
        ? t(PROBLEM_MESSAGES[problem.rule])
        : `${t(FACTOR_LABELS[problem.field])}: ${t(PROBLEM_MESSAGES[problem.rule])}`,
  }));
}

/** Start a full matching run with chosen weights, and the runs started before. */
export default function MatchingRunsPage() {
  const t = useT();
  const [defaults] = useQuery({ query: DefaultWeightsQuery });
  const defaultWeights = useMemo(() => (defaults.data ? weightsOf(defaults.data.defaultMatchingWeights) : null), [defaults.data]);

  return (
    <Page title={t('matching-runs.title')} wide>
      <p>{t('matching-runs.intro')}</p>
      {defaultWeights ? (
        <StartRunForm defaults={defaultWeights} />
      ) : defaults.error ? (
        <div className="notice notice--warning" role="alert">
          {problemsOf(defaults.error, t)[0]?.message}
        </div>
      ) : (
        <Loading />
      )}
      <PastRuns defaults={defaultWeights} />
    </Page>
  );
}

function StartRunForm({ defaults }: { defaults: Weights }) {
  const t = useT();
  const [, navigate] = useLocation();
  const [weights, setWeights] = useState<Weights>(defaults);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [{ fetching }, start] = useMutation(StartMatchingRunMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (fetching) return;
    const local = asFormProblems(weightProblems(weights), t);
    setProblems(local);
    if (local.length) return;
    const result = await start({ weights });
    if (result.error || !result.data) {
      setProblems(result.error ? problemsOf(result.error, t) : [{ field: null, message: t('common.error.internal') }]);
      return;
    }
    navigate(`/runs/${result.data.startMatchingRun.id}`);
  }

  const factorErrors = Object.fromEntries(
    FACTORS.map((factor) => [
      factor,
      problems
        .filter((problem) => problem.field === `weights.${factor}`)
        .map((problem) => problem.message)
        .join(' ') || undefined,
    ]),
  ) as Partial<Record<Factor, string>>;
  const groupError =
    problems
      .filter((problem) => problem.field === 'weights')
      .map((problem) => problem.message)
      .join(' ') || undefined;

  return (
    <section aria-labelledby="start-run-heading">
      <h2 id="start-run-heading">{t('matching-runs.start.heading')}</h2>
      <ErrorSummary problems={problems} fieldIds={FIELD_IDS} />
      <form onSubmit={(event) => void submit(event)} noValidate className="form" aria-busy={fetching}>
        <WeightSliders weights={weights} onChange={setWeights} errors={factorErrors} groupError={groupError} />
        <div className="button-group">
          <button type="submit" className="button" disabled={fetching}>
            {fetching ? t('matching-runs.start.starting') : t('matching-runs.start.submit')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setWeights(defaults);
              setProblems([]);
            }}
          >
            {t('matching-runs.weights.reset')}
          </button>
          {sameWeights(weights, defaults) ? <span className="field__hint">{t('matching-runs.weights.atDefaults')}</span> : null}
        </div>
      </form>
    </section>
  );
}

/** What a past run scored with, in a few words: "the defaults", or only the factors that differed. */
function weightsSummary(weights: Weights, defaults: Weights | null, t: Translate, locale: Locale): string {
  if (defaults && sameWeights(weights, defaults)) return t('matching-runs.list.defaultWeights');
  const changed = FACTORS.filter((factor) => !defaults || weights[factor] !== defaults[factor]);
  return changed
    .map((factor) =>
      t('matching-runs.list.weight', {
        factor: t(FACTOR_LABELS[factor]),
        value: formatNumber(locale, weights[factor]),
      }),
    )
    .join('; ');
}

function PastRuns({ defaults }: { defaults: Weights | null }) {
  const t = useT();
  const { locale } = useLocale();
  const trail = useCursorTrail();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: MatchingRunsQuery,
    variables: { after: trail.after || null },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.matchingRuns;
  const unfinished = connection?.edges.some((edge) => edge.node.status === 'QUEUED' || edge.node.status === 'RUNNING') ?? false;
  // Runs still going are rechecked now and then, so the list never shows a finished run as running.
  const recheck = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  usePollWhile(unfinished, fetching, data, recheck, 5000);

  return (
    <HistorySection
      headingId="past-runs-heading"
      heading={t('matching-runs.list.heading')}
      emptyText={t('matching-runs.list.empty')}
      paginationLabel={t('matching-runs.list.pagination')}
      trail={trail}
      result={{ fetching, error, connection }}
    >
      {connection ? (
        <table className="table">
          <caption className="visually-hidden">{t('matching-runs.list.caption', { count: connection.totalCount })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('matching-runs.list.started')}</th>
              <th scope="col">{t('matching-runs.list.startedBy')}</th>
              <th scope="col">{t('matching-runs.list.status')}</th>
              <th scope="col">{t('matching-runs.list.weights')}</th>
              <th scope="col" className="num">
                {t('matching-runs.list.pairs')}
              </th>
              <th scope="col" className="num">
                {t('matching-runs.list.matches')}
              </th>
              <th scope="col" className="num">
                {t('matching-runs.list.duration')}
              </th>
            </tr>
          </thead>
          <tbody>
            {connection.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>
                  <Link href={`/runs/${node.id}`}>{formatDateTime(locale, node.createdAt)}</Link>
                </td>
                <td dir="auto">{node.startedBy?.email ?? t('matching-runs.system')}</td>
                <td>
                  <RunStatusTag status={node.status} t={t} />
                </td>
                <td>{weightsSummary(weightsOf(node.weights), defaults, t, locale)}</td>
                <td className="num">{formatNumber(locale, node.pairsScored)}</td>
                <td className="num">{formatNumber(locale, node.matchesUpserted)}</td>
                <td className="num">{formatDuration(locale, t, node.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </HistorySection>
  );
}
