import type { NeedStatus } from '../../gql/enums';
import type { Translate } from '../../i18n/I18nProvider';
import { formatDate, formatUsd } from '../../i18n/format';
import type { Locale } from '../../i18n/locales';
import type { MessageId } from '../../i18n/message-ids';
import { ASSISTANCE_TYPE_LABELS, VISIBILITY_LABELS } from '../../ui/enum-labels';
import type { ConflictRow } from '../../ui/VersionConflict';
import { FLAG_LABELS, priorityLabel } from './NeedForm';
import { isCalendarDate, NEED_FLAGS, parseWholeUsd, type NeedFlag, type NeedFormField, type NeedFormValues } from './need-form-rules';
import type { Taxonomy } from '../../ui/taxonomy';

/** Someone else's save, found when ours was refused: their version of each field beside the reader's. */
export interface Conflict {
  theirs: NeedFormValues;
  yours: NeedFormValues;
  fields: NeedFormField[];
  version: number;
  status: NeedStatus;
  /** Their version is in the form now; the table stays so the reader can enter again what they want to keep. */
  reloaded: boolean;
}

const FIELD_LABELS: Record<Exclude<NeedFormField, NeedFlag>, MessageId> = {
  title: 'needs.form.title',
  description: 'needs.form.description',
  themeCodes: 'needs.form.themes',
  assistanceTypes: 'needs.form.assistanceTypes',
  estimatedBudgetUsd: 'needs.form.budget',
  startDate: 'needs.form.startDate',
  endDate: 'needs.form.endDate',
  validUntil: 'needs.form.validUntil',
  priority: 'needs.form.priority',
  visibility: 'needs.form.visibility',
};

/** Fields that hold what the state typed rather than a choice the console words. */
const TYPED_FIELDS: readonly NeedFormField[] = ['title', 'description'];

function fieldLabel(field: NeedFormField, t: Translate): string {
  return (NEED_FLAGS as readonly string[]).includes(field)
    ? t(FLAG_LABELS[field as NeedFlag])
    : t(FIELD_LABELS[field as Exclude<NeedFormField, NeedFlag>]);
}

function shownValue(values: NeedFormValues, field: NeedFormField, t: Translate, locale: Locale, taxonomy: Taxonomy): string {
  const value = values[field];
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  switch (field) {
    case 'themeCodes':
      return values.themeCodes.map(taxonomy.labelOf).join('; ') || t('common.notSet');
    case 'assistanceTypes':
      return values.assistanceTypes.map((type) => t(ASSISTANCE_TYPE_LABELS[type])).join('; ') || t('common.notSet');
    case 'estimatedBudgetUsd': {
      const amount = parseWholeUsd(values.estimatedBudgetUsd);
      return amount === null ? values.estimatedBudgetUsd || t('common.notSet') : formatUsd(locale, amount);
    }
    case 'startDate':
    case 'endDate':
    case 'validUntil': {
      const date = values[field];
      return isCalendarDate(date) ? formatDate(locale, date) : date || t('common.notSet');
    }
    case 'priority':
      return priorityLabel(Number(values.priority), t);
    case 'visibility':
      return t(VISIBILITY_LABELS[values.visibility]);
    default:
      return String(value) || t('common.notSet');
  }
}

/** The rows of the conflict table: each differing field worded for the reader, their value beside the reader’s. */
export function needConflictRows(conflict: Conflict, t: Translate, locale: Locale, taxonomy: Taxonomy): ConflictRow[] {
  return conflict.fields.map((field) => ({
    field,
    label: fieldLabel(field, t),
    theirs: shownValue(conflict.theirs, field, t, locale, taxonomy),
    yours: shownValue(conflict.yours, field, t, locale, taxonomy),
    typed: TYPED_FIELDS.includes(field),
  }));
}
