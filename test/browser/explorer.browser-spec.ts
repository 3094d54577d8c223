import { expect } from '@jest/globals';
import { signIn } from './support/console';
import { useBrowserHarness } from './support/harness';
import { demoEmail } from './support/service';

describe('the GraphQL explorer at /explorer', () => {
  const harness = useBrowserHarness();

  it('works from the service alone and runs a query with the console’s session', async () => {
    const { service } = harness;
    const page = await harness.open();
    // In production only the Secretariat (and ADMIN) may read the schema, which the explorer asks for on load.
    await signIn(page, service.origin, demoEmail('secretariat'));
    const session = JSON.parse(await page.evaluate<string>(`localStorage.getItem('poa-match.session')`)) as { accessToken: string };

    await page.goto(`${service.origin}/explorer`);
    const operation = page.getByRole('region', { name: 'Operation Editor' });
    await operation.getByRole('textbox').waitFor();
    await expect(page.getByRole('region', { name: 'Headers' }).innerText()).resolves.toContain('secretariat@demo.poa-match.local');
    await harness.screenshot(page, 'en', 'explorer');

    // Monaco's text area sits under its rendered lines: focus it as the keyboard would.
    await operation.getByRole('textbox').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{ themes { code } }');
    const sent = page.waitForRequest(
      (request) => request.url() === `${service.origin}/graphql` && (request.postData() ?? '').includes('themes'),
    );
    await page.getByRole('button', { name: 'Execute query (Ctrl-Enter)' }).click();
    const request = await sent;
    expect(request.headers().authorization).toBe(`Bearer ${session.accessToken}`);
    expect(JSON.parse(request.postData()!).query.replace(/\s+/g, ' ').trim()).toBe('{ themes { code } }');
    const response = await request.response();
    expect(response?.status()).toBe(200);
    const result = (await response!.json()) as { data?: { themes: { code: string }[] } };
    expect(result.data?.themes.map((theme) => theme.code)).toContain('STOCKPILE_MANAGEMENT');
    await page.getByRole('region', { name: 'Result Window' }).getByText('STOCKPILE_MANAGEMENT').first().waitFor();
    await harness.screenshot(page, 'en', 'explorer-result');
  });
});
