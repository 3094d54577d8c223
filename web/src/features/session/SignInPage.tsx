import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useLocation } from 'wouter';
import { graphql } from '../../gql';
import { useT } from '../../i18n/I18nProvider';
import { messageFor, problemsOf, type FormProblem } from '../../ui/api-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/fields';
import { Page } from '../../ui/page';
import type { MessageId } from '../../i18n/message-ids';
import { CHANGE_PASSWORD_PATH, homePathFor } from '../shell/navigation';
import { useSession, type SignOutReason } from './SessionProvider';
import { sessionFromLogin } from './session-store';
import { signInProblems } from './sign-in-rules';

const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ...SessionStart
    }
  }
`);

const FIELD_IDS = { email: 'sign-in-email', password: 'sign-in-password' };

const WRONG: MessageId = 'session.signIn.wrongCredentials';
/** Said only once the password was right, so they reveal nothing to someone guessing (`extensions.reason`). */
const SIGN_IN_REFUSALS: Record<string, MessageId> = {
  ACCOUNT_DEACTIVATED: 'session.signIn.deactivated',
  ONE_TIME_PASSWORD_USED: 'session.signIn.oneTimeUsed',
};

/** The notice for why the reader is back at sign-in. */
const SIGN_OUT_NOTICES: Record<SignOutReason, MessageId> = {
  signedOut: 'session.signIn.signedOut',
  expired: 'session.signIn.expired',
  deactivated: 'session.signIn.deactivatedNotice',
  revoked: 'session.signIn.revoked',
};

export default function SignInPage() {
  const t = useT();
  const { signIn, signOutReason } = useSession();
  const [, navigate] = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [{ fetching }, login] = useMutation(LoginMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = signInProblems({ email, password }, t);
    setProblems(local);
    if (local.length) return;
    const result = await login({ email: email.trim(), password });
    if (result.error || !result.data) {
      // The API refuses a sign-in (UNAUTHENTICATED) without naming a field: tie it to the password.
      const refusal = result.error?.graphQLErrors[0]?.extensions;
      const refused = problemsOf(result.error, t).map((problem) =>
        refusal?.code === 'UNAUTHENTICATED'
          ? { field: 'password', message: t(SIGN_IN_REFUSALS[String(refusal.reason)] ?? WRONG) }
          : problem,
      );
      setProblems(refused);
      return;
    }
    const session = sessionFromLogin(result.data.login, Date.now());
    signIn(session);
    navigate(session.passwordChangeRequired ? CHANGE_PASSWORD_PATH : homePathFor(session.user.role), { replace: true });
  }

  return (
    <Page title={t('session.signIn.title')}>
      {signOutReason ? (
        <div className="notice" role="status">
          {t(SIGN_OUT_NOTICES[signOutReason])}
        </div>
      ) : null}
      <ErrorSummary problems={problems} fieldIds={FIELD_IDS} />
      <form onSubmit={(event) => void submit(event)} noValidate className="form form--narrow">
        <TextField
          id={FIELD_IDS.email}
          label={t('session.signIn.email')}
          hint={t('session.signIn.emailHint')}
          type="email"
          dir="ltr"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={messageFor(problems, 'email')}
        />
        <TextField
          id={FIELD_IDS.password}
          label={t('session.signIn.password')}
          type="password"
          dir="ltr"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={messageFor(problems, 'password')}
        />
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? t('session.signIn.submitting') : t('session.signIn.submit')}
        </button>
      </form>
    </Page>
  );
}
