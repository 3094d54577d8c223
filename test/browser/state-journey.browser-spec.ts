import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { chooseLanguage, expectLanguage, message, messageIdsShown, signIn, whenGone, type Lang } from './support/console';
import { buildPdf } from '../support/pdf';
import { NIGERIA_REPORT } from './support/documents';
import { approveBestMatch } from './support/approvals';
import { useBrowserHarness } from './support/harness';
import { demoEmail } from './support/service';
import { publishNigeriasNeed } from './support/needs';
import Database from 'better-sqlite3';

/**
 * A state's focal point, end to end: import a national report, review the draft need it produced,
 * publish and reconfirm it, see its matches, confirm the pairing the Secretariat approved, file a progress report.
 * Every page is checked with axe and photographed in English, then again in Arabic.
 */
describe('the state’s journey', () => {
  const harness = useBrowserHarness();

  it('imports a report, reviews, publishes and reconfirms a need, sees its matches, confirms a pairing and reports progress', async () => {
    const page = await harness.open();
    const origin = harness.service.origin;
    /** The pages of the journey by name, to visit again in Arabic. */
    const visited: { name: string; path: string }[] = [];
    const capture = async (name: string) => {
      expect(await messageIdsShown(page)).toEqual([]);
      await harness.capture(page, 'en', name);
      visited.push({ name, path: new URL(page.url()).pathname });
    };

    await signIn(page, origin, demoEmail('state.nga'));
    await page.waitForURL(/\/needs$/);
    await page.getByRole('heading', { level: 1, name: 'My needs' }).waitFor();
    // The list shows each need's cycle as its short code; a screen reader hears the cycle's name.
    const tracingRow = page.getByRole('row').filter({ hasText: 'Tracing capacity of the firearms investigation unit' });
    await tracingRow
      .getByRole('cell', { name: /^\d+(st|nd|rd|th) (Biennial Meeting of States|Review Conference) \((BMS|RevCon)\d+, \d{4}\)$/ })
      .waitFor();
    await expect(tracingRow.locator('abbr').innerText()).resolves.toMatch(/^(BMS|RevCon)\d+$/);
    await capture('needs-list');

    // A published need shows its reporting cycle, the day it is valid until, and how to reconfirm it.
    await page.getByRole('link', { name: 'Tracing capacity of the firearms investigation unit', exact: true }).click();
    await page.getByRole('region', { name: 'Reconfirm the need' }).waitFor();
    await capture('need-open');
    await page.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: 'Needs' }).click();
    await page.getByRole('heading', { level: 1, name: 'My needs' }).waitFor();

    // Import: a PDF built here, the year and the instrument.
    await page.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: 'Import a national report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a national report' }).waitFor();
    await capture('report-import');
    await page.getByRole('radio', { name: 'Upload a file' }).check();
    await page
      .getByLabel('Report file')
      .setInputFiles({ name: 'nigeria-2024.pdf', mimeType: 'application/pdf', buffer: await buildPdf(NIGERIA_REPORT) });
    await page.getByLabel('Year of the report').fill('2024');
    await page.getByRole('radio', { name: 'Programme of Action (PoA)' }).check();
    await page.getByRole('button', { name: 'Import the report' }).click();

    await page.getByRole('heading', { level: 1, name: 'National report of Nigeria, 2024' }).waitFor({ timeout: 60_000 });
    await page.getByRole('status').filter({ hasText: 'The report has been imported.' }).waitFor();
    const drafts = page.getByRole('table').getByRole('link');
    expect(await drafts.count()).toBeGreaterThanOrEqual(1);
    await capture('report');

    // Review the draft beside its source: other themes, a budget, then publish.
    await drafts.first().click();
    await page.getByRole('heading', { level: 1, name: 'Review a draft need' }).waitFor();
    await page
      .getByText(/train 40 officers in stockpile management/)
      .first()
      .waitFor();
    await capture('need-review');
    const needId = /\/needs\/([^/?#]+)/.exec(page.url())![1];
    const needTitle = (await page.getByLabel('Title', { exact: true }).inputValue()).trim();
    const themes = page.getByRole('group', { name: 'Themes' });
    const themeChoice = (name: string) => themes.getByRole('checkbox', { name, exact: true });
    // The import recognised stockpile security, marking, record-keeping and training; the reviewer adds collection and drops record-keeping.
    await expect(themeChoice('Physical security and stockpile management').isChecked()).resolves.toBe(true);
    await themeChoice('Weapons collection and amnesties').check();
    await themeChoice('Record-keeping').uncheck();
    await page.getByLabel('Who may see this need').selectOption({ label: 'Donors and the Secretariat' });
    const budget = page.getByLabel('Estimated budget (US dollars)');
    await budget.fill('180000');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Your changes were saved.' }).waitFor();
    await expect(themeChoice('Weapons collection and amnesties').isChecked()).resolves.toBe(true);
    await expect(themeChoice('Record-keeping').isChecked()).resolves.toBe(false);
    await expect(budget.inputValue()).resolves.toBe('180000');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The need was published.' }).waitFor();
    await capture('need-published');

    // Reconfirming that the need still stands keeps it valid to the end of the next reporting cycle.
    const reconfirmation = page.getByRole('region', { name: 'Reconfirm the need' });
    await reconfirmation.getByText(/^The need is valid until /).waitFor();
    await reconfirmation.getByRole('button', { name: 'Reconfirm', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The need was reconfirmed.' }).waitFor();
    await capture('need-reconfirmed');

    // Matching runs in the service's process after publishing: reload until its matches are listed.
    await page.getByRole('link', { name: 'See the matches for this need' }).click();
    await page.getByRole('heading', { level: 1, name: `Matches for “${needTitle}”` }).waitFor();
    const listHeading = page.getByRole('heading', { level: 2, name: /\d+ matching offers?$/ });
    for (let attempt = 0; !(await listHeading.isVisible()); attempt++) {
      if (attempt === 30) throw new Error(`no match for the published need ${needId} after 60 s`);
      await page.waitForTimeout(2_000);
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
    }
    await page
      .getByRole('table', { name: /How the score of .* is made up/ })
      .first()
      .waitFor();
    await capture('matches');

    // The Secretariat approves the best match through the API, as its own console would.
    const approved = await approveBestMatch(harness.service, needId, 180_000);
    if (!approved) throw new Error(`no match of need ${needId} can be approved for up to USD 180,000`);
    await page.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: 'Pairings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pairings' }).waitFor();
    const card = page.getByRole('region', { name: needTitle });
    await card.getByText(approved.offerTitle).waitFor();
    await capture('pairings-awaiting');
    await card.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText(`You confirmed the pairing for “${needTitle}”.`).waitFor();
    await capture('pairings');

    // A progress report on the confirmed pairing.
    const running = page.getByRole('row').filter({ hasText: needTitle });
    await running.getByRole('link', { name: 'File a progress report' }).click();
    await page.getByRole('heading', { level: 1, name: 'File a progress report' }).waitFor();
    await capture('progress-report');
    await page.getByLabel('End of the period covered').fill('2027-03-31');
    await page
      .getByLabel('What happened in this period')
      .fill('Twenty officers completed the first stockpile management course; marking of seized weapons began in two armouries.');
    await page.getByLabel('Amount disbursed in this period, in US dollars').fill('40000');
    await page.getByRole('button', { name: 'Add an indicator' }).click();
    await page.getByLabel('Indicator 1: what is measured').fill('Officers trained');
    await page.getByLabel('Indicator 1: target (optional)').fill('40');
    await page.getByLabel('Indicator 1: achieved').fill('20');
    await page.getByRole('button', { name: 'File the report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pairings' }).waitFor();
    await page.getByText(`Your progress report on “${needTitle}” has been filed.`).waitFor();
    await expect(running.innerText()).resolves.toContain('$40,000');
    await capture('pairings-after-report');

    // The same pages in Arabic, right to left.
    await chooseLanguage(page, 'ar');
    for (const { name, path } of visited) {
      await page.goto(`${origin}${path}`);
      await visitIn(page, 'ar');
      await harness.capture(page, 'ar', name);
    }
  });

  it('shows a need that lapsed as stale, and a reconfirmation publishes it again', async () => {
    const { service } = harness;
    const title = `Armoury record-keeping ${Date.now().toString(36)}`;
    const id = await publishNigeriasNeed(service, {
      title,
      description: 'Registers and training so that every armoury of the police records what it holds and issues.',
      themeCodes: ['RECORD_KEEPING'],
      assistanceTypes: ['TRAINING'],
      estimatedBudgetUsd: 90000,
      visibility: 'PUBLIC',
    });
    // A year passes without a reconfirmation: what the daily job does on the day after validUntil.
    const database = new Database(service.databaseFile);
    try {
      database.prepare("UPDATE needs SET status = 'STALE', valid_until = '2025-12-31' WHERE id = ?").run(id);
    } finally {
      database.close();
    }

    const page = await harness.open();
    await signIn(page, service.origin, demoEmail('state.nga'));
    await page.waitForURL(/\/needs$/);
    await page.getByRole('row').filter({ hasText: title }).getByText('Stale', { exact: true }).waitFor();
    await page.getByRole('link', { name: title, exact: true }).click();
    const reconfirmation = page.getByRole('region', { name: 'Reconfirm the need' });
    await reconfirmation.getByText(/^This need was not reconfirmed by .+ and is stale: donors and matching no longer see it\./).waitFor();
    expect(await messageIdsShown(page)).toEqual([]);
    // The reporting cycle in words, with the code documents use.
    await page.getByText(/^\d+(st|nd|rd|th) (Biennial Meeting of States|Review Conference) \((BMS|RevCon)\d+, \d{4}\)$/).waitFor();
    await harness.capture(page, 'en', 'need-stale');
    await chooseLanguage(page, 'ar');
    await visitIn(page, 'ar');
    await page
      .getByRole('region', { name: message('ar', 'needs.reconfirm.heading') })
      .getByRole('button', { name: message('ar', 'needs.reconfirm.submit'), exact: true })
      .waitFor();
    // Isolated (U+2068…U+2069) as every value set into an Arabic message.
    await page.getByText(/^\u2068(الاجتماع \S+( عشر)? لفترة السنتين للدول|المؤتمر الاستعراضي \S+( عشر)?)\u2069 \(/).waitFor();
    await harness.capture(page, 'ar', 'need-stale');
    await chooseLanguage(page, 'en');
    await visitIn(page, 'en');

    await reconfirmation.getByRole('button', { name: 'Reconfirm', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The need was reconfirmed.' }).waitFor();
    await reconfirmation.getByText(/^The need is valid until /).waitFor();
    const reread = await service.gql<{ need: { status: string } }>(
      'query($id: ID!) { need(id: $id) { status } }',
      { id },
      await service.login(demoEmail('state.nga')),
    );
    expect(reread.data?.need.status).toBe('OPEN');
  });
});

/** After navigating: the page is in the language, its main heading is drawn and no message is missing. */
async function visitIn(page: Page, lang: Lang): Promise<void> {
  await expectLanguage(page, lang);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await whenGone(page.getByRole('status').filter({ hasText: message(lang, 'common.loading') }));
  expect(await messageIdsShown(page)).toEqual([]);
}
