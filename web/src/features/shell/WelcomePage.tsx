import { useT } from '../../i18n/I18nProvider';
import { Page } from '../../ui/page';

/** The landing page of a role that has no section of its own in the console yet. */
export default function WelcomePage() {
  const t = useT();
  return (
    <Page title={t('shell.welcome.title')}>
      <p>{t('shell.welcome.body')}</p>
      <p>
        <a href="/explorer">{t('shell.welcome.explorer')}</a>
      </p>
    </Page>
  );
}
