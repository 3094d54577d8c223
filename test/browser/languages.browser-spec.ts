import { expect } from '@jest/globals';
import { chooseLanguage, expectLanguage, LANGUAGES, languageMenu, message, messageIdsShown, signIn } from './support/console';
import { useBrowserHarness } from './support/harness';
import { demoEmail } from './support/service';

describe('the language menu', () => {
  const harness = useBrowserHarness();

  it('lists each language by its own name, and each choice turns the page, its label and its direction', async () => {
    const page = await harness.open();
    await page.goto(`${harness.service.origin}/sign-in`);
    await expectLanguage(page, 'en');
    const menu = page.getByRole('combobox', { name: 'Language' });
    // <html lang="en"> is in the page before the console draws anything: wait for the menu itself.
    await menu.waitFor();
    await expect(menu.locator('option').allInnerTexts()).resolves.toEqual(['English', 'Français', 'Español', 'Русский', '中文', 'العربية']);

    for (const lang of LANGUAGES) {
      await chooseLanguage(page, lang);
      await expectLanguage(page, lang);
      await expect(page.getByRole('combobox', { name: message(lang, 'shell.language') }).count()).resolves.toBe(1);
      await page.getByRole('heading', { level: 1, name: message(lang, 'session.signIn.title') }).waitFor();
      await expect(messageIdsShown(page)).resolves.toEqual([]);

      // The choice is remembered, in this browser, over its own language.
      await page.reload();
      await expectLanguage(page, lang);
      await expect(languageMenu(page).inputValue()).resolves.toBe(lang);
    }
  });

  it.each([
    ['fr-FR', 'fr'],
    ['ar-EG', 'ar'],
    ['zh-CN', 'zh'],
    ['de-DE', 'en'],
  ] as const)('before sign-in speaks the browser’s language (%s → %s)', async (locale, lang) => {
    const page = await harness.open({ locale });
    await page.goto(`${harness.service.origin}/sign-in`);
    await expectLanguage(page, lang);
    await page.getByRole('heading', { level: 1, name: message(lang, 'session.signIn.title') }).waitFor();
    await expect(languageMenu(page).inputValue()).resolves.toBe(lang);
  });

  it('keeps the reader’s choice over the browser’s language, signed in and after sign-out', async () => {
    const page = await harness.open({ locale: 'fr-FR' });
    await page.goto(`${harness.service.origin}/sign-in`);
    await expectLanguage(page, 'fr');
    await chooseLanguage(page, 'ar');
    await signIn(page, harness.service.origin, demoEmail('state.nga'), 'ar');
    await expectLanguage(page, 'ar');
    await expect(page.getByRole('navigation', { name: message('ar', 'shell.nav.label') }).count()).resolves.toBe(1);
    await page.reload();
    await expectLanguage(page, 'ar');
    await page.getByRole('button', { name: message('ar', 'shell.signOut') }).click();
    await page.getByRole('heading', { level: 1, name: message('ar', 'session.signIn.title') }).waitFor();
    await expectLanguage(page, 'ar');
    await expect(languageMenu(page).inputValue()).resolves.toBe('ar');
  });
});
