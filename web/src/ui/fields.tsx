import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

/**
 * Form fields as officials meet them in GOV.UK services: a visible label, a hint under it, the
 * error next to the field, all tied to the control for screen readers. Native controls keep
 * keyboard use and right-to-left layout working without extra code.
 */
interface FieldFrame {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldParts({ id, hint, error }: Omit<FieldFrame, 'label'>) {
  return (
    <>
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
    </>
  );
}

export function TextField({ id, label, hint, error, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <FieldParts id={id} hint={hint} error={error} />
      <input id={id} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
    </div>
  );
}

/** A text area only ever holds what a reader writes, often in another language than the console's: its direction follows the text. */
export function TextArea({ id, label, hint, error, ...textarea }: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <FieldParts id={id} hint={hint} error={error} />
      <textarea
        id={id}
        className="textarea"
        dir="auto"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...textarea}
      />
    </div>
  );
}

export function SelectField({ id, label, hint, error, children, ...select }: FieldFrame & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <FieldParts id={id} hint={hint} error={error} />
      <select
        id={id}
        className="select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

/** A checkbox or a radio: the control at the inline start, its label and hint beside it. */
function Choice({ id, label, hint, ...input }: Omit<FieldFrame, 'error'> & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="checkbox">
      <input id={id} className="checkbox__input" aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label htmlFor={id} className="checkbox__label">
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint checkbox__hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}

export function Checkbox(props: Omit<FieldFrame, 'error'> & InputHTMLAttributes<HTMLInputElement>) {
  return <Choice type="checkbox" {...props} />;
}

/** A group of choices under one question: checkboxes (several) in a fieldset whose legend is the question. */
export function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  options,
  selected,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: ReactNode; hint?: ReactNode }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}) {
  const toggle = (value: string, checked: boolean) => onChange(checked ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset id={id} className={`fieldset${error ? ' field--error' : ''}`} aria-describedby={describedBy(id, hint, error)} tabIndex={-1}>
      <legend className="fieldset__legend">{legend}</legend>
      <FieldParts id={id} hint={hint} error={error} />
      {options.map((option) => (
        <Checkbox
          key={option.value}
          id={`${id}-${option.value}`}
          label={option.label}
          hint={option.hint}
          checked={selected.includes(option.value)}
          onChange={(event) => toggle(option.value, event.target.checked)}
        />
      ))}
    </fieldset>
  );
}

/**
 * One answer to one question: the question is the fieldset's legend, the error sits under it, and
 * the error summary links to the fieldset. Each radio is laid out as a checkbox is.
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
  return (
    <fieldset id={id} className={`fieldset${error ? ' field--error' : ''}`} aria-describedby={describedBy(id, hint, error)} tabIndex={-1}>
      <legend className="fieldset__legend">{legend}</legend>
      <FieldParts id={id} hint={hint} error={error} />
      {options.map((option) => (
        <Choice
          key={option.value}
          id={`${id}-${option.value}`}
          type="radio"
          name={id}
          label={option.label}
          hint={option.hint}
          value={option.value}
          checked={value === option.value}
          onChange={() => onChange(option.value)}
        />
      ))}
    </fieldset>
  );
}
