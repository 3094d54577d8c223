import { dictionary } from '@zxcvbn-ts/language-common';
import { IsString, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { BadUserInputError } from '../common/errors/domain-errors';

/** NIST SP 800-63B asks for at least 8; a passphrase of 12 is within reach of anyone and far harder to guess. */
export const PASSWORD_MIN_LENGTH = 12;
/** Argon2 hashes any length, but an unbounded one would let a client make every sign-in slow. */
export const PASSWORD_MAX_LENGTH = 200;

/**
 * The passwords most often found in breaches (zxcvbn-ts's common list, some 49,000, lower case). Built
 * on first use, so processes that never set a password never hold it.
 */
let commonPasswords: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common']);
  return commonPasswords.has(password.toLowerCase());
}

const NOT_COMMON_PASSWORD = 'notCommonPassword';
const COMMON_PASSWORD_MESSAGE = 'This password is one of the most common ones; choose another.';

/** The rule a password breaks, with the message for it; null when it is acceptable. */
export function passwordProblem(password: string): { rule: string; message: string } | null {
  // Counted in code points, as class-validator's MinLength does, so the two never disagree.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return { rule: 'minLength', message: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.` };
  if (length > PASSWORD_MAX_LENGTH)
    return { rule: 'maxLength', message: `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.` };
  if (isCommonPassword(password)) return { rule: NOT_COMMON_PASSWORD, message: COMMON_PASSWORD_MESSAGE };
  return null;
}

/** For services that set a password without going through an input class (the first ADMIN account). */
export function assertAcceptablePassword(password: string, field: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new BadUserInputError(problem.message, [{ field, ...problem }]);
}

/**
 * The password policy on an input field, as class-validator rules a client can tell apart:
 * `minLength`, `maxLength` and `notCommonPassword`.
 */
export function IsAcceptablePassword(): PropertyDecorator {
  const rules = [
    IsString(),
    MinLength(PASSWORD_MIN_LENGTH, { message: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.` }),
    MaxLength(PASSWORD_MAX_LENGTH, { message: `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.` }),
    ValidateBy({
      name: NOT_COMMON_PASSWORD,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !isCommonPassword(value),
        defaultMessage: () => COMMON_PASSWORD_MESSAGE,
      },
    }),
  ];
  return (target, property) => rules.forEach((rule) => rule(target, property));
}
