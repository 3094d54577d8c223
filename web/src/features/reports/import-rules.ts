import type { Translate } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/message-ids';
import type { FormProblem } from '../../ui/api-errors';

/** As the API: `MAX_DOCUMENT_BYTES` in src/reports/extraction/extract-text.ts (the file, or the text in UTF-8). */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

/** As the API: `FIRST_REPORT_YEAR` in src/reports/report-year.ts, the year the Programme of Action was adopted. */
export const FIRST_REPORT_YEAR = 2001;

/** As the API: a report prepared ahead may carry next year's date, never a later one. */
export function latestReportYear(now: Date): number {
  return now.getUTCFullYear() + 1;
}

/** The files the form offers (the `accept` attribute and the check before sending). */
export const ACCEPTED_EXTENSIONS = ['.pdf', '.docx', '.txt'] as const;

/** The API's input paths, which the form's fields and the error summary are keyed by. */
export const IMPORT_FIELDS = {
  country: 'input.countryIso3',
  source: 'source',
  file: 'input.fileBase64',
  text: 'input.text',
  year: 'input.year',
  instrument: 'input.instrument',
} as const;

export type ReportSource = 'FILE' | 'TEXT';

export interface ImportForm {
  /** Only the Secretariat and operators name the country; a state imports for its own. */
  needsCountry: boolean;
  countryIso3: string;
  source: ReportSource | null;
  file: { name: string; size: number } | null;
  text: string;
  year: string;
  instrument: string;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot).toLowerCase();
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The checks the API makes on `importNationalReport`, made before sending so the reader hears of them in their language. */
export function importProblems(form: ImportForm, t: Translate, now: Date): FormProblem[] {
  const problems: FormProblem[] = [];
  if (form.needsCountry && !form.countryIso3)
    problems.push({ field: IMPORT_FIELDS.country, message: t('reports.import.rule.countryMissing') });

  if (form.source === null) {
    problems.push({ field: IMPORT_FIELDS.source, message: t('reports.import.rule.sourceMissing') });
  } else if (form.source === 'FILE') {
    const file = form.file;
    if (!file) problems.push({ field: IMPORT_FIELDS.file, message: t('reports.import.rule.fileMissing') });
    else if (extensionOf(file.name) === '.doc') problems.push({ field: IMPORT_FIELDS.file, message: t('reports.refusal.oldWord') });
    else if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) {
      problems.push({ field: IMPORT_FIELDS.file, message: t('reports.refusal.unsupported') });
    } else if (file.size === 0) problems.push({ field: IMPORT_FIELDS.file, message: t('reports.refusal.empty') });
    else if (file.size > MAX_REPORT_BYTES) problems.push({ field: IMPORT_FIELDS.file, message: t('reports.refusal.tooLarge') });
  } else if (!form.text.trim()) {
    problems.push({ field: IMPORT_FIELDS.text, message: t('reports.import.rule.textMissing') });
  } else if (utf8Bytes(form.text) > MAX_REPORT_BYTES) {
    problems.push({ field: IMPORT_FIELDS.text, message: t('reports.refusal.tooLarge') });
  }

  const year = form.year.trim();
  const latest = latestReportYear(now);
  if (!year) problems.push({ field: IMPORT_FIELDS.year, message: t('reports.import.rule.yearMissing') });
  else if (!/^\d+$/.test(year)) problems.push({ field: IMPORT_FIELDS.year, message: t('common.rule.wholeNumber') });
  else if (Number(year) < FIRST_REPORT_YEAR || Number(year) > latest) {
    problems.push({ field: IMPORT_FIELDS.year, message: t('reports.import.rule.yearRange', { first: FIRST_REPORT_YEAR, latest }) });
  }

  if (!form.instrument) problems.push({ field: IMPORT_FIELDS.instrument, message: t('reports.import.rule.instrumentMissing') });
  return problems;
}

/**
 * The console's own words for the refusals the API words in English (src/reports/extraction/extract-text.ts),
 * recognised by the field and a few stable words of the message; null for anything else, which is then
 * shown with the API's own words.
 */
export function refusalMessageId(field: string, apiMessage: string): MessageId | null {
  if (field !== IMPORT_FIELDS.file && field !== IMPORT_FIELDS.text) return null;
  const message = apiMessage.toLowerCase();
  if (message.includes('scanned')) return 'reports.refusal.scanned';
  if (message.includes('password')) return 'reports.refusal.password';
  if (message.includes('is empty') || message.includes('contains no text')) return 'reports.refusal.empty';
  if (message.includes('mib')) return 'reports.refusal.tooLarge';
  if (message.includes('is named as')) return 'reports.refusal.mismatch';
  if (message.includes('unsupported document format')) return 'reports.refusal.unsupported';
  if (message.includes('damaged') || message.includes('base64')) return 'reports.refusal.damaged';
  if (message.includes('could not be read')) return 'reports.refusal.tooComplex';
  return null;
}

/**
 * Whether the API answered with a report it already had (the same document, imported before): its
 * creation precedes the sending. The clocks of browser and server may differ by a little, so only a
 * report older than that margin counts; a new import is never called a repeat.
 */
export const CLOCK_MARGIN_MS = 2 * 60 * 1000;

export function wasImportedBefore(createdAt: string, sentAt: number): boolean {
  return Date.parse(createdAt) < sentAt - CLOCK_MARGIN_MS;
}

/** The base64 body of a `data:` URL as FileReader gives it. */
export function base64OfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? '' : dataUrl.slice(comma + 1);
}
