import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';

/** One field that differs between what someone else saved and what the reader has in the form, both already worded for the reader. */
export interface ConflictRow {
  field: string;
  label: string;
  theirs: string;
  yours: string;
  /** The values are text someone typed (a title, a description), so their direction follows the text, not the console's language. */
  typed?: boolean;
}

/**
 * "Someone else saved this first": shown when the API refused a save made on a stale version
 * (CONFLICT). Their value of each differing field beside the reader's, so nothing the reader typed is
 * lost, and a button to load their version into the form. Every record edited in a form uses it; the
 * feature gives the wording, this gives the shape and the accessibility.
 */
export function VersionConflict({
  id,
  title,
  body,
  caption,
  columns,
  rows,
  noRows,
  reloaded,
  onReload,
  onDismiss,
  dismissLabel,
  revision,
}: {
  id: string;
  title: string;
  body: ReactNode;
  caption: string;
  columns: { field: string; theirs: string; yours: string };
  rows: ConflictRow[];
  /** Said when the other save changed nothing the reader edited. */
  noRows: string;
  /** Their version is in the form now; the table stays so the reader can enter again what they want to keep. */
  reloaded: boolean;
  onReload: () => void;
  onDismiss: () => void;
  dismissLabel: string;
  /** Their version's number or time: a newer refusal takes focus again. */
  revision?: string | number;
}) {
  const t = useT();
  const ref = useRef<HTMLElement>(null);
  // The refusal is news the reader must act on: bring it into view and focus, as the error summary does.
  useEffect(() => ref.current?.focus(), [revision]);
  return (
    <section ref={ref} tabIndex={-1} className="notice notice--warning conflict" role="alert" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="conflict__title">
        {title}
      </h2>
      <p>{body}</p>
      {rows.length ? (
        <table className="table conflict__table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{columns.field}</th>
              <th scope="col">{columns.theirs}</th>
              <th scope="col">{columns.yours}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field}>
                <th scope="row">{row.label}</th>
                <td className="conflict__value" dir={row.typed ? 'auto' : undefined}>
                  {row.theirs}
                </td>
                <td className="conflict__value" dir={row.typed ? 'auto' : undefined}>
                  {row.yours}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{noRows}</p>
      )}
      <div className="button-group">
        {reloaded ? (
          <button type="button" className="button button--secondary" onClick={onDismiss}>
            {dismissLabel}
          </button>
        ) : (
          <button type="button" className="button" onClick={onReload}>
            {t('common.reload')}
          </button>
        )}
      </div>
    </section>
  );
}
