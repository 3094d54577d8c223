import type { Translate } from '../../i18n/I18nProvider';
import type { FormProblem } from '../../ui/api-errors';

/** The checks the API makes on `login`, made before sending so the reader hears of them in their language. */
export function signInProblems(form: { email: string; password: string }, t: Translate): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!form.email.trim()) problems.push({ field: 'email', message: t('session.signIn.emailMissing') });
  else if (!/^[^\s@]+@[^\s@]+$/.test(form.email.trim())) problems.push({ field: 'email', message: t('common.rule.email') });
  if (!form.password) problems.push({ field: 'password', message: t('session.signIn.passwordMissing') });
  return problems;
}
