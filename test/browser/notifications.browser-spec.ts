import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { chooseLanguage, message, messageIdsShown, messageWith, signIn, whenGone, type Lang } from './support/console';
import { approveBestMatch } from './support/approvals';
import { useBrowserHarness } from './support/harness';
import { demoEmail, type Service } from './support/service';

/** The state each language's run acts for, apart so the two runs do not meet. */
const STATES: Record<'en' | 'ar', string> = { en: demoEmail('state.gha'), ar: demoEmail('state.phl') };

interface NotificationsRead {
  notifications: {
    unreadCount: number;
    edges: { node: { id: string; kind: string; title: string; body: string; matchId: string | null } }[];
  };
}

/**
 * A state's focal point hears of a pairing approved for its need while the console is open: the unread
 * count in the header changes without a reload, the notification is read and marked on its page, and a
 * preference is changed and read back. In English and in Arabic, each page checked with axe and photographed.
 */
describe('notifications in the console', () => {
  const harness = useBrowserHarness();

  it.each(['en', 'ar'] as const)(
    'brings a state its CONSENT_REQUESTED notification live, marks it read and keeps a preference (%s)',
    async (lang) => {
      const { service } = harness;
      const email = STATES[lang];
      const t = (id: string, values: Record<string, string> = {}) => messageWith(lang, id, values);
      const token = await service.login(email);
      const read = async () =>
        (
          await service.gql<NotificationsRead>(
            'query($language: String) { notifications(first: 20, language: $language) { unreadCount edges { node { id kind title body matchId } } } }',
            { language: lang },
            token,
          )
        ).data!.notifications;

      const page = await harness.open();
      await signIn(page, service.origin, email);
      if (lang !== 'en') await chooseLanguage(page, lang);
      const banner = page.getByRole('banner');
      const countIn = (count: number) => page.evaluate<string>(`new Intl.NumberFormat(${JSON.stringify(lang)}).format(${count})`);
      const notificationsLink = async (count: number) =>
        banner.getByRole('link', {
          // A number argument is formatted as the reader's locale writes numbers, not isolated as text is.
          name: count ? t('notifications.link.unread').replace('{count}', await countIn(count)) : t('notifications.link.title'),
          exact: true,
        });
      const before = (await read()).unreadCount;
      await (await notificationsLink(before)).waitFor();

      // The Secretariat approves pairings for two of the state's needs; the open console hears of each without reloading.
      await page.evaluate('window.sameDocument = true');
      const first = await approveForState(service, token, []);
      await (await notificationsLink(before + 1)).waitFor();
      const second = await approveForState(service, token, [first.needId]);
      await (await notificationsLink(before + 2)).waitFor();
      const about = async (matchId: string) => {
        const found = (await read()).edges.find(({ node }) => node.matchId === matchId && node.kind === 'CONSENT_REQUESTED')?.node;
        if (!found) throw new Error(`no CONSENT_REQUESTED notification about match ${matchId}`);
        return found;
      };
      const notification = await about(first.matchId);
      const latest = await about(second.matchId);
      await banner
        .getByRole('status')
        .filter({ hasText: t('notifications.live.added', { title: latest.title }) })
        .waitFor();
      expect(await page.evaluate('window.sameDocument')).toBe(true);

      // The page: the notification in the reader's language, newest first, with a link to the pairings it is about.
      await (await notificationsLink(before + 2)).click();
      await page.getByRole('heading', { level: 1, name: t('notifications.page.title') }).waitFor();
      // Notifications of one kind share their title; the body names the need.
      const itemOf = (shown: { body: string }) => page.getByRole('listitem').filter({ hasText: shown.body });
      const item = itemOf(notification);
      await item.getByRole('heading', { level: 3, name: notification.title }).waitFor();
      await item.getByText(t('notifications.kind.CONSENT_REQUESTED')).waitFor();
      await item.getByText(t('notifications.item.unread'), { exact: true }).waitFor();
      await item.getByRole('link', { name: t('notifications.target.pairings') }).waitFor();
      await settled(page, lang);
      await harness.capture(page, lang, 'notifications');

      await item.getByRole('button', { name: t('notifications.item.markReadFor', { title: notification.title }) }).click();
      await item.getByText(t('notifications.item.read'), { exact: true }).waitFor();
      await (await notificationsLink(before + 1)).waitFor();
      expect((await read()).unreadCount).toBe(before + 1);

      // Unread only: the one just read leaves the list; then everything shown is marked read at once.
      await page.getByLabel(t('notifications.page.unreadOnly')).check();
      await whenGone(item);
      await itemOf(latest).waitFor();
      await page.getByRole('button', { name: t('notifications.page.markAllShown') }).click();
      await page.getByText(t('notifications.page.noneUnread')).waitFor();
      await (await notificationsLink(0)).waitFor();
      expect((await read()).unreadCount).toBe(0);
      await settled(page, lang);
      await harness.capture(page, lang, 'notifications-none-unread');

      // Preferences, from the account menu: consent requests in the console only, e-mails in French; read back after a reload.
      await banner.getByRole('link', { name: t('notifications.link.preferences') }).click();
      await page.getByRole('heading', { level: 1, name: t('notifications.preferences.title') }).waitFor();
      const consent = page.getByRole('group', { name: t('notifications.kind.CONSENT_REQUESTED') });
      await consent.getByRole('radio', { name: t('notifications.preferences.delivery.app') }).check();
      await page.getByLabel(t('notifications.preferences.language')).selectOption('fr');
      await page.getByRole('button', { name: t('notifications.preferences.submit') }).click();
      await page
        .getByRole('status')
        .filter({ hasText: t('notifications.preferences.saved') })
        .waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: t('notifications.preferences.title') }).waitFor();
      await settled(page, lang);
      await expect(consent.getByRole('radio', { name: t('notifications.preferences.delivery.app') }).isChecked()).resolves.toBe(true);
      await expect(page.getByLabel(t('notifications.preferences.language')).inputValue()).resolves.toBe('fr');
      await harness.capture(page, lang, 'notification-preferences');
      const stored = await service.gql<{ notificationPreferences: { language: string; kinds: { kind: string; email: boolean }[] } }>(
        '{ notificationPreferences { language kinds { kind email } } }',
        {},
        token,
      );
      expect(stored.data?.notificationPreferences.language).toBe('fr');
      expect(stored.data?.notificationPreferences.kinds).toContainEqual({ kind: 'CONSENT_REQUESTED', email: false });
    },
  );

  it.each(['en', 'ar'] as const)(
    'offers the Secretariat its daily summary in the console or as a digest, never at once (%s)',
    async (lang) => {
      const page = await harness.open();
      await signIn(page, harness.service.origin, demoEmail('secretariat'));
      if (lang !== 'en') await chooseLanguage(page, lang);
      const banner = page.getByRole('banner');
      await banner.getByRole('link', { name: message(lang, 'notifications.link.preferences') }).click();
      await page.getByRole('heading', { level: 1, name: message(lang, 'notifications.preferences.title') }).waitFor();
      const summary = page.getByRole('group', { name: message(lang, 'notifications.kind.DAILY_SUMMARY') });
      await summary.getByText(message(lang, 'notifications.preferences.alwaysDigest')).waitFor();
      expect(await summary.getByRole('radio').count()).toBe(2);
      expect(await summary.getByRole('radio', { name: message(lang, 'notifications.preferences.delivery.immediate') }).count()).toBe(0);
      await expect(
        summary.getByRole('radio', { name: message(lang, 'notifications.preferences.delivery.digest') }).isChecked(),
      ).resolves.toBe(true);
      await settled(page, lang);
      await harness.capture(page, lang, 'notification-preferences-secretariat');

      await banner.getByRole('link', { name: new RegExp(`^${message(lang, 'notifications.link.title')}`) }).click();
      await page.getByRole('heading', { level: 1, name: message(lang, 'notifications.page.title') }).waitFor();
      await settled(page, lang);
      await harness.capture(page, lang, 'notifications-secretariat');
    },
  );

  async function settled(page: Page, lang: Lang): Promise<void> {
    await whenGone(page.getByRole('status').filter({ hasText: message(lang, 'common.loading') }));
    expect(await messageIdsShown(page)).toEqual([]);
  }
});

/** Approves a pairing for the first of the state's needs (other than `except`) that has an approvable match. */
async function approveForState(service: Service, stateToken: string, except: string[]): Promise<{ needId: string; matchId: string }> {
  const needs = await service.gql<{ needs: { edges: { node: { id: string; fundingGapUsd: number } }[] } }>(
    '{ needs(first: 50) { edges { node { id fundingGapUsd } } } }',
    {},
    stateToken,
  );
  for (const { node } of needs.data?.needs.edges ?? []) {
    if (node.fundingGapUsd <= 0 || except.includes(node.id)) continue;
    const approved = await approveBestMatch(service, node.id, node.fundingGapUsd);
    if (approved) return { needId: node.id, matchId: approved.matchId };
  }
  throw new Error(`no need of the state has a match that can be approved: ${JSON.stringify(needs)}`);
}
