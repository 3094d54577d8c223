import { createHash } from 'node:crypto';
import { readPdfText } from '../src/reports/extraction/pdf-text-reader';
import { Account, contractOperation, dataOf, needInput, stateAccount } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** A title as an Arabic-speaking state writes it, with an acronym and a year in it. */
const ARABIC_TITLE = 'تدريب موظفي الجمارك على وسم الأسلحة وفق ITI في 2026';

describe('the compendium: published public needs as printable HTML and PDF', () => {
  let t: TestApp;
  let base: string;
  let nigeria: Account;

  async function need(state: Account, overrides: Record<string, unknown>, publish = true): Promise<void> {
    const { createNeed } = dataOf(await t.gql(contractOperation('CreateNeed'), { input: needInput(overrides) }, state.token));
    if (publish) dataOf(await t.gql(contractOperation('PublishNeed'), { id: createNeed.id }, state.token));
  }

  const error = async (response: Response) => ((await response.json()) as { error: { code: string; fields?: { field: string }[] } }).error;

  beforeAll(async () => {
    t = await startTestApp();
    base = t.url.replace(/\/graphql$/, '');
    nigeria = await stateAccount(t, 'NGA');
    const peru = await stateAccount(t, 'PER');
    await need(nigeria, {
      title: 'Marking machines for the police',
      visibility: 'PUBLIC',
      estimatedBudgetUsd: 120000,
      themeCodes: ['MARKING'],
    });
    await need(peru, { title: '国家武器库存管理培训', visibility: 'PUBLIC', estimatedBudgetUsd: 80000 });
    await need(await stateAccount(t, 'IRQ'), { title: ARABIC_TITLE, visibility: 'PUBLIC', estimatedBudgetUsd: 90000 });
    await need(nigeria, { title: 'Donors-only border project', visibility: 'DONORS' });
    await need(nigeria, { title: 'Unpublished draft', visibility: 'PUBLIC' }, false);
  });
  afterAll(() => t.close());

  it('holds every published PUBLIC need, grouped by region, and nothing else, for anyone', async () => {
    const response = await fetch(`${base}/compendium`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('Marking machines for the police');
    expect(html).toContain('国家武器库存管理培训');
    expect(html).toMatch(/<h2 id="region-002">Africa<\/h2>[\s\S]*<h2 id="region-019">Americas<\/h2>/);
    expect(html).toContain('$120,000');
    expect(html).not.toContain('Donors-only border project');
    expect(html).not.toContain('Unpublished draft');
  });

  it('is styled under a policy that allows its own style sheet and nothing else', async () => {
    const response = await fetch(`${base}/compendium?lang=ar`);
    const [, style] = /<style>([\s\S]*?)<\/style>/.exec(await response.text()) ?? [];
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
  });

  it('comes in the six languages, Arabic right to left', async () => {
    const chinese = await (await fetch(`${base}/compendium?lang=zh`)).text();
    expect(chinese).toContain('需求与资源的匹配');
    expect(chinese).toContain('尼日利亚');
    const arabic = await (await fetch(`${base}/compendium?lang=ar`)).text();
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain('المواءمة بين الاحتياجات والموارد');
    const refused = await fetch(`${base}/compendium?lang=de`);
    expect(refused.status).toBe(400);
    expect((await error(refused)).fields?.map((problem) => problem.field)).toEqual(['lang']);
  });

  it('is a PDF whose text a reader can search, in English and in Chinese', async () => {
    for (const [lang, title] of [
      ['en', 'Matching needs and resources'],
      ['zh', '需求与资源的匹配'],
    ]) {
      const response = await fetch(`${base}/compendium.pdf?lang=${lang}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      // Read as report imports read PDFs: pdf-parse, in a worker thread.
      const read = await readPdfText(Buffer.from(await response.arrayBuffer()));
      if (read.outcome !== 'TEXT') throw new Error(`The PDF could not be read: ${JSON.stringify(read)}`);
      const { text } = read;
      expect(text).toContain(title);
      expect(text).toContain('Marking machines for the police');
      expect(text).toContain('国家武器库存管理培训');
      expect(text).not.toContain('Donors-only border project');
    }
  });

  it('sets Arabic titles in its English and Chinese editions in an Arabic face, the Latin parts of their lines in the order seen', async () => {
    for (const lang of ['en', 'zh']) {
      const pdf = Buffer.from(await (await fetch(`${base}/compendium.pdf?lang=${lang}`)).arrayBuffer());
      expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansArabic-Bold/);
      const read = await readPdfText(pdf);
      if (read.outcome !== 'TEXT') throw new Error(`The PDF could not be read: ${JSON.stringify(read)}`);
      // Read from the left, the year written last stands first and the acronym next, as a browser shows the title.
      expect(read.text).toMatch(/^2026\s.*\sITI\s/m);
    }
  });

  it('is a PDF in Arabic too', async () => {
    const response = await fetch(`${base}/compendium.pdf?lang=ar`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const read = await readPdfText(Buffer.from(await response.arrayBuffer()));
    if (read.outcome !== 'TEXT') throw new Error(`The PDF could not be read: ${JSON.stringify(read)}`);
    // Latin and Chinese titles keep their order in the Arabic page; an Arabic title's year and acronym stand as a reader sees them.
    expect(read.text).toContain('Marking machines for the police');
    expect(read.text).toContain('国家武器库存管理培训');
    expect(read.text).toMatch(/^2026\s.*\sITI\s/m);
  });
});
