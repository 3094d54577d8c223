import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { chooseLanguage, expectLanguage, message, messageIdsShown, whenGone, type Lang } from './console';
import type { Harness } from './harness';

/** After navigating: the page is in the language, its main heading is drawn and no message is missing. */
export async function visitIn(page: Page, lang: Lang): Promise<void> {
  await expectLanguage(page, lang);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await whenGone(page.getByRole('status').filter({ hasText: message(lang, 'common.loading') }));
  expect(await messageIdsShown(page)).toEqual([]);
}

/**
 * The pages of a journey: each is checked with axe and photographed in English as the journey
 * reaches it, and `inArabic` visits them all again right to left.
 */
export function journeyPages(harness: Harness, page: Page) {
  const visited: { name: string; path: string }[] = [];
  return {
    capture: async (name: string): Promise<void> => {
      expect(await messageIdsShown(page)).toEqual([]);
      await harness.capture(page, 'en', name);
      const url = new URL(page.url());
      visited.push({ name, path: `${url.pathname}${url.search}` });
    },
    inArabic: async (): Promise<void> => {
      await chooseLanguage(page, 'ar');
      for (const { name, path } of visited) {
        await page.goto(`${harness.service.origin}${path}`);
        await visitIn(page, 'ar');
        await harness.capture(page, 'ar', name);
      }
    },
  };
}
