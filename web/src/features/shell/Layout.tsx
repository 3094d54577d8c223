import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { regionName } from '../../i18n/format';
import type { MessageId } from '../../i18n/message-ids';
import { useSession } from '../session/SessionProvider';
import type { SessionUser } from '../session/session-store';
import { NotificationLinks } from '../notifications/NotificationLinks';
import { LanguageMenu } from './LanguageMenu';
import { CHANGE_PASSWORD_PATH, navItemsFor } from './navigation';

const ROLE_LABELS: Record<SessionUser['role'], MessageId> = {
  STATE: 'common.role.STATE',
  DONOR: 'common.role.DONOR',
  SECRETARIAT: 'common.role.SECRETARIAT',
  ADMIN: 'common.role.ADMIN',
};

/** The frame of every page: who is signed in, the sections their role may use, the language menu. */
export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  const { locale } = useLocale();
  const { session, signOut } = useSession();
  const [location] = useLocation();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <header className="header">
        <div className="header__inner">
          <Link href="/" className="header__brand">
            {t('shell.productName')}
          </Link>
          <LanguageMenu />
          {session ? (
            <div className="header__account">
              <span className="header__who" data-testid="signed-in-as">
                {session.user.email} · {t(ROLE_LABELS[session.user.role])}
                {session.user.country ? ` · ${regionName(locale, session.user.country.iso2, session.user.country.name)}` : ''}
                {session.user.donor ? ` · ${session.user.donor.name}` : ''}
              </span>
              <NotificationLinks />
              {session.passwordChangeRequired ? null : (
                <Link
                  href={CHANGE_PASSWORD_PATH}
                  className="header__link"
                  aria-current={location === CHANGE_PASSWORD_PATH ? 'page' : undefined}
                >
                  {t('shell.changePassword')}
                </Link>
              )}
              <button type="button" className="button button--secondary button--compact" onClick={() => signOut('signedOut')}>
                {t('shell.signOut')}
              </button>
            </div>
          ) : null}
        </div>
        {session && !session.passwordChangeRequired ? (
          <nav className="nav" aria-label={t('shell.nav.label')}>
            <ul className="nav__list">
              {navItemsFor(session.user.role).map((item) => (
                <li key={item.path}>
                  <Link href={item.path} className="nav__link" aria-current={location === item.path ? 'page' : undefined}>
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
