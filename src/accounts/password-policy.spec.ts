import { validate } from 'class-validator';
import { BadUserInputError } from '../common/errors/domain-errors';
import { assertAcceptablePassword, IsAcceptablePassword, isCommonPassword, passwordProblem } from './password-policy';

class PasswordInput {
  @IsAcceptablePassword()
  password: unknown;
}

const rulesBroken = async (password: unknown) =>
  (await validate(Object.assign(new PasswordInput(), { password }))).flatMap((error) => Object.keys(error.constraints ?? {}));

describe('password policy', () => {
  it('asks for 12 to 200 characters, counted as a reader counts them', () => {
    expect(passwordProblem('eleven-char')?.rule).toBe('minLength');
    expect(passwordProblem('twelve-chars')).toBeNull();
    expect(passwordProblem('x'.repeat(201))?.rule).toBe('maxLength');
    expect(passwordProblem('x'.repeat(200))).toBeNull();
    // Twelve characters outside the Basic Multilingual Plane are 24 UTF-16 units and still twelve characters.
    expect(passwordProblem('𠀀'.repeat(11))?.rule).toBe('minLength');
    expect(passwordProblem('𠀀'.repeat(12))).toBeNull();
    expect(passwordProblem('ключ от сейфа')).toBeNull();
  });

  it('refuses the common passwords in any case, and accepts passphrases that are not among them', () => {
    for (const common of ['qwerty123456', 'QWERTY123456', '1qaz2wsx3edc', 'leavemealone', 'password'])
      expect(isCommonPassword(common)).toBe(true);
    expect(passwordProblem('Q1W2E3R4T5Y6')?.rule).toBe('notCommonPassword');
    for (const fine of ['poa-demo-password-2022', 'a-long-enough-password', 'armouries need new locks'])
      expect(passwordProblem(fine)).toBeNull();
  });

  it('gives the input classes the same rules, by name', async () => {
    expect(await rulesBroken('zq-7x')).toEqual(['minLength']);
    expect(await rulesBroken('1qaz2wsx3edc')).toEqual(['notCommonPassword']);
    expect(await rulesBroken('x'.repeat(201))).toEqual(['maxLength']);
    expect(await rulesBroken(42)).toEqual(expect.arrayContaining(['isString']));
    expect(await rulesBroken('a sound passphrase')).toEqual([]);
  });

  it('names the field when a service checks a password itself', () => {
    expect(() => assertAcceptablePassword('letmein', 'input.password')).toThrow(BadUserInputError);
    try {
      assertAcceptablePassword('1q2w3e4r5t6y', 'input.password');
    } catch (error) {
      expect((error as BadUserInputError).fields).toEqual([
        { field: 'input.password', rule: 'notCommonPassword', message: expect.any(String) },
      ]);
    }
  });
});
