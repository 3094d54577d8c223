import { useEffect, useRef, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { useT } from '../i18n/I18nProvider';
import { problemsOf } from './api-errors';
import { ErrorSummary } from './ErrorSummary';

/** The API refused the reader's last action. */
export interface FailedOutcome {
  kind: 'failed';
  error: CombinedError;
}

function isFailed(outcome: { kind: string }): outcome is FailedOutcome {
  return outcome.kind === 'failed';
}

/**
 * What the reader's last action on a list did, said once above it: focused whenever it changes, so
 * screen readers say it at once (the button pressed may be gone with the row it was in). A refusal
 * is shown as the error summary.
 */
export function OutcomeNotice<Done extends { kind: string }>({
  outcome,
  children,
}: {
  outcome: Done | FailedOutcome | null;
  children: (done: Done) => ReactNode;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [outcome]);
  if (!outcome) return null;
  if (isFailed(outcome)) return <ErrorSummary problems={problemsOf(outcome.error, t)} />;
  return (
    <div className="notice notice--success" role="status" tabIndex={-1} ref={ref}>
      {children(outcome)}
    </div>
  );
}
