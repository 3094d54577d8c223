import { describe, expect, it } from 'vitest';
import { passwordChangeProblems } from './password-rules';

const form = (newPassword: string, overrides: Partial<{ currentPassword: string; confirmation: string }> = {}) => ({
  currentPassword: 'the-old-passphrase',
  newPassword,
  confirmation: newPassword,
  ...overrides,
});

describe('passwordChangeProblems', () => {
  it('accepts a new passphrase of 12 to 200 characters, confirmed, unlike the current one', () => {
    expect(passwordChangeProblems(form('a-new-passphrase'))).toEqual([]);
    expect(passwordChangeProblems(form('x'.repeat(200)))).toEqual([]);
  });

  it('counts characters as the API does, not UTF-16 units', () => {
    expect(passwordChangeProblems(form('𠀀'.repeat(11)))).toEqual([{ field: 'newPassword', message: 'session.changePassword.tooShort' }]);
    expect(passwordChangeProblems(form('𠀀'.repeat(12)))).toEqual([]);
  });

  it('names each field that is missing, too short, too long, unchanged or not confirmed', () => {
    expect(passwordChangeProblems({ currentPassword: '', newPassword: '', confirmation: '' })).toEqual([
      { field: 'currentPassword', message: 'session.changePassword.currentMissing' },
      { field: 'newPassword', message: 'session.changePassword.newMissing' },
    ]);
    expect(passwordChangeProblems(form('eleven-char'))[0].message).toBe('session.changePassword.tooShort');
    expect(passwordChangeProblems(form('x'.repeat(201)))[0].message).toBe('session.changePassword.tooLong');
    expect(passwordChangeProblems(form('the-old-passphrase'))).toEqual([{ field: 'newPassword', message: 'session.changePassword.same' }]);
    expect(passwordChangeProblems(form('a-new-passphrase', { confirmation: 'a-new-passphrasf' }))).toEqual([
      { field: 'confirmation', message: 'session.changePassword.mismatch' },
    ]);
  });
});
