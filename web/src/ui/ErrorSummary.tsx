import { useEffect, useRef } from 'react';
import { useT } from '../i18n/I18nProvider';
import type { FormProblem } from './api-errors';

/**
 * GOV.UK's error summary: at the top of the form, focused when it appears so screen readers announce
 * it, each problem a link to its field. `fieldIds` maps the API's input path to the field's element id.
 */
export function ErrorSummary({ problems, fieldIds }: { problems: FormProblem[]; fieldIds?: Record<string, string> }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length) ref.current?.focus();
  }, [problems]);
  if (!problems.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {t('common.errorSummary.title')}
      </h2>
      <ul>
        {problems.map((problem, index) => {
          const target = problem.field ? targetOf(problem.field, fieldIds) : undefined;
          return <li key={index}>{target ? <a href={`#${target}`}>{problem.message}</a> : problem.message}</li>;
        })}
      </ul>
    </div>
  );
}

function targetOf(field: string, fieldIds: Record<string, string> | undefined): string | undefined {
  if (!fieldIds) return undefined;
  const key = Object.keys(fieldIds).find((path) => field === path || field.startsWith(`${path}.`));
  return key ? fieldIds[key] : undefined;
}
