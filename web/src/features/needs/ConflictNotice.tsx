import { useEffect, useRef } from 'react';
import type { NeedStatus } from '../../gql/enums';
import { useLocale, useT, type Translate } from '../../i18n/I18nProvider';
import { formatDate, formatUsd } from '../../i18n/format';
import type { Locale } from '../../i18n/locales';
import type { MessageId } from '../../i18n/message-ids';
import { ASSISTANCE_TYPE_LABELS, NEED_STATUS_LABELS, VISIBILITY_LABELS } from '../../ui/enum-labels';
import { FLAG_LABELS, priorityLabel } from './NeedForm';
import { isCalendarDate, NEED_FLAGS, parseWholeUsd, type NeedFlag, type NeedFormField, type NeedFormValues } from './need-form-rules';
import type { Taxonomy } from './needs-data';

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
  priority: 'needs.form.priority',
  visibility: 'needs.form.visibility',
};

function fieldLabel(field: NeedFormField, t: Translate): string {
  return (NEED_FLAGS as readonly string[]).includes(field) ? t(FLAG_LABELS[field as NeedFlag]) : t(FIELD_LABELS[field as Exclude<NeedFormField, NeedFlag>]);
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
    case 'endDate': {
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

export function ConflictNotice({ conflict, taxonomy, onReload, onDismiss }: { conflict: Conflict; taxonomy: Taxonomy; onReload: () => void; onDismiss: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const ref = useRef<HTMLElement>(null);
  // The refusal is news the reader must act on: bring it into view and focus, as the error summary does.
  useEffect(() => ref.current?.focus(), [conflict.version]);
  return (
    <section ref={ref} tabIndex={-1} className="notice notice--warning conflict" role="alert" aria-labelledby="need-conflict-heading">
      <h2 id="need-conflict-heading" className="conflict__title">
        {t('needs.conflict.title')}
      </h2>
      <p>
        {conflict.reloaded
          ? t('needs.conflict.reloaded')
          : t('needs.conflict.body', { version: conflict.version, status: t(NEED_STATUS_LABELS[conflict.status]) })}
      </p>
      {conflict.fields.length ? (
        <table className="table conflict__table">
          <caption>{t('needs.conflict.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('needs.conflict.field')}</th>
              <th scope="col">{t('needs.conflict.theirs')}</th>
              <th scope="col">{t('needs.conflict.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {conflict.fields.map((field) => (
              <tr key={field}>
                <th scope="row">{fieldLabel(field, t)}</th>
                <td className="conflict__value">{shownValue(conflict.theirs, field, t, locale, taxonomy)}</td>
                <td className="conflict__value">{shownValue(conflict.yours, field, t, locale, taxonomy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('needs.conflict.sameFields')}</p>
      )}
      <div className="button-group">
        {conflict.reloaded ? (
          <button type="button" className="button button--secondary" onClick={onDismiss}>
            {t('needs.conflict.dismiss')}
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
