import { expect } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { signIn } from './support/console';
import { useBrowserHarness } from './support/harness';
import { demoEmail } from './support/service';

const STATE = demoEmail('state.nga');

/** The texts that describe a field to a screen reader (its hint and its error), by aria-describedby. */
async function descriptionOf(page: Page, field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join('\n');
}

describe('what the reader is told when something is refused', () => {
  const harness = useBrowserHarness();

  it.each([
    [
      'an image',
      { name: 'photo-of-the-report.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') },
      'The file must be a PDF, a Word (.docx) document or a text (.txt) file',
    ],
    [
      'an empty text file',
      { name: 'report.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
      'The document is empty: it contains no text',
    ],
  ])('refuses %s, next to the file field and in the summary', async (kind, file, refusal) => {
    const page = await harness.open();
    await signIn(page, harness.service.origin, STATE);
    await page.goto(`${harness.service.origin}/reports/import`);
    await page.getByRole('radio', { name: 'Upload a file' }).check();
    const fileField = page.getByLabel('Report file');
    await fileField.setInputFiles(file);
    await page.getByLabel('Year of the report').fill('2024');
    await page.getByRole('radio', { name: 'Programme of Action (PoA)' }).check();
    await page.getByRole('button', { name: 'Import the report' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: refusal }).waitFor();
    await expect(summary.getByRole('link', { name: refusal }).getAttribute('href')).resolves.toBe('#report-file');
    await expect(fileField.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(descriptionOf(page, fileField)).resolves.toContain(refusal);
    await harness.capture(page, 'en', `report-import-refused-${kind.replace(/\W+/g, '-')}`);
  });

  it('shows a version conflict when someone else saved the need first, and reloads their version', async () => {
    const { service } = harness;
    const token = await service.login(STATE);
    const created = await service.gql<{ createNeed: { id: string; version: number } }>(
      'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id version } }',
      {
        input: {
          title: 'Marking machines for the national police',
          description: 'Two marking machines and training for the armourers who will use them.',
          themeCodes: ['MARKING'],
          assistanceTypes: ['EQUIPMENT', 'TRAINING'],
          estimatedBudgetUsd: 90000,
        },
      },
      token,
    );
    expect(created.errors).toBeUndefined();
    const need = created.data!.createNeed;

    const page = await harness.open();
    await signIn(page, service.origin, STATE);
    await page.goto(`${service.origin}/needs/${need.id}`);
    await page.getByRole('heading', { level: 1, name: 'Review a draft need' }).waitFor();
    const title = page.getByLabel('Title', { exact: true });
    await title.fill('Marking machines and training for the police');

    // Meanwhile a colleague saves another title.
    const theirs = await service.gql(
      'mutation($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { version } }',
      { id: need.id, input: { title: 'Marking machines for the police and customs' } },
      token,
    );
    expect(theirs.errors).toBeUndefined();

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Someone else saved this need first' }) });
    await conflict.waitFor();
    const differences = conflict.getByRole('table', { name: 'Fields that differ' });
    const titleRow = differences.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Title' }) });
    await expect(titleRow.innerText()).resolves.toContain('Marking machines for the police and customs');
    await expect(titleRow.innerText()).resolves.toContain('Marking machines and training for the police');
    await harness.capture(page, 'en', 'need-conflict');

    await conflict.getByRole('button', { name: 'Reload' }).click();
    await expect(title.inputValue()).resolves.toBe('Marking machines for the police and customs');
    await conflict.getByText('Their version is now in the form.', { exact: false }).waitFor();
    // Saving on their version now goes through.
    await title.fill('Marking machines for the police and customs service');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Your changes were saved.' }).waitFor();
    const stored = await service.gql<{ need: { title: string } }>('query($id: ID!) { need(id: $id) { title } }', { id: need.id }, token);
    expect(stored.data?.need.title).toBe('Marking machines for the police and customs service');
  });
});
