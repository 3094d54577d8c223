import type { AssistanceType, Visibility } from '../../gql/enums';
import type { Translate } from '../../i18n/I18nProvider';
import type { FormProblem } from '../../ui/api-errors';

/** The API's limits on a need (src/needs/dto/create-need.input.ts, src/common/money.ts). */
export const NEED_LIMITS = {
  titleMin: 3,
  titleMax: 200,
  descriptionMin: 10,
  descriptionMax: 20_000,
  themesMax: 30,
  budgetMax: 1_000_000_000,
  priorityMin: 1,
  priorityMax: 5,
  defaultPriority: 3,
} as const;

export const NEED_FLAGS = ['nationalActionPlan', 'baselineAssessment', 'genderComponent', 'multiYear', 'conflictAffected'] as const;
export type NeedFlag = (typeof NEED_FLAGS)[number];

/** What the form holds: text as typed, so a half-typed number or date is kept until the reader fixes it. */
export interface NeedFormValues {
  countryIso3: string;
  title: string;
  description: string;
  themeCodes: string[];
  assistanceTypes: AssistanceType[];
  estimatedBudgetUsd: string;
  startDate: string;
  endDate: string;
  /** Empty for the API's default (the end of the next reporting cycle). */
  validUntil: string;
  priority: string;
  visibility: Visibility;
  nationalActionPlan: boolean;
  baselineAssessment: boolean;
  genderComponent: boolean;
  multiYear: boolean;
  conflictAffected: boolean;
}

/** The fields the reader edits, in the order the form shows them; the country is set only when filing. */
export const NEED_FORM_FIELDS = [
  'title',
  'description',
  'themeCodes',
  'assistanceTypes',
  'estimatedBudgetUsd',
  'startDate',
  'endDate',
  'validUntil',
  'priority',
  'visibility',
  ...NEED_FLAGS,
] as const;
export type NeedFormField = (typeof NEED_FORM_FIELDS)[number];

/** The API's input path of each field (`input.title`) → the id of its control, for the error summary's links. */
export const NEED_FIELD_IDS: Record<string, string> = {
  'input.countryIso3': 'need-country',
  'input.title': 'need-title',
  'input.description': 'need-description',
  'input.themeCodes': 'need-themes',
  'input.assistanceTypes': 'need-assistance-types',
  'input.estimatedBudgetUsd': 'need-budget',
  'input.startDate': 'need-start-date',
  'input.endDate': 'need-end-date',
  'input.validUntil': 'need-valid-until',
  'input.priority': 'need-priority',
  'input.visibility': 'need-visibility',
  'input.nationalActionPlan': 'need-nationalActionPlan',
  'input.baselineAssessment': 'need-baselineAssessment',
  'input.genderComponent': 'need-genderComponent',
  'input.multiYear': 'need-multiYear',
  'input.conflictAffected': 'need-conflictAffected',
};

export function emptyNeedForm(countryIso3 = ''): NeedFormValues {
  return {
    countryIso3,
    title: '',
    description: '',
    themeCodes: [],
    assistanceTypes: [],
    estimatedBudgetUsd: '',
    startDate: '',
    endDate: '',
    validUntil: '',
    priority: String(NEED_LIMITS.defaultPriority),
    visibility: 'DONORS',
    nationalActionPlan: false,
    baselineAssessment: false,
    genderComponent: false,
    multiYear: false,
    conflictAffected: false,
  };
}

/** A stored need, as the API returns it, put into the form. */
export interface StoredNeed {
  country: { iso3: string };
  title: string;
  description: string;
  themes: { code: string }[];
  assistanceTypes: AssistanceType[];
  estimatedBudgetUsd: number;
  startDate?: string | null;
  endDate?: string | null;
  validUntil?: string | null;
  priority: number;
  visibility: Visibility;
  nationalActionPlan: boolean;
  baselineAssessment: boolean;
  genderComponent: boolean;
  multiYear: boolean;
  conflictAffected: boolean;
}

export function needFormFrom(need: StoredNeed): NeedFormValues {
  return {
    countryIso3: need.country.iso3,
    title: need.title,
    description: need.description,
    themeCodes: need.themes.map((theme) => theme.code),
    assistanceTypes: [...need.assistanceTypes],
    estimatedBudgetUsd: String(need.estimatedBudgetUsd),
    startDate: need.startDate ?? '',
    endDate: need.endDate ?? '',
    validUntil: need.validUntil ?? '',
    priority: String(need.priority),
    visibility: need.visibility,
    nationalActionPlan: need.nationalActionPlan,
    baselineAssessment: need.baselineAssessment,
    genderComponent: need.genderComponent,
    multiYear: need.multiYear,
    conflictAffected: need.conflictAffected,
  };
}

/** Whole US dollars as typed: spaces (including the narrow ones some locales group digits with) are allowed, nothing else. */
export function parseWholeUsd(text: string): number | null {
  const digits = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{1,10}$/.test(digits)) return null;
  return Number(digits);
}

