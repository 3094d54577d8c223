import { compendiumHtml } from './compendium-html';
import { buildCompendium, CompendiumNeedRow } from './compendium-model';
import { needsCounted } from './compendium-texts';

const row = (overrides: Partial<CompendiumNeedRow>): CompendiumNeedRow => ({
  title: 'Marking machines for the national police',
  description: 'Two marking machines and training for their operators.',
  countryIso3: 'NGA',
  estimatedBudgetUsd: 100000,
  gapUsd: 60000,
  themeCodes: ['MARKING'],
  sourceExcerpt: null,
  ...overrides,
});
const AT = new Date('2026-12-05T10:00:00Z');

describe('the compendium', () => {
  it('groups needs by region, then by their first theme in the taxonomy, each need once, with totals', () => {
    const compendium = buildCompendium(
      [
        row({ title: 'Nigeria marking' }),
        row({
          title: 'Ghana gender and marking',
          countryIso3: 'GHA',
          themeCodes: ['GENDER', 'MARKING'],
          estimatedBudgetUsd: 50000,
          gapUsd: 50000,
        }),
        row({ title: 'Peru stockpiles', countryIso3: 'PER', themeCodes: ['STOCKPILE_MANAGEMENT'], estimatedBudgetUsd: 70000, gapUsd: 0 }),
      ],
      'en',
      AT,
    );
    expect(compendium.regions.map((region) => [region.heading, region.needCount, region.budget, region.gap])).toEqual([
      ['Africa', 2, '$150,000', '$110,000'],
      ['Americas', 1, '$70,000', '$0'],
    ]);
    const africa = compendium.regions[0];
    expect(africa.themes.map((theme) => theme.needs.map((need) => need.title))).toEqual([['Ghana gender and marking', 'Nigeria marking']]);
    expect(africa.themes[0].needs[0]).toMatchObject({ country: 'Ghana', budget: '$50,000', gap: '$50,000' });
    expect(compendium).toMatchObject({
      needCount: 3,
      budget: '$220,000',
      gap: '$110,000',
      dir: 'ltr',
      generated: 'Generated on December 5, 2026 from the current poa-match data.',
    });
  });

  it('speaks the language asked for: UN Chinese country names, regions, themes and amounts', () => {
    const compendium = buildCompendium([row({})], 'zh', AT);
    expect(compendium.texts.title).toBe('需求与资源的匹配');
    expect(compendium.regions[0].heading).toBe('非洲');
    expect(compendium.regions[0].themes[0].needs[0].country).toBe('尼日利亚');
    expect(compendium.regions[0].themes[0].needs[0].themes[0]).toMatch(/标识|标记/);
  });

  it('is right to left in Arabic, and escapes what users wrote', () => {
    const html = compendiumHtml(buildCompendium([row({ title: '<script>alert(1)</script>', sourceExcerpt: '"quoted" & more' })], 'ar', AT));
    expect(html).toContain('<html lang="ar" dir="rtl">');
    // What users wrote runs the way of its own first letter; the currency code stays whole beside the figure.
    expect(html).toContain('<h4 dir="auto">');
    expect(html).toMatch(/<bdi>[^<]*\u2066US\$\u2069<\/bdi>/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('&#34;quoted&#34; &#38; more');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('counts needs in the plural form each language gives the count', () => {
    expect([1, 2].map((count) => needsCounted('en', count))).toEqual(['1 need', '2 needs']);
    expect([1, 3, 5].map((count) => needsCounted('ru', count))).toEqual(['1 потребность', '3 потребности', '5 потребностей']);
    expect([1, 2, 3, 11, 100].map((count) => needsCounted('ar', count))).toEqual([
      '1 احتياج',
      '2 احتياجان',
      '3 احتياجات',
      '11 احتياجًا',
      '100 احتياج',
    ]);
    expect(needsCounted('zh', 2)).toBe('2 项需求');
  });

  it('says so when nothing is published', () => {
    expect(compendiumHtml(buildCompendium([], 'fr', AT))).toContain('Aucun besoin publié');
  });
});
