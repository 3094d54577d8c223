import type { AllocationPlanStatus } from '../../gql/enums';
import type { Translate } from '../../i18n/I18nProvider';
import { PLAN_STATUS_LABELS } from './allocation-rules';

const STATUS_TAG_CLASS: Record<AllocationPlanStatus, string> = {
  QUEUED: 'tag tag--draft',
  RUNNING: 'tag',
  READY: 'tag tag--open',
  FAILED: 'tag tag--warning',
  APPLIED: 'tag tag--open',
};

/** A plan's status as a tag: its word carries the meaning, the colour only repeats it. */
export function PlanStatusTag({ status, t }: { status: AllocationPlanStatus; t: Translate }) {
  return <strong className={STATUS_TAG_CLASS[status]}>{t(PLAN_STATUS_LABELS[status])}</strong>;
}
