import { expect } from '@jest/globals';
import { message, messageWith, signIn, whenGone } from './support/console';
import { useBrowserHarness } from './support/harness';
import { journeyPages } from './support/journey';
import { publishNigeriasNeed } from './support/needs';
import { demoEmail } from './support/service';

/** Stockpile management training in Western Africa: Nigeria's need below falls squarely within it. */
const OFFER = {
  title: 'Stockpile management training for West African police',
  description:
    'Courses for police armourers on the physical security of stockpiles, marking and record-keeping, with the equipment needed to secure armouries.',
  theme: 'Physical security and stockpile management',
  themeInArabic: 'الأمن المادي وإدارة المخزونات',
  themeCode: 'STOCKPILE_MANAGEMENT',
  assistance: 'Training',
  region: 'Western Africa',
  capacityUsd: '600000',
};

/**
 * A donor's desk officer, end to end: post and publish an offer, keep the matches of the donor's
 * offers open while a state publishes a fitting need through the API, see its match arrive without
 * reloading, express interest, then browse the published needs. Every page is checked with axe and
 * photographed in English, then again in Arabic.
 */
describe('the donor’s journey', () => {
  const harness = useBrowserHarness();

  it('posts and publishes an offer, sees a new need’s match arrive live, expresses interest and browses needs', async () => {
    const page = await harness.open();
    const origin = harness.service.origin;
    const { capture, inArabic } = journeyPages(harness, page);
    const mainNav = () => page.getByRole('navigation', { name: 'Main sections' });

    await signIn(page, origin, demoEmail('donor.germany'));
    await mainNav().getByRole('link', { name: 'My offers', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'My offers' }).waitFor();
    await whenGone(page.getByRole('status').filter({ hasText: message('en', 'common.loading') }));
    await capture('offers-list');

    // Post the offer: what, for whom, how much.
    await page.getByRole('link', { name: 'Post an offer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Post an offer' }).waitFor();
    await page.getByRole('group', { name: 'Themes' }).getByRole('checkbox', { name: OFFER.theme, exact: true }).waitFor();
    await capture('offer-new');
    await page.getByLabel('Title', { exact: true }).fill(OFFER.title);
    await page.getByLabel('Description', { exact: true }).fill(OFFER.description);
    await page.getByRole('group', { name: 'Themes' }).getByRole('checkbox', { name: OFFER.theme, exact: true }).check();
    await page.getByRole('group', { name: 'Kinds of assistance' }).getByRole('checkbox', { name: OFFER.assistance, exact: true }).check();
    await page.getByRole('group', { name: 'Regions and sub-regions' }).getByRole('checkbox', { name: OFFER.region, exact: true }).check();
    await page.getByLabel('Capacity in US dollars').fill(OFFER.capacityUsd);
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Draft offer' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'The offer is saved as a draft.' }).waitFor();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('The offer is published. Matching will now consider it.').waitFor();
    await capture('offer-published');

    // The matches of this offer, reached from the offer's page and left open while the state publishes its need.
    await page.getByRole('link', { name: 'Matches of this offer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Matches of my offers' }).waitFor();
    await page.waitForURL(/\/offer-matches\?offer=/);
    // The offer chosen in the list's own filter, once the donor's offers are read.
    await page.getByLabel('Offer', { exact: true }).locator('option:checked', { hasText: OFFER.title }).waitFor({ state: 'attached' });
    // Publishing already matched the offer with the demo's open needs in Western Africa.
    await page.getByRole('heading', { level: 2, name: /^\d+ match(es)?$/ }).waitFor();
    await capture('offer-matches');

    const needTitle = `Stockpile security training for the Nigeria Police Force ${Date.now().toString(36)}`;
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${needTitle}`) }) });
    const published = await publishNeed(needTitle);
    let live = true;
    try {
      await card.waitFor({ timeout: 30_000 });
    } catch {
      // Without live updates the match is there once the page is read again.
      live = false;
      await page.reload();
      await card.waitFor({ timeout: 30_000 });
    }
    const arrivedAfterMs = Date.now() - published;
    process.stdout.write(
      `match row ${live ? 'appeared live' : 'appeared only after a reload'}, ${arrivedAfterMs} ms after publishNeed answered\n`,
    );
    expect(live).toBe(true);
    // Why it fits, in the reader's words: the themes, how the country qualifies, how much of the gap, the facts that counted.
    for (const reason of [
      `Covers 1 of 1 theme: ${OFFER.theme}`,
      `Eligible: part of ${OFFER.region}, an area the offer names`,
      'Can fund all of the $150,000 still unfunded',
      'Also: part of a national action plan',
    ]) {
      await card.getByText(reason, { exact: true }).waitFor();
    }
    await capture('offer-matches-live');

    await card.getByRole('button', { name: /^Express interest/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `You expressed interest in ${needTitle} for your offer ${OFFER.title}.` })
      .waitFor();
    await card.getByText('Donor interested', { exact: true }).waitFor();
    await capture('offer-matches-interest');

    // Browse the published needs, narrowed to the offer's theme and region, and open the new one.
    await mainNav().getByRole('link', { name: 'Browse needs', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Browse needs' }).waitFor();
    await page.getByRole('table').waitFor();
    await capture('browse');
    const filters = page.getByRole('search', { name: 'Filter and sort needs' });
    await filters.getByLabel('Theme').selectOption(OFFER.themeCode);
    await filters.getByLabel('Sort by').selectOption({ label: 'Newest first' });
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/theme=STOCKPILE_MANAGEMENT/);
    const needLink = page.getByRole('table').getByRole('link', { name: needTitle });
    await needLink.waitFor();
    await capture('browse-filtered');
    await needLink.click();
    await page.getByRole('heading', { level: 1, name: needTitle }).waitFor();
    await page.getByRole('heading', { name: 'Matches with your offers' }).waitFor();
    await page.getByText(OFFER.title).first().waitFor();
    await capture('browse-need');

    await inArabic();
    // The need's page, in Arabic, says why the donor's offer fits in Arabic too.
    const fits = page.getByRole('listitem').filter({ hasText: OFFER.title });
    for (const reason of [
      // The counts are numbers, which are not isolated; the theme's label is.
      messageWith('ar', 'matches.reasons.themes', { themes: OFFER.themeInArabic }).replace('{covered}', '1').replace('{total}', '1'),
      messageWith('ar', 'matches.reasons.eligibleArea', { place: 'غرب أفريقيا' }),
      messageWith('ar', 'matches.reasons.facts', { facts: message('ar', 'matches.fact.NATIONAL_ACTION_PLAN') }),
    ]) {
      await fits.getByText(reason, { exact: true }).waitFor();
    }
  });

  /** Files and publishes Nigeria's need through the API as its focal point would; returns when publishing was answered. */
  async function publishNeed(title: string): Promise<number> {
    await publishNigeriasNeed(harness.service, {
      title,
      description:
        'Train 40 police armourers in the physical security of stockpiles and secure the armouries where seized weapons are held.',
      themeCodes: [OFFER.themeCode],
      assistanceTypes: ['TRAINING'],
      estimatedBudgetUsd: 150000,
      nationalActionPlan: true,
    });
    return Date.now();
  }
});
