import { useT } from '../i18n/I18nProvider';

/**
 * Previous and next page of a list the API pages by cursor. Cursors only lead forward, so the page
 * keeps those already passed (`passed`) to go back; `onGo` gets the cursor to show and the new trail.
 */
export function CursorPagination({
  label,
  current,
  passed,
  next,
  onGo,
}: {
  label: string;
  current: string;
  passed: string[];
  next: string | null;
  onGo: (after: string, passed: string[]) => void;
}) {
  const t = useT();
  return (
    <nav className="pagination" aria-label={label}>
      {current ? (
        <button type="button" className="button button--secondary" onClick={() => onGo(passed[passed.length - 1] ?? '', passed.slice(0, -1))}>
          {t('common.previousPage')}
        </button>
      ) : null}
      {next ? (
        <button type="button" className="button button--secondary" onClick={() => onGo(next, [...passed, current])}>
          {t('common.nextPage')}
        </button>
      ) : null}
    </nav>
  );
}
