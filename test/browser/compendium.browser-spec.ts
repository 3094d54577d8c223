import { expect } from '@jest/globals';
import { useBrowserHarness } from './support/harness';

describe('the printable compendium at /compendium', () => {
  const harness = useBrowserHarness();

  it('is laid out by its own style sheet, in English and right to left in Arabic', async () => {
    const page = await harness.open();
    for (const lang of ['en', 'ar']) {
      await page.goto(`${harness.service.origin}/compendium?lang=${lang}`);
      // A style sheet the page's policy refused would leave the headings without their rule (and the harness would see the refusal).
      await expect(page.evaluate<string>(`getComputedStyle(document.querySelector('h2')).borderBottomStyle`)).resolves.toBe('solid');
      await expect(page.evaluate<string>('getComputedStyle(document.body).direction')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
      await harness.capture(page, lang, 'compendium');
    }
  });
});
