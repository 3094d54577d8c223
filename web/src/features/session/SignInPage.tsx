import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useLocation } from 'wouter';
import { graphql } from '../../gql';
import { useT } from '../../i18n/I18nProvider';
import { messageFor, problemsOf, type FormProblem } from '../../ui/api-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/fields';
import { Page } from '../../ui/page';
import { homePathFor } from '../shell/navigation';
import { useSession } from './SessionProvider';
import { sessionFromLogin } from './session-store';
import { signInProblems } from './sign-in-rules';

const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      expiresIn
      user {
        id
        email
        role
        country {
          iso3
          iso2
          name
        }
        donor {
          id
          name
        }
      }
    }
  }
`);

const FIELD_IDS = { email: 'sign-in-email', password: 'sign-in-password' };

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
      // The API says only "wrong e-mail or password" (UNAUTHENTICATED) without naming a field: tie it to the password.
      const refused = problemsOf(result.error, t).map((problem) =>
        result.error?.graphQLErrors[0]?.extensions?.code === 'UNAUTHENTICATED'
          ? { field: 'password', message: t('session.signIn.wrongCredentials') }
          : problem,
      );
      setProblems(refused);
      return;
    }
    const session = sessionFromLogin(result.data.login, Date.now());
    signIn(session);
    navigate(homePathFor(session.user.role), { replace: true });
  }

  return (
    <Page title={t('session.signIn.title')}>
      {signOutReason === 'expired' ? (
        <div className="notice" role="status">
          {t('session.signIn.expired')}
        </div>
      ) : null}
      {signOutReason === 'signedOut' ? (
        <div className="notice" role="status">
          {t('session.signIn.signedOut')}
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
