import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatNumber, formatPercent } from '../../i18n/format';
import { FACTOR_HINTS, FACTOR_LABELS, FACTORS, shareOf, WEIGHT_MAX, WEIGHT_STEP, type Factor, type Weights } from './weights-rules';

/** The element id of a factor's slider, which the error summary links to. */
export const weightFieldId = (factor: Factor) => `weight-${factor}`;
export const WEIGHTS_FIELDSET_ID = 'run-weights';

/**
 * One labelled range slider per factor, its value and its share of the score written beside it and
 * given to screen readers as the slider's value text. Native range inputs move with the arrow keys,
 * Page Up/Down, Home and End, and turn with the page in right-to-left languages.
 */
export function WeightSliders({
  weights,
  onChange,
  errors,
  groupError,
}: {
  weights: Weights;
  onChange: (weights: Weights) => void;
  errors: Partial<Record<Factor, string>>;
  groupError?: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <fieldset
      id={WEIGHTS_FIELDSET_ID}
      className={`fieldset${groupError ? ' field--error' : ''}`}
      tabIndex={-1}
      aria-describedby={`${WEIGHTS_FIELDSET_ID}-hint${groupError ? ` ${WEIGHTS_FIELDSET_ID}-error` : ''}`}
    >
      <legend className="fieldset__legend">{t('matching-runs.weights.legend')}</legend>
      <div id={`${WEIGHTS_FIELDSET_ID}-hint`} className="field__hint">
        {t('matching-runs.weights.hint')}
      </div>
      {groupError ? (
        <p id={`${WEIGHTS_FIELDSET_ID}-error`} className="field__error">
          {groupError}
        </p>
      ) : null}
      {FACTORS.map((factor) => {
        const id = weightFieldId(factor);
        const value = formatNumber(locale, weights[factor]);
        const share = formatPercent(locale, shareOf(weights, factor));
        const error = errors[factor];
        return (
          <div key={factor} className={`field weight-field${error ? ' field--error' : ''}`}>
            <label htmlFor={id} className="field__label">
              {t(FACTOR_LABELS[factor])}
            </label>
            <div id={`${id}-hint`} className="field__hint">
              {t(FACTOR_HINTS[factor])}
            </div>
            {error ? (
              <p id={`${id}-error`} className="field__error">
                {error}
              </p>
            ) : null}
            <div className="weight-field__control">
              <input
                id={id}
                type="range"
                className="weight-field__range"
                min={0}
                max={WEIGHT_MAX}
                step={WEIGHT_STEP}
                value={weights[factor]}
                aria-valuetext={t('matching-runs.weights.valueText', {
                  value,
                  share,
                })}
                aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
                aria-invalid={error ? true : undefined}
                onChange={(event) => onChange({ ...weights, [factor]: Number(event.target.value) })}
              />
              <output htmlFor={id} className="weight-field__value" aria-hidden="true">
                {t('matching-runs.weights.valueText', { value, share })}
              </output>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
