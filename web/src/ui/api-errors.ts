import type { CombinedError } from 'urql';
import type { Translate } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/message-ids';

/** One thing wrong with what the reader sent, in their language; `field` is the API's input path (`input.title`), or null for the whole form. */
export interface FormProblem {
  field: string | null;
  message: string;
}

interface ApiFieldProblem {
  field: string;
  message: string;
  rule?: string;
}

/** The API's error code (`extensions.code`), or NETWORK when the service could not be reached. */
export function errorCodeOf(error: CombinedError | undefined): string | null {
  if (!error) return null;
  if (error.networkError && !error.graphQLErrors.length) return 'NETWORK';
  return (error.graphQLErrors[0]?.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
}

/** The fields the API named (`extensions.fields`), as it named them. */
export function apiFieldProblems(error: CombinedError | undefined): ApiFieldProblem[] {
  return (error?.graphQLErrors ?? []).flatMap((e) =>
    Array.isArray(e.extensions?.fields) ? (e.extensions.fields as ApiFieldProblem[]) : [],
  );
}

const RULE_MESSAGES: Record<string, MessageId> = {
  isNotEmpty: 'common.rule.required',
  arrayNotEmpty: 'common.rule.required',
  arrayMinSize: 'common.rule.required',
  isLength: 'common.rule.length',
  maxLength: 'common.rule.tooLong',
  minLength: 'common.rule.tooShort',
  isInt: 'common.rule.wholeNumber',
  min: 'common.rule.tooSmall',
  max: 'common.rule.tooLarge',
  isEmail: 'common.rule.email',
  isDateString: 'common.rule.date',
  isISO8601: 'common.rule.date',
  notCommonPassword: 'common.rule.commonPassword',
  choosableValidUntil: 'needs.rule.validUntilRange',
};

const CODE_MESSAGES: Record<string, MessageId> = {
  BAD_USER_INPUT: 'common.error.badInput',
  UNAUTHENTICATED: 'common.error.unauthenticated',
  FORBIDDEN: 'common.error.forbidden',
  NOT_FOUND: 'common.error.notFound',
  CONFLICT: 'common.error.conflict',
  SERVICE_UNAVAILABLE: 'common.error.unavailable',
  NETWORK: 'common.error.network',
  INTERNAL_SERVER_ERROR: 'common.error.internal',
};

/**
 * What the API refused, worded for the reader. The API speaks English; a field problem whose rule
 * the console knows is said in the reader's language, any other keeps the API's words after a
 * sentence in the reader's language, so nothing the service explained is lost.
 */
export function problemsOf(error: CombinedError | undefined, t: Translate): FormProblem[] {
  if (!error) return [];
  const fields = apiFieldProblems(error);
  if (fields.length) {
    return fields.map((problem) => {
      const known = problem.rule ? RULE_MESSAGES[problem.rule] : undefined;
      return { field: problem.field, message: known ? t(known) : t('common.error.refusedValue', { detail: problem.message }) };
    });
  }
  return [{ field: null, message: codeMessage(errorCodeOf(error) ?? 'INTERNAL_SERVER_ERROR', t) }];
}

/** The reader's sentence for an API error code (GraphQL's `extensions.code`, or a refused download's `error.code`). */
export function codeMessage(code: string, t: Translate): string {
  return t(CODE_MESSAGES[code] ?? 'common.error.internal');
}

export function messageFor(problems: FormProblem[], field: string): string | undefined {
  const own = problems.filter((problem) => problem.field === field || problem.field?.startsWith(`${field}.`));
  return own.length ? own.map((problem) => problem.message).join(' ') : undefined;
}
