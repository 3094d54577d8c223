import { expect } from '@jest/globals';
import { chooseLanguage, expectLanguage, LANGUAGES, message, messageIdsShown, signIn, whenGone } from './support/console';
import { useBrowserHarness } from './support/harness';
import { demoEmail } from './support/service';

describe('the state’s pages in all six languages', () => {
  const harness = useBrowserHarness();

  it.each(LANGUAGES)('shows every page of the state in %s, with no message missing', async (lang) => {
    const { service } = harness;
    const token = await service.login(demoEmail('state.nga'));
    // A need of the state's own, with the pages a state opens from it.
    const needs = await service.gql<{ needs: { edges: { node: { id: string; status: string } }[] } }>(
      'query { needs(first: 50) { edges { node { id status } } } }',
      {},
      token,
    );
    const published = needs.data?.needs.edges.map(({ node }) => node).find((need) => need.status !== 'DRAFT');
    if (!published) throw new Error(`the demo state has no published need: ${JSON.stringify(needs)}`);

    const page = await harness.open();
    await page.goto(`${service.origin}/sign-in`);
    await chooseLanguage(page, lang);
    await signIn(page, service.origin, demoEmail('state.nga'), lang);

    const pages = [
      '/needs',
      '/needs/new',
      '/reports/import',
      `/needs/${published.id}`,
      `/needs/${published.id}/matches`,
      '/pairings',
      '/money',
      '/downloads',
    ];
    for (const path of pages) {
      await page.goto(`${service.origin}${path}`);
      await expectLanguage(page, lang);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await whenGone(page.getByRole('status').filter({ hasText: message(lang, 'common.loading') }));
      expect({ path, missing: await messageIdsShown(page) }).toEqual({ path, missing: [] });
      await expect(page.getByRole('button', { name: message(lang, 'shell.signOut') }).count()).resolves.toBe(1);
    }
  });
});
