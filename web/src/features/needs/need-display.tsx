import { memo } from 'react';
import type { NeedStatus } from '../../gql/enums';
import { useT } from '../../i18n/I18nProvider';
import { formatPercent, fundedShare } from '../../i18n/format';
import type { Locale } from '../../i18n/locales';
import { NEED_STATUS_LABELS } from '../../ui/enum-labels';

export const STATUS_TAG_CLASSES: Record<NeedStatus, string> = {
  DRAFT: 'tag tag--draft',
  OPEN: 'tag tag--open',
  PARTLY_FUNDED: 'tag',
  FUNDED: 'tag',
  CLOSED: 'tag tag--draft',
  WITHDRAWN: 'tag tag--warning',
  STALE: 'tag tag--warning',
};

/** A need's status as a tag; the word carries the meaning, the colour only repeats it. */
export const StatusTag = memo(function StatusTag({ status }: { status: NeedStatus }) {
  const t = useT();
  return <strong className={STATUS_TAG_CLASSES[status]}>{t(NEED_STATUS_LABELS[status])}</strong>;
});

/** The funded share as a bar with its percentage written beside it. `percent` is passed preformatted by long lists. */
export function Meter({ share, percent }: { share: number; percent: string }) {
  return (
    <span className="meter">
      <span className="meter__track" aria-hidden="true">
        <span className="meter__fill" style={{ inlineSize: `${Math.round(share * 100)}%` }} />
      </span>
      <span className="meter__value">{percent}</span>
    </span>
  );
}

export function FundedMeter({ fundedUsd, budgetUsd, locale }: { fundedUsd: number; budgetUsd: number; locale: Locale }) {
  const share = fundedShare(fundedUsd, budgetUsd);
  return <Meter share={share} percent={formatPercent(locale, share)} />;
}
