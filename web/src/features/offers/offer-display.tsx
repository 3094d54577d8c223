import type { Modality, OfferStatus } from '../../gql/enums';
import type { Translate } from '../../i18n/I18nProvider';
import { formatDate, formatUsd } from '../../i18n/format';
import type { Locale } from '../../i18n/locales';
import type { MessageId } from '../../i18n/message-ids';
import { ASSISTANCE_TYPE_LABELS } from '../../ui/enum-labels';
import type { ConflictRow } from '../../ui/VersionConflict';
import { isCalendarDate, parseWhole, type OfferFormField, type OfferFormValues } from './offer-form-rules';

export const OFFER_STATUS_LABELS: Record<OfferStatus, MessageId> = {
  DRAFT: 'offers.status.DRAFT',
  OPEN: 'offers.status.OPEN',
  EXHAUSTED: 'offers.status.EXHAUSTED',
  CLOSED: 'offers.status.CLOSED',
  WITHDRAWN: 'offers.status.WITHDRAWN',
};

/** The word carries the status; the colour only repeats it. */
export const OFFER_STATUS_TAGS: Record<OfferStatus, string> = {
  DRAFT: 'tag tag--draft',
  OPEN: 'tag tag--open',
  EXHAUSTED: 'tag',
  CLOSED: 'tag tag--draft',
  WITHDRAWN: 'tag tag--warning',
};

export const MODALITY_LABELS: Record<Modality, MessageId> = {
  NORTH_SOUTH: 'offers.modality.NORTH_SOUTH',
  SOUTH_SOUTH: 'offers.modality.SOUTH_SOUTH',
  TRIANGULAR: 'offers.modality.TRIANGULAR',
};

export function OfferStatusTag({ status, t }: { status: OfferStatus; t: Translate }) {
  return <strong className={OFFER_STATUS_TAGS[status]}>{t(OFFER_STATUS_LABELS[status])}</strong>;
}

/** "Global", or how many areas and countries the offer names. */
export function eligibilitySummary(offer: { global: boolean; regions: number; countries: number }, t: Translate, locale: Locale): string {
  if (offer.global) return t('offers.eligibility.global');
  const parts = [
    offer.regions ? t('offers.eligibility.regions', { count: offer.regions }) : null,
    offer.countries ? t('offers.eligibility.countries', { count: offer.countries }) : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts) : t('common.notSet');
}

/** The period an offer can fund, or "Not set" when it names no dates. */
export function offerPeriod(
  startDate: string | null | undefined,
  endDate: string | null | undefined,
  t: Translate,
  locale: Locale,
): string {
  if (startDate && endDate) return t('offers.period.range', { start: formatDate(locale, startDate), end: formatDate(locale, endDate) });
  if (startDate) return t('offers.period.from', { start: formatDate(locale, startDate) });
  if (endDate) return t('offers.period.until', { end: formatDate(locale, endDate) });
  return t('common.notSet');
}

export const FIELD_LABELS: Record<OfferFormField, MessageId> = {
  title: 'offers.form.title',
  description: 'offers.form.description',
  themeCodes: 'offers.form.themes',
  assistanceTypes: 'offers.form.assistanceTypes',
  global: 'offers.form.global',
  eligibleRegionCodes: 'offers.form.regions',
  eligibleCountryIso3s: 'offers.form.countries',
  capacityUsd: 'offers.form.capacity',
  minGrantUsd: 'offers.form.minGrant',
  maxGrantUsd: 'offers.form.maxGrant',
  startDate: 'offers.form.startDate',
  endDate: 'offers.form.endDate',
  inKindQuantity: 'offers.form.inKindQuantity',
  inKindUnit: 'offers.form.inKindUnit',
  modality: 'offers.form.modality',
  requiresGenderComponent: 'offers.form.gender',
  conditions: 'offers.form.conditions',
};

/** Fields that hold what the donor typed rather than a choice the console words. */
const TYPED_FIELDS: readonly OfferFormField[] = ['title', 'description', 'inKindUnit', 'conditions'];

interface Namers {
  theme: (code: string) => string;
  region: (code: string) => string;
  country: (iso3: string) => string;
}

/** One field's value as the reader would read it back, for the conflict table. */
function shownValue(values: OfferFormValues, field: OfferFormField, t: Translate, locale: Locale, names: Namers): string {
  const list = (items: string[]) => items.join('; ') || t('common.notSet');
  switch (field) {
    case 'themeCodes':
      return list(values.themeCodes.map(names.theme));
    case 'assistanceTypes':
      return list(values.assistanceTypes.map((type) => t(ASSISTANCE_TYPE_LABELS[type])));
    case 'eligibleRegionCodes':
      return list(values.eligibleRegionCodes.map(names.region));
    case 'eligibleCountryIso3s':
      return list(values.eligibleCountryIso3s.map(names.country));
    case 'capacityUsd':
    case 'minGrantUsd':
    case 'maxGrantUsd': {
      const amount = parseWhole(values[field]);
      return amount === null ? values[field] || t('common.notSet') : formatUsd(locale, amount);
    }
    case 'startDate':
    case 'endDate':
      return isCalendarDate(values[field]) ? formatDate(locale, values[field]) : values[field] || t('common.notSet');
    case 'modality':
      return values.modality ? t(MODALITY_LABELS[values.modality]) : t('common.notSet');
    case 'global':
    case 'requiresGenderComponent':
      return values[field] ? t('common.yes') : t('common.no');
    default:
      return values[field].trim() || t('common.notSet');
  }
}

export function conflictRows(
  fields: OfferFormField[],
  theirs: OfferFormValues,
  yours: OfferFormValues,
  t: Translate,
  locale: Locale,
  names: Namers,
): ConflictRow[] {
  return fields.map((field) => ({
    field,
    label: t(FIELD_LABELS[field]),
    theirs: shownValue(theirs, field, t, locale, names),
    yours: shownValue(yours, field, t, locale, names),
    typed: TYPED_FIELDS.includes(field),
  }));
}
