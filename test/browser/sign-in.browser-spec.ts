import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { chooseLanguage, message, waitForLang } from './support/console';
import { useBrowserHarness } from './support/harness';
import { DEMO_PASSWORD, demoEmail } from './support/service';

const STATE = demoEmail('state.nga');

describe('signing in and out', () => {
  const harness = useBrowserHarness();

  it('tells a reader who types a wrong password, next to the field and in the summary', async () => {
    const page = await harness.open();
    await page.goto(`${harness.service.origin}/`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await harness.capture(page, 'en', 'sign-in');

    await page.getByLabel('E-mail address').fill(STATE);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();

    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.getByRole('heading').innerText()).toBe(message('en', 'common.errorSummary.title'));
    const wrong = message('en', 'session.signIn.wrongCredentials');
    await expect(summary.getByRole('link', { name: wrong }).getAttribute('href')).resolves.toBe('#sign-in-password');
    // The message is tied to the field, so a screen reader hears it with the password field.
    const password = page.getByLabel('Password', { exact: true });
    await expect(password.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    const descriptions = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(descriptions).toContain(wrong);
    await harness.capture(page, 'en', 'sign-in-wrong-password');
  });

  it('lands on the role’s home, shows who is signed in, survives a reload and signs out', async () => {
    const page = await harness.open();
    await page.goto(`${harness.service.origin}/sign-in`);
    await page.getByLabel('E-mail address').fill(STATE);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const signOut = page.getByRole('button', { name: 'Sign out' });
    await signOut.waitFor();
    await page.waitForURL(/\/needs$/);
    const who = page.getByRole('banner').getByText(STATE);
    await expect(who.innerText()).resolves.toBe(`${STATE} · State focal point · Nigeria`);
    const nav = page.getByRole('navigation', { name: 'Main sections' });
    await expect(nav.getByRole('link').allInnerTexts()).resolves.toEqual([
      'Needs',
      'File a need',
      'Import a national report',
      'Pairings',
      'Financial summary',
      'Exports',
    ]);

    await page.reload();
    await signOut.waitFor();
    await expect(who.innerText()).resolves.toContain('State focal point');

    await signOut.click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: message('en', 'session.signIn.signedOut') })
        .count(),
    ).resolves.toBe(1);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  });

  it('sends a reader whose token the service refuses back to sign-in, saying the session has expired', async () => {
    const page = await harness.open();
    await storeSession(page, harness.service.origin, 'not-a-token-the-service-signed', Date.now() + 3_600_000);
    await page.goto(`${harness.service.origin}/needs`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: message('en', 'session.signIn.expired') })
      .waitFor();
    await harness.capture(page, 'en', 'sign-in-expired');
  });

  it('sends a reader back to sign-in when the token expires while the page is open', async () => {
    const page = await harness.open();
    const token = await harness.service.login(STATE);
    await storeSession(page, harness.service.origin, token, Date.now() + 4_000);
    await page.goto(`${harness.service.origin}/needs`);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout: 15_000 });
    await page
      .getByRole('status')
      .filter({ hasText: message('en', 'session.signIn.expired') })
      .waitFor();
  });

  it('tells a reader who comes back after the token expired why they must sign in again', async () => {
    const page = await harness.open();
    const token = await harness.service.login(STATE);
    await storeSession(page, harness.service.origin, token, Date.now() - 60_000);
    await page.goto(`${harness.service.origin}/needs`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: message('en', 'session.signIn.expired') })
      .waitFor({ timeout: 5_000 });
  });

  it('signs in in Arabic, right to left', async () => {
    const page = await harness.open({ locale: 'ar-EG' });
    await page.goto(`${harness.service.origin}/sign-in`);
    await waitForLang(page, 'ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await harness.capture(page, 'ar', 'sign-in');
    await page.getByLabel(message('ar', 'session.signIn.email')).fill(STATE);
    await page.getByLabel(message('ar', 'session.signIn.password'), { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: message('ar', 'session.signIn.submit') }).click();
    await page.getByRole('alert').getByText(message('ar', 'session.signIn.wrongCredentials')).waitFor();
    await harness.capture(page, 'ar', 'sign-in-wrong-password');
    await chooseLanguage(page, 'en');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
  });
});

/**
 * Stores a session as the console keeps it in localStorage, from the sign-in page once the console has
 * started there: a console still starting would read the session itself (and, expired, remove it)
 * before the test's next page could.
 */
async function storeSession(page: Page, origin: string, accessToken: string, expiresAt: number): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  const session = {
    accessToken,
    expiresAt,
    user: { id: 'x', email: STATE, role: 'STATE', country: { iso3: 'NGA', iso2: 'NG', name: 'Nigeria' }, donor: null },
  };
  await page.evaluate(`localStorage.setItem('poa-match.session', ${JSON.stringify(JSON.stringify(session))})`);
}
