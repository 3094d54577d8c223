import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './service';

const FEATURES = resolve(__dirname, '../../../web/src/features');

export const LANGUAGES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;
export type Lang = (typeof LANGUAGES)[number];
/** How the language menu lists each language: by its own name. */
export const LANGUAGE_NAMES: Record<Lang, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ru: 'Русский',
  zh: '中文',
  ar: 'العربية',
};

function catalog(lang: Lang): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const feature of readdirSync(FEATURES)) {
    try {
      Object.assign(merged, JSON.parse(readFileSync(join(FEATURES, feature, 'messages', `${lang}.json`), 'utf8')));
    } catch {
      // A feature without messages.
    }
  }
  return merged;
}

const catalogs = new Map<Lang, Record<string, string>>();

/** A message as the console shows it in a language (without ICU arguments), read from its catalogs. */
export function message(lang: Lang, id: string): string {
  if (!catalogs.has(lang)) catalogs.set(lang, catalog(lang));
  const text = catalogs.get(lang)![id];
  if (text === undefined) throw new Error(`no message ${id} in ${lang}`);
  return text;
}

/**
 * A message with its `{name}` arguments set, as the console shows it: right to left each value is
 * isolated from the sentence around it (web/src/i18n/format.ts, isolatedValues).
 */
export function messageWith(lang: Lang, id: string, values: Record<string, string> = {}): string {
  const isolated = (value: string) => (lang === 'ar' ? `\u2068${value}\u2069` : value);
  return Object.entries(values).reduce((text, [name, value]) => text.replace(`{${name}}`, isolated(value)), message(lang, id));
}

/** Every message id of the console: a message missing at run time is shown as its id. */
export function messageIds(): string[] {
  return Object.keys(catalog('en'));
}

/** The ids that appear as text on the page, which means their message is missing. */
export async function messageIdsShown(page: Page): Promise<string[]> {
  const text = await page.evaluate<string>('document.body.innerText');
  return messageIds().filter((id) => text.includes(id));
}

/** The language menu, found by its place in the header whatever language labels it. */
export const languageMenu = (page: Page) => page.getByRole('banner').getByRole('combobox');

/**
 * Waits for `<html lang>`. A function, not a string: Playwright polls a string predicate with eval,
 * which the page's Content-Security-Policy forbids.
 */
export function waitForLang(page: Page, lang: Lang): Promise<unknown> {
  return page.waitForFunction(
    (expected) => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === expected,
    lang,
  );
}

export async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  await languageMenu(page).selectOption({ label: LANGUAGE_NAMES[lang] });
  await waitForLang(page, lang);
}

export async function expectLanguage(page: Page, lang: Lang): Promise<void> {
  await waitForLang(page, lang);
  expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
}

/** Signs in through the sign-in page (in English unless the page is in another language) and waits for the role's home. */
export async function signIn(page: Page, origin: string, email: string, lang: Lang = 'en'): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel(message(lang, 'session.signIn.email')).fill(email);
  await page.getByLabel(message(lang, 'session.signIn.password'), { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: message(lang, 'session.signIn.submit') }).click();
  await page.getByRole('button', { name: message(lang, 'shell.signOut') }).waitFor();
}

/** Waits until no element matches (a locator's own wait wants exactly one). */
export async function whenGone(locator: Locator, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while ((await locator.count()) > 0) {
    if (Date.now() > deadline) throw new Error(`still shown after ${timeout} ms: ${String(locator)}`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}
