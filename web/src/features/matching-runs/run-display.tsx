import type { MatchingRunStatus } from '../../gql/enums';
import type { Translate } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import type { Locale } from '../../i18n/locales';
import { RUN_STATUS_LABELS } from './weights-rules';

const STATUS_TAG_CLASS: Record<MatchingRunStatus, string> = {
  QUEUED: 'tag tag--draft',
  RUNNING: 'tag',
  SUCCEEDED: 'tag tag--open',
  FAILED: 'tag tag--warning',
};

/** A run's status as a tag: its word carries the meaning, the colour only repeats it. */
export function RunStatusTag({ status, t }: { status: MatchingRunStatus; t: Translate }) {
  return <strong className={STATUS_TAG_CLASS[status]}>{t(RUN_STATUS_LABELS[status])}</strong>;
}

/** Milliseconds as seconds with one decimal, or a dash while there is no figure yet. */
export function formatDuration(locale: Locale, t: Translate, durationMs: number | null | undefined): string {
  if (durationMs === null || durationMs === undefined) return '–';
  return t('matching-runs.duration', {
    seconds: formatNumber(locale, Math.round(durationMs / 100) / 10),
  });
}
