import { useState, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { useT } from '../../i18n/I18nProvider';
import { problemsOf } from '../../ui/api-errors';
import { CursorPagination } from '../../ui/CursorPagination';
import { Loading } from '../../ui/page';

/** Where a history list stands: the cursor shown and those passed on the way, to go back. */
export function useCursorTrail() {
  const [after, setAfter] = useState('');
  const [passed, setPassed] = useState<string[]>([]);
  const go = (next: string, trail: string[]) => {
    setPassed(trail);
    setAfter(next);
  };
  return { after, passed, go };
}

/**
 * A section listing what was started before (runs, plans), newest first, a page at a time: its
 * heading, then loading, the refusal, "none yet" or the table with its pages.
 */
export function HistorySection({
  headingId,
  heading,
  emptyText,
  paginationLabel,
  trail,
  result,
  children,
}: {
  headingId: string;
  heading: string;
  emptyText: string;
  paginationLabel: string;
  trail: ReturnType<typeof useCursorTrail>;
  result: {
    fetching: boolean;
    error?: CombinedError;
    connection?: {
      edges: unknown[];
      pageInfo: { hasNextPage: boolean; endCursor?: string | null };
    };
  };
  children: ReactNode;
}) {
  const t = useT();
  const { connection, fetching, error } = result;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {!connection && fetching ? <Loading /> : null}
      {error && !connection ? (
        <div className="notice notice--warning" role="alert">
          {problemsOf(error, t)[0]?.message}
        </div>
      ) : null}
      {connection && !connection.edges.length ? <p>{emptyText}</p> : null}
      {connection && connection.edges.length ? (
        <>
          <div className="table-scroll">{children}</div>
          <CursorPagination
            label={paginationLabel}
            current={trail.after}
            passed={trail.passed}
            next={connection.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null}
            onGo={trail.go}
          />
        </>
      ) : null}
    </section>
  );
}
