import type { Translate } from '../../i18n/I18nProvider';
import type { FormProblem } from '../../ui/api-errors';
import { apiLength } from './progress-rules';

/** As the API: `ReasonArgs` in src/common/reason.args.ts. */
export const REASON_MIN = 3;
export const REASON_MAX = 2_000;

/** The API's argument name, which the reason field and the error summary are keyed by. */
export const REASON_FIELD = 'reason';

/** The checks the API makes on `declineMatch`'s reason, made before sending (on the text as it will be sent, trimmed). */
export function declineProblems(reason: string, t: Translate): FormProblem[] {
  const length = apiLength(reason.trim());
  if (length === 0) return [{ field: REASON_FIELD, message: t('pairings.decline.rule.reasonMissing') }];
  if (length < REASON_MIN) return [{ field: REASON_FIELD, message: t('pairings.decline.rule.reasonTooShort', { min: REASON_MIN }) }];
  if (length > REASON_MAX) return [{ field: REASON_FIELD, message: t('pairings.decline.rule.reasonTooLong', { max: REASON_MAX }) }];
  return [];
}
