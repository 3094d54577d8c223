import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { I18nProvider, useT } from '../i18n/I18nProvider';
import { useSession, SessionProvider } from '../features/session/SessionProvider';
import { CHANGE_PASSWORD_PATH, homePathFor } from '../features/shell/navigation';
import { Layout } from '../features/shell/Layout';
import { LiveNoticeRegion, LiveProvider } from '../features/live/LiveProvider';
import { NotificationsProvider } from '../features/notifications/NotificationsProvider';
import { Loading, Page } from '../ui/page';
import { ApiProvider } from './ApiProvider';
import { ChangePasswordPage, SIGNED_IN_ROUTES } from './routes';

const SignInPage = lazy(() => import('../features/session/SignInPage'));

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <ApiProvider>
          <LiveProvider>
            <NotificationsProvider>
              <Layout>
                <LiveNoticeRegion />
                <Suspense fallback={<Loading />}>
                  <Pages />
                </Suspense>
              </Layout>
            </NotificationsProvider>
          </LiveProvider>
        </ApiProvider>
      </SessionProvider>
    </I18nProvider>
  );
}

/**
 * Signed out, every address leads to sign-in; signed in with a one-time password, to the password
 * change; otherwise only the pages of the reader's role exist.
 */
function Pages() {
  const { session } = useSession();
  if (!session) {
    return (
      <Switch>
        <Route path="/sign-in" component={SignInPage} />
        <Route>
          <Redirect to="/sign-in" replace />
        </Route>
      </Switch>
    );
  }
  if (session.passwordChangeRequired) {
    return (
      <Switch>
        <Route path={CHANGE_PASSWORD_PATH} component={ChangePasswordPage} />
        <Route>
          <Redirect to={CHANGE_PASSWORD_PATH} replace />
        </Route>
      </Switch>
    );
  }
  const role = session.user.role;
  return (
    <Switch>
      <Route path="/">
        <Redirect to={homePathFor(role)} replace />
      </Route>
      <Route path="/sign-in">
        <Redirect to={homePathFor(role)} replace />
      </Route>
      {SIGNED_IN_ROUTES.filter((route) => route.roles.includes(role)).map((route) => (
        <Route key={route.path} path={route.path} component={route.page} />
      ))}
      <Route component={NotFound} />
    </Switch>
  );
}

function NotFound() {
  const t = useT();
  return (
    <Page title={t('shell.notFound.title')}>
      <p>{t('shell.notFound.body')}</p>
    </Page>
  );
}
