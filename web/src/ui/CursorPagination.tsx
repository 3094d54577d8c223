import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/I18nProvider';

/**
 * Previous and next page of a list the API pages by cursor. Cursors only lead forward, so the page
 * keeps those already passed (`passed`) to go back; `onGo` gets the cursor to show and the new trail.
 * Nothing is drawn when the list fits on one page, so no empty navigation landmark is announced.
 */
export function CursorPagination({
  label,
  current,
  passed,
  next,
  onGo,
  disabled,
}: {
  label: string;
  current: string;
  passed: string[];
  next: string | null | undefined;
  onGo: (after: string, passed: string[]) => void;
  /** While a page loads, so a second press does not skip one. */
  disabled?: boolean;
}) {
  const t = useT();
  if (!current && !next) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {current ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={disabled}
          onClick={() => onGo(passed[passed.length - 1] ?? '', passed.slice(0, -1))}
        >
          {t('common.previousPage')}
        </button>
      ) : null}
      {next ? (
        <button type="button" className="button button--secondary" disabled={disabled} onClick={() => onGo(next, [...passed, current])}>
          {t('common.nextPage')}
        </button>
      ) : null}
    </nav>
  );
}

/**
 * The cursor trail of a list kept in the page's state rather than its address: the cursor shown
 * (`''` for the first page), those passed to reach it, and back to the first page when `resetKey`
 * (the filters, the record listed) changes. `turned` is set on a page turn so the page can move focus
 * to the list's heading once the new page is drawn.
 */
export function useCursorTrail(resetKey: string) {
  const [trail, setTrail] = useState<{ after: string; passed: string[] }>({ after: '', passed: [] });
  const turned = useRef(false);
  useEffect(() => setTrail((current) => (current.after || current.passed.length ? { after: '', passed: [] } : current)), [resetKey]);
  const go = (after: string, passed: string[]) => {
    turned.current = true;
    setTrail({ after, passed });
  };
  return { after: trail.after, passed: trail.passed, go, turned };
}

export type CursorTrail = ReturnType<typeof useCursorTrail>;
