import type { MessageId } from '../../i18n/message-ids';

/** The API's password policy (src/accounts/password-policy.ts); the common-password list is checked by the API alone. */
export const PASSWORD_LIMITS = { min: 12, max: 200 } as const;

export interface PasswordChangeForm {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

/** A problem found before sending, named by the API's argument so its refusals land on the same field. */
export interface PasswordProblem {
  field: 'currentPassword' | 'newPassword' | 'confirmation';
  message: MessageId;
}

/** Counted in characters as the API counts them (code points), not UTF-16 units. */
const length = (text: string) => [...text].length;

/** What the API would refuse, and the confirmation the reader typed, checked before sending. */
export function passwordChangeProblems(form: PasswordChangeForm): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (!form.currentPassword) problems.push({ field: 'currentPassword', message: 'session.changePassword.currentMissing' });
  if (!form.newPassword) problems.push({ field: 'newPassword', message: 'session.changePassword.newMissing' });
  else if (length(form.newPassword) < PASSWORD_LIMITS.min)
    problems.push({ field: 'newPassword', message: 'session.changePassword.tooShort' });
  else if (length(form.newPassword) > PASSWORD_LIMITS.max)
    problems.push({ field: 'newPassword', message: 'session.changePassword.tooLong' });
  else if (form.newPassword === form.currentPassword) problems.push({ field: 'newPassword', message: 'session.changePassword.same' });
  if (form.newPassword && form.confirmation !== form.newPassword)
    problems.push({ field: 'confirmation', message: 'session.changePassword.mismatch' });
  return problems;
}

/** The API's rules for the new password, by the rule names it reports, in the reader's words. */
export const API_PASSWORD_RULES: Record<string, MessageId> = {
  currentPassword: 'session.changePassword.wrongCurrent',
  differentPassword: 'session.changePassword.same',
  minLength: 'session.changePassword.tooShort',
  maxLength: 'session.changePassword.tooLong',
  notCommonPassword: 'session.changePassword.common',
};