/** A real calendar date written YYYY-MM-DD (what `<input type="date">` gives), else false. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The checks the API makes on createNeed and updateNeed, made before sending so the reader hears of
 * them in their language, each under the API's input path. `requireCountry`: the Secretariat filing
 * for a state must name it; `fundedUsd`: a budget may not fall below the money already approved;
 * `storedValidUntil`: the need's current validity, which may stay as it is even when past.
 */
export function needFormProblems(
  values: NeedFormValues,
  t: Translate,
  options: { requireCountry?: boolean; fundedUsd?: number; storedValidUntil?: string } = {},
  today = new Date().toISOString().slice(0, 10),
): FormProblem[] {
  const problems: FormProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field: `input.${field}`, message });
  const { titleMin, titleMax, descriptionMin, descriptionMax } = NEED_LIMITS;

  if (options.requireCountry && !/^[A-Za-z]{3}$/.test(values.countryIso3)) add('countryIso3', t('needs.rule.countryMissing'));

  const title = values.title.trim();
  if (!title) add('title', t('needs.rule.titleMissing'));
  else if (title.length < titleMin || title.length > titleMax) add('title', t('needs.rule.titleLength', { min: titleMin, max: titleMax }));

  const description = values.description.trim();
  if (!description) add('description', t('needs.rule.descriptionMissing'));
  else if (description.length < descriptionMin || description.length > descriptionMax) {
    add('description', t('needs.rule.descriptionLength', { min: descriptionMin, max: descriptionMax }));
  }

  if (!values.themeCodes.length) add('themeCodes', t('needs.rule.themesMissing'));
  else if (values.themeCodes.length > NEED_LIMITS.themesMax)
    add('themeCodes', t('needs.rule.themesTooMany', { max: NEED_LIMITS.themesMax }));

  if (!values.assistanceTypes.length) add('assistanceTypes', t('needs.rule.assistanceTypesMissing'));

  const budget = parseWholeUsd(values.estimatedBudgetUsd);
  if (!values.estimatedBudgetUsd.trim()) add('estimatedBudgetUsd', t('needs.rule.budgetMissing'));
  else if (budget === null) add('estimatedBudgetUsd', t('needs.rule.budgetWhole'));
  else if (budget > NEED_LIMITS.budgetMax) add('estimatedBudgetUsd', t('needs.rule.budgetTooLarge', { max: NEED_LIMITS.budgetMax }));
  else if (options.fundedUsd && budget < options.fundedUsd)
    add('estimatedBudgetUsd', t('needs.rule.budgetBelowFunded', { funded: options.fundedUsd }));

  const startValid = isCalendarDate(values.startDate);
  const endValid = isCalendarDate(values.endDate);
  if (values.startDate && !startValid) add('startDate', t('common.rule.date'));
  if (values.endDate && !endValid) add('endDate', t('common.rule.date'));
  // ISO dates compare as text; the API refuses an end on or before the start.
  if (startValid && endValid && values.endDate <= values.startDate) add('endDate', t('needs.rule.endBeforeStart'));
  // The latest day allowed follows the reporting cycles, which the API alone knows (choosableValidUntil).
  if (values.validUntil && !isCalendarDate(values.validUntil)) add('validUntil', t('common.rule.date'));
  else if (values.validUntil && values.validUntil !== options.storedValidUntil && values.validUntil <= today) {
    add('validUntil', t('needs.rule.validUntilRange'));
  }

  const priority = Number(values.priority);
  if (!Number.isInteger(priority) || priority < NEED_LIMITS.priorityMin || priority > NEED_LIMITS.priorityMax) {
    add('priority', t('needs.rule.priorityRange', { min: NEED_LIMITS.priorityMin, max: NEED_LIMITS.priorityMax }));
  }
  return problems;
}

/**
 * The form as the API's input (the fields updateNeed and createNeed share); call only when
 * needFormProblems found none. Given the stored validity (`storedValidUntil`, when editing), the
 * validity is sent only when the reader changed it, so a save never undoes a reconfirmation; an
 * emptied one asks for the default again.
 */
export function needInputOf(values: NeedFormValues, storedValidUntil?: string) {
  const validUntil = values.validUntil || null;
  return {
    ...(storedValidUntil === undefined || validUntil !== storedValidUntil ? { validUntil } : {}),
    title: values.title.trim(),
    description: values.description.trim(),
    themeCodes: values.themeCodes,
    assistanceTypes: values.assistanceTypes,
    estimatedBudgetUsd: parseWholeUsd(values.estimatedBudgetUsd) ?? 0,
    startDate: values.startDate || null,
    endDate: values.endDate || null,
    priority: Number(values.priority),
    visibility: values.visibility,
    nationalActionPlan: values.nationalActionPlan,
    baselineAssessment: values.baselineAssessment,
    genderComponent: values.genderComponent,
    multiYear: values.multiYear,
    conflictAffected: values.conflictAffected,
  };
}

function sameValue(a: NeedFormValues[NeedFormField], b: NeedFormValues[NeedFormField]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return a === b;
}

/** The fields where two versions of the form differ (the order of themes and types does not count), in the form's order. */
export function differingFields(theirs: NeedFormValues, yours: NeedFormValues): NeedFormField[] {
  return NEED_FORM_FIELDS.filter((field) => !sameValue(theirs[field], yours[field]));
}
