import { expect } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { signIn, whenGone, message } from './support/console';
import { useBrowserHarness } from './support/harness';
import { journeyPages } from './support/journey';
import { demoEmail } from './support/service';
import { eventually } from '../support/matching-helpers';

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main sections' });

async function openSection(page: Page, link: string, heading: string | RegExp): Promise<void> {
  await mainNav(page).getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await whenGone(page.getByRole('status').filter({ hasText: message('en', 'common.loading') }));
}

/** Whether the element has the keyboard focus. */
const hasFocus = (locator: Locator) =>
  locator.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);

/** The first proposed match of the queue whose approval panel offers a form (not a blocker), opened. */
async function openFirstApprovable(page: Page): Promise<{ button: Locator; panel: Locator; name: string }> {
  const buttons = page.getByRole('button', { name: /^Approve / });
  const count = await buttons.count();
  for (let index = 0; index < count; index++) {
    const button = buttons.nth(index);
    const name = ((await button.textContent()) ?? '').trim();
    await button.click();
    const panel = page.getByRole('form', { name: /^Approve this match: / });
    if (await panel.isVisible()) return { button, panel, name };
    await page.getByRole('region', { name: 'Approve this match' }).getByRole('button', { name: 'Cancel' }).click();
  }
  throw new Error('no proposed match in the queue can be approved');
}

/** An amount within the hint's bounds, rounded to a thousand, so the approval is not simply the filled-in maximum. */
async function chooseAmount(panel: Locator): Promise<number> {
  const field = panel.getByLabel('Amount to allocate, in US dollars');
  const hint = (await panel.getByText(/^Any whole amount from/).textContent()) ?? '';
  const [min, max] = [...hint.matchAll(/([\d,]+)/g)].map((found) => Number(found[1].replace(/,/g, '')));
  const halfway = Math.floor((min + max) / 2 / 1000) * 1000;
  const amount = halfway >= min && halfway <= max ? halfway : max;
  await field.fill(String(amount));
  return amount;
}

/**
 * The Secretariat, end to end: decide on matches in the queue (approve with an amount, reject with
 * a reason, two consoles deciding on the same match), propose and apply an allocation plan, read the
 * coverage, start a matching run and look at the follow-up; then an ADMIN's account and donor pages.
 * Every page is checked with axe and photographed in English, then again in Arabic.
 */
