import type { ReactNode } from 'react';

/**
 * One answer to one question, GOV.UK style: the question is the fieldset's legend, the error sits
 * under it, and the error summary links to the first radio (`${id}-${first value}`). Each radio is laid
 * out as a checkbox is: the control at the inline start, its label and hint beside it.
 */
export function RadioGroup<Value extends string>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: { value: Value; label: ReactNode; hint?: ReactNode }[];
  value: Value | null;
  onChange: (value: Value) => void;
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={id} className={`fieldset${error ? ' field--error' : ''}`} aria-describedby={described}>
      <legend className="fieldset__legend">{legend}</legend>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      <div>
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div className="checkbox" key={option.value}>
              <input
                id={optionId}
                type="radio"
                name={id}
                className="checkbox__input"
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              />
              <label htmlFor={optionId} className="checkbox__label">
                {option.label}
              </label>
              {option.hint ? (
                <div id={`${optionId}-hint`} className="field__hint checkbox__hint">
                  {option.hint}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
