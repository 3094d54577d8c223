import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatPercent } from '../../i18n/format';
import type { MessageId } from '../../i18n/message-ids';

/** The factors of a match score, in the order of their default weights (README "Matching"); each in [0, 1]. */
export const SCORE_FACTORS = ['theme', 'region', 'capacity', 'ownership', 'gender', 'baseline', 'multiYear', 'conflict'] as const;
export type ScoreFactor = (typeof SCORE_FACTORS)[number];
export type Breakdown = Record<ScoreFactor, number>;

/** What the chart draws: spread `...ScoreBreakdownFields` into a match's `breakdown` in any query that shows it. */
export const SCORE_BREAKDOWN_FIELDS = graphql(`
  fragment ScoreBreakdownFields on ScoreBreakdown {
    theme
    region
    capacity
    ownership
    gender
    baseline
    multiYear
    conflict
  }
`);

const FACTOR_LABELS: Record<ScoreFactor, MessageId> = {
  theme: 'matches.factor.theme',
  region: 'matches.factor.region',
  capacity: 'matches.factor.capacity',
  ownership: 'matches.factor.ownership',
  gender: 'matches.factor.gender',
  baseline: 'matches.factor.baseline',
  multiYear: 'matches.factor.multiYear',
  conflict: 'matches.factor.conflict',
};

const FACTOR_HINTS: Record<ScoreFactor, MessageId> = {
  theme: 'matches.factorHint.theme',
  region: 'matches.factorHint.region',
  capacity: 'matches.factorHint.capacity',
  ownership: 'matches.factorHint.ownership',
  gender: 'matches.factorHint.gender',
  baseline: 'matches.factorHint.baseline',
  multiYear: 'matches.factorHint.multiYear',
  conflict: 'matches.factorHint.conflict',
};

function clamp(value: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
}

/**
 * A score's factors as horizontal bars, one row per factor. It is a table so screen readers read it
 * as data: each row names the factor, says what it means and gives the value as a percentage in text;
 * the bar beside it is decoration and grows from the inline start, so it mirrors in right-to-left pages.
 */
export function ScoreBreakdownChart({ breakdown, caption }: { breakdown: Breakdown; caption: string }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <table className="table score-chart">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('matches.breakdown.factor')}</th>
          <th scope="col">{t('matches.breakdown.value')}</th>
        </tr>
      </thead>
      <tbody>
        {SCORE_FACTORS.map((factor) => {
          const value = clamp(breakdown[factor]);
          return (
            <tr key={factor}>
              <th scope="row" className="score-chart__factor">
                <span className="score-chart__name">{t(FACTOR_LABELS[factor])}</span>
                <span className="score-chart__hint">{t(FACTOR_HINTS[factor])}</span>
              </th>
              <td>
                <div className="score-chart__cell">
                  <span className="score-bar" aria-hidden="true">
                    <span className="score-bar__fill" style={{ inlineSize: `${value * 100}%` }} />
                  </span>
                  <span className="score-chart__value">{formatPercent(locale, value)}</span>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