describe('the Secretariat’s journey', () => {
  const harness = useBrowserHarness();

  /** A Secretariat console signed in, on the queue's proposed matches. */
  async function inTheQueue() {
    const page = await harness.open();
    await signIn(page, harness.service.origin, demoEmail('secretariat'));
    await openSection(page, 'Match queue', 'Match queue');
    await page.getByRole('heading', { level: 2, name: /^Proposed: \d+ match(es)?$/ }).waitFor();
    return { page, ...journeyPages(harness, page) };
  }

  it('keeps the queue live while a decision panel is open, with the panel and what was typed in it; the status tabs are a tablist', async () => {
    const { service } = harness;
    const { page, capture, inArabic } = await inTheQueue();
    const token = await service.login(demoEmail('secretariat'));

    // The tabs as the Secretariat names them, each with its count; only the selected one is in the Tab order.
    const tablist = page.getByRole('tablist', { name: 'Matches by status' });
    const tab = (name: string) => tablist.getByRole('tab', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
    await tab('Rejected').waitFor();
    expect((await tablist.getByRole('tab').allTextContents()).map((name) => name.replace(/ \(\d+\)$/, ''))).toEqual([
      'Proposed',
      'Interested',
      'Approved',
      'Confirmed',
      'Declined',
      'Rejected',
    ]);
    expect(await tab('Proposed').getAttribute('aria-selected')).toBe('true');
    expect(await tablist.locator('[tabindex="0"]').count()).toBe(1);
    await page.getByRole('tabpanel', { name: /^Proposed/ }).waitFor();
    const focused = (name: string) => hasFocus(tab(name));
    const pressOn = async (key: string, status: string, name: string) => {
      await page.keyboard.press(key);
      await page.waitForURL(new RegExp(`status=${status}`));
      await page.getByRole('heading', { level: 2, name: new RegExp(`^${name}: \\d+ match(es)?$`) }).waitFor();
      expect(await tab(name).getAttribute('aria-selected')).toBe('true');
      expect(await focused(name)).toBe(true);
    };
    await tab('Proposed').focus();
    await pressOn('ArrowRight', 'DONOR_INTERESTED', 'Interested');
    await pressOn('End', 'REJECTED', 'Rejected');
    await pressOn('ArrowRight', 'PROPOSED', 'Proposed');
    await pressOn('ArrowLeft', 'REJECTED', 'Rejected');
    await pressOn('Home', 'PROPOSED', 'Proposed');
    await capture('queue-tabs');

    // An approval under way: an amount typed and a note.
    const approving = await openFirstApprovable(page);
    const amount = await chooseAmount(approving.panel);
    const note = 'Pending the donor’s call on Thursday.';
    await approving.panel.getByLabel('Note (optional)').fill(note);
    const openId = (await page.locator('section.queue-panel').getAttribute('id'))!.replace(/^queue-panel-/, '');

    // Meanwhile another match is rejected through the API: the list and the counts follow, the panel stays as it was.
    type Listed = { matches: { totalCount: number; edges: { node: { id: string; version: number } }[] } };
    const proposedNow = async () =>
      (
        await service.gql<Listed>(
          'query { matches(filter: { status: [PROPOSED] }, first: 20) { totalCount edges { node { id version } } } }',
          {},
          token,
        )
      ).data!.matches;
    const proposedHeading = (count: number) => page.getByRole('heading', { level: 2, name: new RegExp(`^Proposed: ${count} match(es)?$`) });
    // A decision is followed by the worker's rescoring, which may retire further proposals a moment
    // later: the API's count is read again until the page shows it.
    const showsProposedCount = () =>
      eventually(
        async () => ((await proposedHeading((await proposedNow()).totalCount).isVisible()) ? true : undefined),
        30_000,
        'the Proposed heading to show the count the API gives',
      );
    const { edges } = await proposedNow();
    const rejectedBefore = Number(/\((\d+)\)$/.exec((await tab('Rejected').textContent()) ?? '')![1]);
    const another = edges.map((edge) => edge.node).find((match) => match.id !== openId)!;
    const reject =
      'mutation($id: ID!, $version: Int!) { rejectMatch(id: $id, expectedVersion: $version, reason: "Outside the donor’s current priorities.") { id } }';
    expect((await service.gql(reject, { id: another.id, version: another.version }, token)).errors).toBeUndefined();
    await showsProposedCount();
    await tablist.getByRole('tab', { name: `Rejected (${rejectedBefore + 1})` }).waitFor();
    expect(await approving.panel.getByLabel('Amount to allocate, in US dollars').inputValue()).toBe(String(amount));
    expect(await approving.panel.getByLabel('Note (optional)').inputValue()).toBe(note);

    // Then the open match itself is approved elsewhere: it leaves the tab's list but stays on the page with its panel, which says where it went.
    const version = (
      await service.gql<{ match: { version: number } }>('query($id: ID!) { match(id: $id) { version } }', { id: openId }, token)
    ).data!.match.version;
    const approve =
      'mutation($id: ID!, $amount: Int!, $version: Int!) { approveMatch(id: $id, allocatedUsd: $amount, expectedVersion: $version) { id } }';
    expect((await service.gql(approve, { id: openId, amount, version }, token)).errors).toBeUndefined();
    // Approving may also retire other proposals of the need or the offer: the count is the API's.
    await showsProposedCount();
    const region = page.getByRole('region', { name: 'Approve this match' });
    await region.getByText('While this panel was open, the match moved to Approved. It stays here until you close the panel.').waitFor();
    await region.getByText('This match can no longer be approved: it is Approved.').waitFor();
    await harness.capture(page, 'en', 'queue-panel-moved');
    await region.getByRole('button', { name: 'Cancel' }).click();
    await whenGone(region);
    expect(await hasFocus(page.getByRole('heading', { level: 2, name: /^Proposed: / }))).toBe(true);

    await inArabic();
    // Right to left the arrows are mirrored: the left arrow leads to the next tab.
    const arabicTabs = page.getByRole('tablist', { name: message('ar', 'match-queue.tabs.label') });
    await arabicTabs.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(/status=DONOR_INTERESTED/);
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/status=PROPOSED/);
    // And the panel of a match rejected elsewhere while it is open, in Arabic.
    await page
      .getByRole('button', { name: new RegExp(`^${message('ar', 'match-queue.approve.open')} `) })
      .first()
      .click();
    const arabicPanel = page.locator('section.queue-panel');
    const arabicId = (await arabicPanel.getAttribute('id'))!.replace(/^queue-panel-/, '');
    const arabicVersion = (
      await service.gql<{ match: { version: number } }>('query($id: ID!) { match(id: $id) { version } }', { id: arabicId }, token)
    ).data!.match.version;
    expect((await service.gql(reject, { id: arabicId, version: arabicVersion }, token)).errors).toBeUndefined();
    await arabicPanel.getByRole('status').filter({ hasText: /«/ }).waitFor();
    await harness.capture(page, 'ar', 'queue-panel-moved');
  });

  it('acts for a donor: picks it, reads the matches of its offers and of one offer, and its pairings', async () => {
    // A pairing to find: a match approved in the queue, its donor and offer noted.
    const { page, capture, inArabic } = await inTheQueue();
    const approving = await openFirstApprovable(page);
    const card = page.locator('li.match-card').filter({ has: approving.panel });
    const [offerTitle, donor] = (await card.locator('dl').first().locator('dd').allTextContents()).slice(0, 2);
    await chooseAmount(approving.panel);
    await approving.panel.getByRole('button', { name: 'Approve match' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Match approved: / })
      .waitFor();

    // The matches of the donor's offers: nothing until a donor is chosen, then the donor's, without "Express interest" (the donor's own word).
    await openSection(page, "Donors' matches", "Matches of a donor's offers");
    await page.getByText('Choose a donor to see the matches of its offers.').waitFor();
    await capture('donor-matches-choose');
    await page.getByLabel('Donor', { exact: true }).selectOption({ label: donor });
    await page.waitForURL(/donor=/);
    await page.getByRole('heading', { level: 1, name: `Matches of the offers of ${donor}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^\d+ match(es)?$/ }).waitFor();
    expect(await page.getByRole('button', { name: /^Express interest/ }).count()).toBe(0);
    await capture('donor-matches');
    await page.getByLabel('Offer', { exact: true }).selectOption({ label: offerTitle });
    await page.waitForURL(/donor=.*&offer=/);
    await page.getByRole('heading', { level: 2, name: /^\d+ match(es)?$/ }).waitFor();
    await whenGone(page.locator('li.match-card dl dd:first-of-type').filter({ hasNotText: offerTitle }));
    expect(new Set(await page.locator('li.match-card dl dd:first-of-type').allTextContents())).toEqual(new Set([offerTitle]));
    await capture('donor-matches-offer');

    // The donor's pairings, the one just approved among them.
    await openSection(page, "Donors' pairings", "A donor's pairings");
    await page.getByText('Choose a donor to see its pairings.').waitFor();
    await page.getByLabel('Donor', { exact: true }).selectOption({ label: donor });
    await page.getByRole('heading', { level: 1, name: `Pairings of ${donor}` }).waitFor();
    const offerLink = page.getByRole('table').getByRole('link', { name: offerTitle }).first();
    await offerLink.waitFor();
    await capture('donor-pairings');

    // The offer's own page leads to the matches of that offer, for that donor.
    await offerLink.click();
    await page.getByRole('link', { name: 'Matches of this offer' }).click();
    await page.waitForURL(/\/offer-matches\?donor=[^&]+&offer=/);
    await page.getByRole('heading', { level: 1, name: `Matches of the offers of ${donor}` }).waitFor();
    // The offer chosen in the list's own filter, once the donor's offers are read.
    await page.getByLabel('Offer', { exact: true }).locator('option:checked', { hasText: offerTitle }).waitFor({ state: 'attached' });

    await inArabic();
  });

  it('approves with an amount, rejects with a reason, loses a race explained, applies a plan, reads coverage, runs matching and follows up', async () => {
    const { page, capture, inArabic } = await inTheQueue();
    const origin = harness.service.origin;
    await capture('queue');

    // Approve with an amount chosen within the limits the panel states.
    const approving = await openFirstApprovable(page);
    await capture('queue-approve-panel');
    const amount = await chooseAmount(approving.panel);
    await approving.panel.getByLabel('Note (optional)').fill('Approved at the quarterly review.');
    await approving.panel.getByRole('button', { name: 'Approve match' }).click();
    const approvedNotice = page.getByRole('status').filter({ hasText: /^Match approved: / });
    await approvedNotice.waitFor();
    expect(await approvedNotice.textContent()).toContain(amount.toLocaleString('en-US'));
    await capture('queue-approved');

    // Reject another with a reason.
    await page
      .getByRole('button', { name: /^Reject / })
      .first()
      .click();
    const rejecting = page.getByRole('form', { name: /^Reject this match: / });
    await rejecting
      .getByLabel('Reason for rejecting')
      .fill('The offer’s courses do not cover the ammunition management the need asks for.');
    await capture('queue-reject-panel');
    await rejecting.getByRole('button', { name: 'Reject match' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Match rejected: / })
      .waitFor();

    // Two consoles open the same match and both approve: one wins, the other is told why not.
    const other = await harness.open();
    await signIn(other, origin, demoEmail('secretariat'));
    await other.goto(`${origin}/queue`);
    await other.getByRole('heading', { level: 2, name: /^Proposed: \d+ match(es)?$/ }).waitFor();
    const first = await openFirstApprovable(page);
    const contested = first.name.replace(/^Approve /, '');
    await other.getByRole('button', { name: `Approve ${contested}`, exact: true }).click();
    const otherPanel = other.getByRole('form', { name: `Approve this match: ${contested}` });
    await otherPanel.waitFor();
    await Promise.all([
      first.panel.getByRole('button', { name: 'Approve match' }).click(),
      otherPanel.getByRole('button', { name: 'Approve match' }).click(),
    ]);
    const outcome = async (p: Page) => {
      const won = p.getByRole('status').filter({ hasText: /^Match approved: / });
      const lost = p.getByRole('alert').filter({ hasText: 'Someone else decided on this match first' });
      await won.or(lost).first().waitFor();
      return (await lost.count()) > 0 ? 'lost' : 'won';
    };
    const outcomes = await Promise.all([outcome(page), outcome(other)]);
    expect([...outcomes].sort()).toEqual(['lost', 'won']);
    const loser = outcomes[0] === 'lost' ? page : other;
    await loser.getByRole('alert').filter({ hasText: 'The match is now Approved.' }).waitFor();
    await harness.capture(loser, 'en', 'queue-conflict');
    await other.context().close();

    // Propose an allocation plan and apply it.
    await openSection(page, 'Allocation plans', 'Allocation plans');
    await capture('allocation');
    await page.getByRole('button', { name: 'Propose a plan' }).click();
    await page.waitForURL(/\/allocation\/[^/]+$/);
    await page.getByText(/^The plan (is ready to review|could not be made)/).waitFor({ timeout: 90_000 });
    await page.getByText('The plan is ready to review. Nothing has been approved yet.').waitFor();
    await capture('allocation-plan');
    const apply = page.getByRole('button', { name: 'Apply the plan' });
    if (await apply.isVisible()) {
      await apply.click();
      await page.getByRole('heading', { name: 'Check before you apply' }).waitFor();
      await page.getByRole('button', { name: 'Approve all pairings' }).click();
      await page.getByText('The plan has been applied: its pairings are approved.').waitFor();
      await capture('allocation-applied');
    } else {
      process.stdout.write('the allocation plan funds no pair after the earlier approvals: nothing to apply\n');
      await page.getByText('The plan funds no pair, so there is nothing to apply.').waitFor();
    }

    // Coverage: both charts come with their data tables.
    await openSection(page, 'Coverage', 'Coverage of needs');
    for (const table of ['Figures by region', 'Figures by theme']) {
      const rows = page.getByRole('table', { name: table }).getByRole('row');
      await rows.first().waitFor();
      expect(await rows.count()).toBeGreaterThan(1);
    }
    await page.getByRole('heading', { level: 2, name: 'By region' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'By theme' }).waitFor();
    await capture('coverage');

    // A full matching run, followed until it finishes.
    await openSection(page, 'Matching runs', 'Matching runs');
    await capture('runs');
    await page.getByRole('button', { name: 'Start the run' }).click();
    await page.waitForURL(/\/runs\/[^/]+$/);
    await page.getByText(/^The run has finished: /).waitFor({ timeout: 120_000 });
    await capture('run');

    await openSection(page, 'Follow-up', 'Follow-up');
    await page.getByRole('heading', { level: 2, name: 'Job queue' }).waitFor();
    await capture('follow-up');

    await inArabic();
  });

  it('lets an ADMIN see the accounts and the donors', async () => {
    const page = await harness.open();
    const { capture, inArabic } = journeyPages(harness, page);
    await signIn(page, harness.service.origin, demoEmail('admin'));

    await openSection(page, 'Accounts', 'Accounts');
    const accounts = page.getByRole('table', { name: /accounts?, by e-mail address$/ });
    await accounts.getByRole('rowheader', { name: demoEmail('admin') }).waitFor();
    await capture('admin-accounts');

    await openSection(page, 'Donors', 'Donors');
    const donors = page.getByRole('table', { name: /donors?, by name$/ });
    expect(await donors.getByRole('row').count()).toBeGreaterThan(1);
    await capture('admin-donors');

    await inArabic();
  });
});
