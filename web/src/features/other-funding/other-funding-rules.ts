import type { NeedStatus } from '../../gql/enums';
import type { RecordOtherFundingInput } from '../../gql/graphql';
import type { Translate } from '../../i18n/I18nProvider';
import { formatUsd } from '../../i18n/format';
import type { Locale } from '../../i18n/locales';
import type { FormProblem } from '../../ui/api-errors';
import { apiLength, isCalendarDate, parseWholeUsd } from '../pairings/progress-rules';

/** As the API: `RecordOtherFundingInput` in src/needs/dto/record-other-funding.input.ts. */
export const FUNDER_NAME_MAX = 200;
export const NOTE_MAX = 2_000;

/** As src/needs/needs.service.ts: only a need still seeking money takes funding from elsewhere. */
const TAKES_FUNDING: readonly NeedStatus[] = ['OPEN', 'PARTLY_FUNDED'];
export const takesOtherFunding = (status: NeedStatus): boolean => TAKES_FUNDING.includes(status);

/** The API's input paths, which the form's fields and the error summary are keyed by. */
export const OTHER_FUNDING_FIELDS = {
  funderName: 'input.funderName',
  amountUsd: 'input.amountUsd',
  fundedOn: 'input.fundedOn',
  note: 'input.note',
} as const;

export interface OtherFundingForm {
  funderName: string;
  amountUsd: string;
  fundedOn: string;
  note: string;
}

export const EMPTY_OTHER_FUNDING: OtherFundingForm = { funderName: '', amountUsd: '', fundedOn: '', note: '' };

/** The checks the API makes on `recordOtherFunding`, before sending; `gapUsd` is what the need still lacks. */
export function otherFundingProblems(form: OtherFundingForm, gapUsd: number, locale: Locale, t: Translate): FormProblem[] {
  const problems: FormProblem[] = [];
  const funder = apiLength(form.funderName.trim());
  if (funder === 0) problems.push({ field: OTHER_FUNDING_FIELDS.funderName, message: t('other-funding.rule.funderMissing') });
  else if (funder > FUNDER_NAME_MAX)
    problems.push({ field: OTHER_FUNDING_FIELDS.funderName, message: t('other-funding.rule.funderTooLong', { max: FUNDER_NAME_MAX }) });

  if (!form.amountUsd.trim()) {
    problems.push({ field: OTHER_FUNDING_FIELDS.amountUsd, message: t('other-funding.rule.amountMissing') });
  } else {
    const amount = parseWholeUsd(form.amountUsd, locale);
    if (amount === null) problems.push({ field: OTHER_FUNDING_FIELDS.amountUsd, message: t('common.rule.wholeNumber') });
    else if (amount < 1) problems.push({ field: OTHER_FUNDING_FIELDS.amountUsd, message: t('other-funding.rule.amountPositive') });
    else if (amount > gapUsd)
      problems.push({
        field: OTHER_FUNDING_FIELDS.amountUsd,
        message: t('other-funding.rule.amountOverGap', { gap: formatUsd(locale, gapUsd) }),
      });
  }

  if (!form.fundedOn) problems.push({ field: OTHER_FUNDING_FIELDS.fundedOn, message: t('other-funding.rule.dateMissing') });
  else if (!isCalendarDate(form.fundedOn)) problems.push({ field: OTHER_FUNDING_FIELDS.fundedOn, message: t('common.rule.date') });

  if (apiLength(form.note.trim()) > NOTE_MAX)
    problems.push({ field: OTHER_FUNDING_FIELDS.note, message: t('other-funding.rule.noteTooLong', { max: NOTE_MAX }) });
  return problems;
}

/** The mutation's input from a form `otherFundingProblems` found nothing wrong with. */
export function otherFundingInput(needId: string, form: OtherFundingForm, locale: Locale): RecordOtherFundingInput {
  return {
    needId,
    funderName: form.funderName.trim(),
    amountUsd: parseWholeUsd(form.amountUsd, locale) ?? 0,
    fundedOn: form.fundedOn,
    note: form.note.trim() || null,
  };
}

/** A list's one-line account of money from elsewhere and what is still lacking; null when nothing came from elsewhere. */
export function fundedElsewhereLine(
  need: { fundedElsewhereUsd: number; fundingGapUsd: number },
  locale: Locale,
  t: Translate,
): string | null {
  if (need.fundedElsewhereUsd <= 0) return null;
  return t('other-funding.line', { amount: formatUsd(locale, need.fundedElsewhereUsd), gap: formatUsd(locale, need.fundingGapUsd) });
}
