import type { ProgressReportInput } from '../../gql/graphql';
import type { Translate } from '../../i18n/I18nProvider';
import { formatUsd } from '../../i18n/format';
import type { Locale } from '../../i18n/locales';
import type { FormProblem } from '../../ui/api-errors';

/** As the API: `ProgressReportInput` in src/pairings/dto/progress-report.input.ts. */
export const NARRATIVE_MIN = 10;
export const NARRATIVE_MAX = 20_000;
export const INDICATOR_NAME_MAX = 200;
export const MAX_INDICATORS = 50;
/** As the API: `MAX_AMOUNT_USD` in src/common/money.ts. */
export const MAX_AMOUNT_USD = 1_000_000_000;

/** The API's input paths, which the form's fields and the error summary are keyed by. */
export const PROGRESS_FIELDS = {
  periodEnd: 'input.periodEnd',
  narrative: 'input.narrative',
  disbursedUsd: 'input.disbursedUsd',
  indicators: 'input.indicators',
  completed: 'input.completed',
} as const;

export const indicatorField = (index: number, part: 'name' | 'value' | 'target') => `${PROGRESS_FIELDS.indicators}.${index}.${part}`;

export interface IndicatorRow {
  name: string;
  target: string;
  /** What was achieved by the end of the period (the API's `value`). */
  value: string;
}

export interface ProgressForm {
  periodEnd: string;
  narrative: string;
  disbursedUsd: string;
  indicators: IndicatorRow[];
  completed: boolean;
}

export const EMPTY_INDICATOR: IndicatorRow = { name: '', target: '', value: '' };

/**
 * A text's length as class-validator's `Length` counts it (validator.js `isLength`): a character
 * outside the Basic Multilingual Plane, or one followed by a variation selector, counts once.
 */
export function apiLength(text: string): number {
  const presentationSequences = text.match(/[^\uFE0F\uFE0E][\uFE0F\uFE0E]/g)?.length ?? 0;
  const surrogatePairs = text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
  return text.length - presentationSequences - surrogatePairs;
}

/** As the API's `Date` scalar (src/common/graphql/calendar-date.scalar.ts): a real calendar day as YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

function separatorsOf(locale: Locale): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
}

/**
 * A number as the reader writes it in their language: the locale's group separators and spaces are
 * ignored, its decimal separator (or a dot) starts the fraction, Arabic-Indic digits count as digits.
 * Null when the text is not a number.
 */
export function parseNumber(text: string, locale: Locale): number | null {
  const { group, decimal } = separatorsOf(locale);
  let normalised = text
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/\u2212/g, '-');
  if (!/\s/.test(group)) normalised = normalised.split(group).join('');
  if (decimal !== '.') normalised = normalised.split(decimal).join('.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

/** A whole number of US dollars, or null when the text is not one. */
export function parseWholeUsd(text: string, locale: Locale): number | null {
  const value = parseNumber(text, locale);
  return value !== null && Number.isInteger(value) ? value : null;
}

export function disbursedSoFar(reports: readonly { disbursedUsd: number }[]): number {
  return reports.reduce((sum, report) => sum + report.disbursedUsd, 0);
}

/** What may still be reported as disbursed: the API refuses any report that takes the total past the allocation. */
export function remainingUsd(allocatedUsd: number, reports: readonly { disbursedUsd: number }[]): number {
  return Math.max(0, allocatedUsd - disbursedSoFar(reports));
}

/**
 * The checks the API makes on `addProgressReport`, made before sending so the reader hears of them
 * in their language. `remaining` is what the allocation still allows (see `remainingUsd`).
 */
export function progressProblems(form: ProgressForm, remaining: number, locale: Locale, t: Translate): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!form.periodEnd) problems.push({ field: PROGRESS_FIELDS.periodEnd, message: t('pairings.progress.rule.periodEndMissing') });
  else if (!isCalendarDate(form.periodEnd)) problems.push({ field: PROGRESS_FIELDS.periodEnd, message: t('common.rule.date') });

  const narrative = apiLength(form.narrative.trim());
  if (narrative === 0) problems.push({ field: PROGRESS_FIELDS.narrative, message: t('pairings.progress.rule.narrativeMissing') });
  else if (narrative < NARRATIVE_MIN)
    problems.push({ field: PROGRESS_FIELDS.narrative, message: t('pairings.progress.rule.narrativeTooShort', { min: NARRATIVE_MIN }) });
  else if (narrative > NARRATIVE_MAX)
    problems.push({ field: PROGRESS_FIELDS.narrative, message: t('pairings.progress.rule.narrativeTooLong', { max: NARRATIVE_MAX }) });

  if (!form.disbursedUsd.trim()) {
    problems.push({ field: PROGRESS_FIELDS.disbursedUsd, message: t('pairings.progress.rule.disbursedMissing') });
  } else {
    const disbursed = parseWholeUsd(form.disbursedUsd, locale);
    if (disbursed === null) problems.push({ field: PROGRESS_FIELDS.disbursedUsd, message: t('common.rule.wholeNumber') });
    else if (disbursed < 0) problems.push({ field: PROGRESS_FIELDS.disbursedUsd, message: t('pairings.progress.rule.disbursedNegative') });
    else if (disbursed > Math.min(remaining, MAX_AMOUNT_USD)) {
      const most = formatUsd(locale, Math.min(remaining, MAX_AMOUNT_USD));
      problems.push({ field: PROGRESS_FIELDS.disbursedUsd, message: t('pairings.progress.rule.disbursedTooMuch', { remaining: most }) });
    }
  }

  if (form.indicators.length > MAX_INDICATORS) {
    problems.push({ field: PROGRESS_FIELDS.indicators, message: t('pairings.progress.rule.tooManyIndicators', { max: MAX_INDICATORS }) });
  }
  form.indicators.forEach((row, index) => {
    const number = index + 1;
    const name = apiLength(row.name.trim());
    if (name === 0)
      problems.push({ field: indicatorField(index, 'name'), message: t('pairings.progress.rule.indicatorNameMissing', { number }) });
    else if (name > INDICATOR_NAME_MAX) {
      problems.push({
        field: indicatorField(index, 'name'),
        message: t('pairings.progress.rule.indicatorNameTooLong', { number, max: INDICATOR_NAME_MAX }),
      });
    }
    if (row.target.trim() && parseNumber(row.target, locale) === null) {
      problems.push({ field: indicatorField(index, 'target'), message: t('pairings.progress.rule.indicatorNotNumber', { number }) });
    }
    if (!row.value.trim())
      problems.push({ field: indicatorField(index, 'value'), message: t('pairings.progress.rule.indicatorValueMissing', { number }) });
    else if (parseNumber(row.value, locale) === null) {
      problems.push({ field: indicatorField(index, 'value'), message: t('pairings.progress.rule.indicatorNotNumber', { number }) });
    }
  });
  return problems;
}

/** The mutation's input from a form `progressProblems` found nothing wrong with. */
export function progressInput(form: ProgressForm, locale: Locale): ProgressReportInput {
  return {
    periodEnd: form.periodEnd,
    narrative: form.narrative.trim(),
    disbursedUsd: parseWholeUsd(form.disbursedUsd, locale) ?? 0,
    completed: form.completed,
    indicators: form.indicators.map((row) => ({
      name: row.name.trim(),
      value: parseNumber(row.value, locale) ?? 0,
      target: row.target.trim() ? parseNumber(row.target, locale) : null,
    })),
  };
}

/** The first characters of a narrative for a list, cut at a word where one is near. */
export function excerptOf(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
