import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useLocation } from 'wouter';
import { graphql } from '../../gql';
import { useT } from '../../i18n/I18nProvider';
import { apiFieldProblems, messageFor, problemsOf, type FormProblem } from '../../ui/api-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/fields';
import { Page } from '../../ui/page';
import { homePathFor } from '../shell/navigation';
import { useSession, useSignedIn } from './SessionProvider';
import { API_PASSWORD_RULES, PASSWORD_LIMITS, passwordChangeProblems, type PasswordChangeForm } from './password-rules';
import { sessionFromLogin } from './session-store';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      ...SessionStart
    }
  }
`);

const FIELD_IDS = { currentPassword: 'password-current', newPassword: 'password-new', confirmation: 'password-confirmation' };
const EMPTY: PasswordChangeForm = { currentPassword: '', newPassword: '', confirmation: '' };

/**
 * The reader's own password. Reached from the account menu, and the only page of a session signed in
 * with a one-time password, which must be changed before anything else. The API revokes every other
 * token of the account and answers with a new one, which this session continues with.
 */
export default function ChangePasswordPage() {
  const t = useT();
  const session = useSignedIn();
  const { signIn, changingPassword } = useSession();
  const [, navigate] = useLocation();
  const [form, setForm] = useState<PasswordChangeForm>(EMPTY);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [changed, setChanged] = useState(false);
  const [{ fetching }, changePassword] = useMutation(ChangePasswordMutation);
  const noticeRef = useRef<HTMLDivElement>(null);
  const forced = session.passwordChangeRequired;

  useEffect(() => {
    if (changed) noticeRef.current?.focus();
  }, [changed]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChanged(false);
    const found = passwordChangeProblems(form).map((problem) => ({ field: problem.field, message: t(problem.message) }));
    setProblems(found);
    if (found.length) return;
    changingPassword(true);
    const result = await changePassword({ currentPassword: form.currentPassword, newPassword: form.newPassword });
    if (result.error || !result.data) {
      changingPassword(false);
      const known = apiFieldProblems(result.error).filter((problem) => problem.rule && API_PASSWORD_RULES[problem.rule]);
      setProblems(
        known.length
          ? known.map((problem) => ({ field: problem.field, message: t(API_PASSWORD_RULES[problem.rule!]) }))
          : problemsOf(result.error, t),
      );
      return;
    }
    const next = sessionFromLogin(result.data.changePassword, Date.now());
    signIn(next);
    // Requests still in flight with the old token, answered after this one, end nothing either: it is no longer the session's.
    changingPassword(false);
    setForm(EMPTY);
    if (forced) navigate(homePathFor(next.user.role), { replace: true });
    else setChanged(true);
  }

  const field = (name: keyof PasswordChangeForm) => ({
    id: FIELD_IDS[name],
    type: 'password',
    dir: 'ltr' as const,
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
    error: messageFor(problems, name),
  });

  return (
    <Page title={t('session.changePassword.title')}>
      {forced ? (
        <div className="notice" role="status">
          {t('session.changePassword.forced')}
        </div>
      ) : (
        <p>{t('session.changePassword.intro')}</p>
      )}
      {changed ? (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={noticeRef}>
          {t('session.changePassword.changed')}
        </div>
      ) : null}
      <ErrorSummary problems={problems} fieldIds={FIELD_IDS} />
      <form onSubmit={(event) => void submit(event)} noValidate className="form form--narrow">
        <TextField
          {...field('currentPassword')}
          label={forced ? t('session.changePassword.oneTimePassword') : t('session.changePassword.current')}
          autoComplete="current-password"
        />
        <TextField
          {...field('newPassword')}
          label={t('session.changePassword.new')}
          hint={t('session.changePassword.newHint', { min: PASSWORD_LIMITS.min })}
          autoComplete="new-password"
        />
        <TextField {...field('confirmation')} label={t('session.changePassword.confirmation')} autoComplete="new-password" />
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? t('session.changePassword.submitting') : t('session.changePassword.submit')}
        </button>
      </form>
    </Page>
  );
}
