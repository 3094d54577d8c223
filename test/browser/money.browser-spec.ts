import { readFileSync } from 'node:fs';
import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { message, signIn, whenGone } from './support/console';
import { approveBestMatch } from './support/approvals';
import { useBrowserHarness } from './support/harness';
import { journeyPages } from './support/journey';
import { publishNigeriasNeed } from './support/needs';
import { demoEmail } from './support/service';

/** US dollars as the console writes them in English. */
const usd = (amount: number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(amount);

/** The definition beside a term of a summary list. */
const definitionOf = (page: Page, term: string) => page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

/**
 * Money in the console: funding from other sources recorded by the state and seen by a donor, a
 * download carrying the list's filter, and the financial summary of approved pairings. Every page is
 * checked with axe and photographed in English, then again in Arabic.
 */
describe('money in the console', () => {
  const harness = useBrowserHarness();

  it('a state records funding from elsewhere on its need; a donor then sees it and the smaller gap', async () => {
    const { id, title } = await publishNeed('Marking machines for the Nigeria Police Force', 150_000);

    const state = await harness.open();
    const statePages = journeyPages(harness, state);
    await signIn(state, harness.service.origin, demoEmail('state.nga'));
    await state.goto(`${harness.service.origin}/needs/${id}`);
    await state.getByRole('heading', { level: 2, name: 'Funding from other sources' }).waitFor();
    await state.getByText('No funding from other sources has been recorded for this need.').waitFor();
    await expect(definitionOf(state, 'Still lacking').innerText()).resolves.toBe(usd(150_000));

    // Sent empty, then with more than the need lacks: each problem beside its field and in the summary.
    await state.getByRole('button', { name: 'Record funding from another source' }).click();
    const form = state.locator('form', { has: state.getByRole('heading', { name: 'Record funding from another source' }) });
    await form.getByRole('button', { name: 'Record funding' }).click();
    await state.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await expect(state.locator('#other-funding-funder-error').innerText()).resolves.toBe('Enter the funder’s name');
    await expect(state.locator('#other-funding-date-error').innerText()).resolves.toBe('Enter the date the funding was granted');
    await form.getByLabel('Amount in US dollars').fill('150001');
    await form.getByRole('button', { name: 'Record funding' }).click();
    await expect(state.locator('#other-funding-amount-error').innerText()).resolves.toBe(`The need lacks only ${usd(150_000)}`);
    await statePages.capture('other-funding-problems');

    await form.getByLabel('Funder').fill('Government of Norway');
    await form.getByLabel('Amount in US dollars').fill('40,000');
    await form.getByLabel('Date the funding was granted').fill('2026-03-15');
    await form.getByLabel('Note (optional)').fill('NOR-2026-7');
    await form.getByRole('button', { name: 'Record funding' }).click();
    await state
      .getByRole('status')
      .filter({ hasText: `${usd(40_000)} from Government of Norway is recorded. The need still lacks ${usd(110_000)}.` })
      .waitFor();
    const records = state.getByRole('table', { name: 'Funding recorded from other sources, oldest first' });
    await records.getByRole('row', { name: new RegExp(`Government of Norway ${escape(usd(40_000))}`) }).waitFor();
    await expect(definitionOf(state, 'Funded elsewhere').innerText()).resolves.toBe(usd(40_000));
    await expect(definitionOf(state, 'Still lacking').innerText()).resolves.toBe(usd(110_000));
    await statePages.capture('other-funding-recorded');

    // The state's list says it beside the funded bar.
    await state.goto(`${harness.service.origin}/needs?q=${encodeURIComponent(title)}`);
    await state.getByRole('table').getByRole('link', { name: title, exact: true }).waitFor();
    await state.getByText(`Funded elsewhere ${usd(40_000)} · still lacking ${usd(110_000)}`).waitFor();
    await statePages.capture('needs-list-funded-elsewhere');

    const donor = await harness.open();
    const donorPages = journeyPages(harness, donor);
    await signIn(donor, harness.service.origin, demoEmail('donor.germany'));
    await donor.goto(`${harness.service.origin}/browse?country=NGA`);
    const row = donor.getByRole('row').filter({ has: donor.getByRole('link', { name: title, exact: true }) });
    await row.getByText(`Funded elsewhere ${usd(40_000)} · still lacking ${usd(110_000)}`).waitFor();
    await donorPages.capture('browse-funded-elsewhere');
    await row.getByRole('link', { name: title, exact: true }).click();
    await donor.getByRole('heading', { level: 1, name: title }).waitFor();
    await expect(definitionOf(donor, 'Funded elsewhere').innerText()).resolves.toBe(usd(40_000));
    await expect(definitionOf(donor, 'Still lacking').innerText()).resolves.toBe(usd(110_000));
    await donor
      .getByRole('table', { name: 'Funding recorded from other sources, oldest first' })
      .getByText('Government of Norway')
      .waitFor();
    await donorPages.capture('browse-need-funded-elsewhere');

    await statePages.inArabic();
    await donorPages.inArabic();
  });

  it('downloads the needs list as CSV with the list’s filter, with the bearer token and not in the address', async () => {
    const { title } = await publishNeed('Record-keeping software for the national firearms registry', 90_000);
    const page = await harness.open();
    const pages = journeyPages(harness, page);
    const exportRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/exports/'))
        exportRequests.push(`${request.url()} ${request.headers().authorization ? 'with' : 'without'} token`);
    });
    await signIn(page, harness.service.origin, demoEmail('state.nga'));
    await page.goto(`${harness.service.origin}/needs?q=${encodeURIComponent(title)}`);
    await page.getByRole('table').getByRole('link', { name: title, exact: true }).waitFor();
    await pages.capture('needs-list-download');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download these needs (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^needs-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header.split(',')).toEqual(expect.arrayContaining(['title', 'country_iso3', 'funded_elsewhere_usd', 'funding_gap_usd']));
    // The list's filter went with it: only the need searched for.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(title);
    expect(rows[0]).toContain('NGA');
    expect(exportRequests).toEqual([
      `${harness.service.origin}/exports/needs.csv?countryIso3=NGA&search=${encodeURIComponent(title).replace(/%20/g, '+')} with token`,
    ]);

    await page.goto(`${harness.service.origin}/downloads`);
    await page.getByRole('heading', { level: 1, name: 'Exports' }).waitFor();
    await pages.capture('exports');

    await pages.inArabic();
  });

  it('shows the amount approved for a pairing in the financial summary, to the Secretariat and to the state', async () => {
    const { service } = harness;
    const { allocatedUsd } = await approveForNigeria();

    const page = await harness.open();
    const pages = journeyPages(harness, page);
    await signIn(page, service.origin, demoEmail('secretariat'));
    await page.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: 'Financial summary' }).click();
    await page.getByRole('heading', { level: 1, name: 'Financial summary' }).waitFor();
    await whenGone(page.getByRole('status').filter({ hasText: message('en', 'common.loading') }));
    // The demo's only approval for Nigeria is the one just made.
    const nigeria = page.getByRole('table', { name: 'By requesting state' }).getByRole('row', { name: /^Nigeria / });
    await expect(nigeria.getByRole('cell').nth(1).innerText()).resolves.toBe(usd(allocatedUsd));
    await pages.capture('financial-summary');

    // The Secretariat's IATI download names a donor first, and says so beside the button when none is chosen.
    await page.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: 'Exports' }).click();
    await page.getByRole('button', { name: 'Download IATI activities (XML)' }).click();
    await page.getByRole('alert').filter({ hasText: 'Choose the donor whose activities to download' }).waitFor();
    await pages.capture('exports-secretariat');

    const state = await harness.open();
    const statePages = journeyPages(harness, state);
    await signIn(state, service.origin, demoEmail('state.nga'));
    await state.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: 'Financial summary' }).click();
    await state.getByRole('heading', { level: 2, name: 'All together' }).waitFor();
    await expect(definitionOf(state, 'Approved').innerText()).resolves.toBe(usd(allocatedUsd));
    // A state's summary is its own: no table of states.
    await expect(state.getByRole('table', { name: 'By requesting state' }).count()).resolves.toBe(0);
    // Its one pairing, under the reporting cycle its need was filed in.
    const cycles = state.getByRole('table', { name: 'By reporting cycle' }).getByRole('row', {
      name: /^\d+(st|nd|rd|th) (Biennial Meeting of States|Review Conference) \((BMS|RevCon)\d+, \d{4}\) /,
    });
    await expect(cycles.count()).resolves.toBe(1);
    await expect(cycles.getByRole('cell').nth(1).innerText()).resolves.toBe(usd(allocatedUsd));
    await statePages.capture('financial-summary-state');

    await pages.inArabic();
    await statePages.inArabic();
  });

  /** A need of Nigeria's, published, with a title of its own. */
  async function publishNeed(subject: string, budgetUsd: number): Promise<{ id: string; title: string }> {
    const title = `${subject} ${Date.now().toString(36)}`;
    const id = await publishNigeriasNeed(harness.service, {
      title,
      description:
        'Equipment and training so that every firearm the police hold is marked and recorded as the International Tracing Instrument asks.',
      themeCodes: ['MARKING'],
      assistanceTypes: ['EQUIPMENT'],
      estimatedBudgetUsd: budgetUsd,
      visibility: 'PUBLIC',
    });
    return { id, title };
  }

  /** The Secretariat approves the best match of one of Nigeria's needs that still lacks money. */
  async function approveForNigeria(): Promise<{ allocatedUsd: number }> {
    const { service } = harness;
    const token = await service.login(demoEmail('state.nga'));
    const needs = await service.gql<{ needs: { edges: { node: { id: string; fundingGapUsd: number } }[] } }>(
      '{ needs(filter: { countryIso3: "NGA" }, first: 50) { edges { node { id fundingGapUsd } } } }',
      {},
      token,
    );
    for (const { node } of needs.data?.needs.edges ?? []) {
      if (node.fundingGapUsd <= 0) continue;
      const approved = await approveBestMatch(service, node.id, node.fundingGapUsd);
      if (approved) return approved;
    }
    throw new Error(`no need of Nigeria has a match that can be approved: ${JSON.stringify(needs)}`);
  }
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
