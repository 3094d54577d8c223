import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { chooseLanguage, message, messageIdsShown, messageWith, whenGone, type Lang } from './support/console';
import { useBrowserHarness } from './support/harness';
import { DEMO_PASSWORD, demoEmail } from './support/service';

/** The accounts each language's run acts on, apart so the two runs do not meet. */
const ACCOUNTS: Record<'en' | 'ar', { deactivate: string; reset: string; change: string }> = {
  en: { deactivate: demoEmail('donor.unidir'), reset: demoEmail('donor.unmas'), change: demoEmail('donor.sas') },
  ar: { deactivate: demoEmail('donor.unodc'), reset: demoEmail('donor.recsa'), change: demoEmail('donor.eu') },
};

describe('account security in the console', () => {
  const harness = useBrowserHarness();

  /** A page in `lang`, signed in through the sign-in page with `password`, not yet waiting for any page after it. */
  async function signInWith(lang: Lang, email: string, password: string): Promise<Page> {
    const page = await harness.open();
    await page.goto(`${harness.service.origin}/sign-in`);
    if (lang !== 'en') await chooseLanguage(page, lang);
    await page.getByLabel(message(lang, 'session.signIn.email')).fill(email);
    await page.getByLabel(message(lang, 'session.signIn.password'), { exact: true }).fill(password);
    await page.getByRole('button', { name: message(lang, 'session.signIn.submit') }).click();
    return page;
  }

  const heading = (page: Page, lang: Lang, id: string) => page.getByRole('heading', { level: 1, name: message(lang, id) });

  async function settled(page: Page, lang: Lang): Promise<void> {
    await whenGone(page.getByRole('status').filter({ hasText: message(lang, 'common.loading') }));
    expect(await messageIdsShown(page)).toEqual([]);
  }

  it.each(['en', 'ar'] as const)(
    'lets the ADMIN filter, deactivate, reactivate and reset accounts, and the reset account change its one-time password first (%s)',
    async (lang) => {
      const { deactivate, reset } = ACCOUNTS[lang];
      const t = (id: string, values: Record<string, string> = {}) => messageWith(lang, id, values);

      // The account to deactivate is signed in elsewhere: its open page goes back to sign-in, told why,
      // as soon as the service closes its live-updates socket.
      const victim = await signInWith(lang, deactivate, DEMO_PASSWORD);
      await victim.getByRole('button', { name: t('shell.signOut') }).waitFor();

      const admin = await signInWith(lang, demoEmail('admin'), DEMO_PASSWORD);
      await admin.getByRole('button', { name: t('shell.signOut') }).waitFor();
      await admin
        .getByRole('navigation', { name: t('shell.nav.label') })
        .getByRole('link', { name: t('admin.nav.accounts'), exact: true })
        .click();
      await heading(admin, lang, 'admin.accounts.title').waitFor();
      await admin.getByLabel(t('admin.accounts.search')).fill(deactivate.split('@')[0]);
      const rows = admin.getByRole('table').getByRole('row');
      await rows.filter({ hasText: deactivate }).waitFor();
      await whenGone(rows.filter({ hasText: demoEmail('admin') }));

      await admin.getByRole('button', { name: t('admin.accounts.deactivateFor', { email: deactivate }) }).click();
      const panelHeading = admin.getByRole('heading', { level: 3, name: t('admin.accounts.deactivateHeading', { email: deactivate }) });
      await panelHeading.waitFor();
      // A reason is asked for before anything is sent.
      await admin.getByRole('button', { name: t('admin.accounts.confirmDeactivate') }).click();
      await admin
        .getByRole('alert')
        .getByRole('link', { name: t('admin.accounts.rule.reasonRequired') })
        .waitFor();
      await admin.getByLabel(t('admin.accounts.reason')).fill(lang === 'ar' ? 'غادر المنظمة' : 'Left the organisation');
      await settled(admin, lang);
      await harness.capture(admin, lang, 'account-deactivate');
      await admin.getByRole('button', { name: t('admin.accounts.confirmDeactivate') }).click();
      await admin
        .getByRole('status')
        .filter({ hasText: t('admin.accounts.deactivated', { email: deactivate }) })
        .waitFor();
      await admin.getByRole('button', { name: t('admin.accounts.reactivateFor', { email: deactivate }) }).waitFor();

      await victim
        .getByRole('status')
        .filter({ hasText: t('session.signIn.deactivatedNotice') })
        .waitFor();

      await admin.getByLabel(t('admin.accounts.filterStatus')).selectOption({ label: t('admin.accounts.statusDeactivated') });
      await admin.getByLabel(t('admin.accounts.search')).fill('');
      await rows.filter({ hasText: deactivate }).waitFor();
      expect(await rows.filter({ hasText: reset }).count()).toBe(0);
      await settled(admin, lang);
      await harness.capture(admin, lang, 'accounts-deactivated');
      await admin.getByRole('button', { name: t('admin.accounts.reactivateFor', { email: deactivate }) }).click();
      await admin
        .getByRole('status')
        .filter({ hasText: t('admin.accounts.reactivated', { email: deactivate }) })
        .waitFor();

      await admin.getByLabel(t('admin.accounts.filterStatus')).selectOption({ label: t('admin.accounts.anyStatus') });
      await admin.getByLabel(t('admin.accounts.search')).fill(reset.split('@')[0]);
      await admin.getByRole('button', { name: t('admin.accounts.resetPasswordFor', { email: reset }) }).click();
      await admin.getByRole('button', { name: t('admin.accounts.confirmReset') }).click();
      const oneTimePassword = await admin.getByTestId('one-time-password').innerText();
      expect(oneTimePassword).toMatch(/^[\w-]{16}$/);
      await rows
        .filter({ hasText: reset })
        .filter({ hasText: t('admin.accounts.mustChangePassword') })
        .waitFor();
      await settled(admin, lang);
      await harness.capture(admin, lang, 'account-reset');

      // The one-time password leads to the password change, and nowhere else, until it is changed.
      const owner = await signInWith(lang, reset, oneTimePassword);
      await heading(owner, lang, 'session.changePassword.title').waitFor();
      await owner.waitForURL(/\/change-password$/);
      await owner
        .getByRole('status')
        .filter({ hasText: t('session.changePassword.forced') })
        .waitFor();
      expect(await owner.getByRole('navigation', { name: t('shell.nav.label') }).count()).toBe(0);
      await owner.goto(`${harness.service.origin}/offers`);
      await owner.waitForURL(/\/change-password$/);
      await settled(owner, lang);
      await harness.capture(owner, lang, 'change-password-forced');

      await owner.getByLabel(t('session.changePassword.oneTimePassword')).fill(oneTimePassword);
      await owner.getByLabel(t('session.changePassword.new'), { exact: true }).fill('qwerty123456');
      await owner.getByLabel(t('session.changePassword.confirmation')).fill('qwerty123456');
      await owner.getByRole('button', { name: t('session.changePassword.submit') }).click();
      // The common-password list is the API's: its refusal is said in the reader's language, by the field.
      await owner
        .getByRole('alert')
        .getByRole('link', { name: t('session.changePassword.common') })
        .waitFor();
      await owner.getByLabel(t('session.changePassword.new'), { exact: true }).fill('my own armoury passphrase');
      await owner.getByLabel(t('session.changePassword.confirmation')).fill('my own armoury passphrase');
      await owner.getByRole('button', { name: t('session.changePassword.submit') }).click();
      await owner.waitForURL(/\/offers$/);
      await owner.getByRole('navigation', { name: t('shell.nav.label') }).waitFor();
    },
  );

  it.each(['en', 'ar'] as const)('lets a signed-in reader change their password from the account menu (%s)', async (lang) => {
    const { change } = ACCOUNTS[lang];
    const page = await signInWith(lang, change, DEMO_PASSWORD);
    await page
      .getByRole('banner')
      .getByRole('link', { name: message(lang, 'shell.changePassword') })
      .click();
    await heading(page, lang, 'session.changePassword.title').waitFor();

    await page.getByLabel(message(lang, 'session.changePassword.current')).fill('not-my-password-at-all');
    await page.getByLabel(message(lang, 'session.changePassword.new'), { exact: true }).fill('a fresh passphrase today');
    await page.getByLabel(message(lang, 'session.changePassword.confirmation')).fill('a fresh passphrase tomorrow');
    await page.getByRole('button', { name: message(lang, 'session.changePassword.submit') }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: message(lang, 'session.changePassword.mismatch') })
      .waitFor();

    await page.getByLabel(message(lang, 'session.changePassword.confirmation')).fill('a fresh passphrase today');
    await page.getByRole('button', { name: message(lang, 'session.changePassword.submit') }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: message(lang, 'session.changePassword.wrongCurrent') })
      .waitFor();
    await settled(page, lang);
    await harness.capture(page, lang, 'change-password-wrong-current');

    await page.getByLabel(message(lang, 'session.changePassword.current')).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: message(lang, 'session.changePassword.submit') }).click();
    await page
      .getByRole('status')
      .filter({ hasText: message(lang, 'session.changePassword.changed') })
      .waitFor();
    await settled(page, lang);
    await harness.capture(page, lang, 'change-password-done');
    // The session goes on with the new token the change returned.
    await page.reload();
    await page.getByRole('button', { name: message(lang, 'shell.signOut') }).waitFor();
    const signedInAgain = await signInWith(lang, change, 'a fresh passphrase today');
    await signedInAgain.getByRole('button', { name: message(lang, 'shell.signOut') }).waitFor();
  });
});
