import { errorCode, startTestApp, TestApp } from './support/test-app';
import { badInputFields, contractOperation, dataOf } from './support/fixtures';

const COUNTRIES = contractOperation('Countries');
const THEMES = contractOperation('Themes');

interface CountryView {
  iso3: string;
  name: string;
  nameZh: string;
  region: { code: string; name: string } | null;
  subRegion: { code: string; name: string } | null;
}

interface ThemeView {
  code: string;
  label: string;
  labelZh: string;
  parentCode: string | null;
}

/** The taxonomy of the product brief (domain.md, "Reference data"): each group and its themes. */
const TAXONOMY: Record<string, string[]> = {
  LEGAL_FRAMEWORK: ['LEGISLATION', 'NATIONAL_COORDINATION', 'BROKERING'],
  TRANSFER_CONTROL: ['TRANSFER_CONTROLS', 'BORDER_CUSTOMS'],
  WEAPONS_AMMUNITION_MANAGEMENT: [
    'STOCKPILE_MANAGEMENT',
    'AMMUNITION',
    'MARKING',
    'RECORD_KEEPING',
    'TRACING',
    'COLLECTION',
    'DESTRUCTION',
    'BASELINE_ASSESSMENT',
  ],
  LAW_ENFORCEMENT: ['CRIMINAL_JUSTICE', 'ENFORCEMENT_COOPERATION', 'ONLINE_POSTAL_CONVERSION'],
  CROSS_CUTTING: [
    'NEW_TECHNOLOGY',
    'DATA_COLLECTION',
    'GENDER',
    'YOUTH',
    'AWARENESS_EDUCATION',
    'VICTIM_ASSISTANCE',
    'DDR',
    'TRAINING',
    'REGIONAL_CAPACITY',
    'NATIONAL_REPORTING',
  ],
};

/** The Chinese terms the seed documents use, as the brief quotes them. */
const CHINESE_TERMS: Record<string, string> = {
  STOCKPILE_MANAGEMENT: '储存管理',
  MARKING: '标识',
  RECORD_KEEPING: '记录保存',
  DESTRUCTION: '销毁',
  GENDER: '性别',
  YOUTH: '青年',
};

const WESTERN_AFRICA = ['BEN', 'BFA', 'CIV', 'CPV', 'GHA', 'GIN', 'GMB', 'GNB', 'LBR', 'MLI', 'MRT', 'NER', 'NGA', 'SEN', 'SLE', 'TGO'];

const CJK = /[\u4e00-\u9fff]/;

describe('reference data over the client contract, without signing in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('countries', () => {
    it('lists the 193 member states and the 2 observer states, once each', async () => {
      const countries: CountryView[] = dataOf(await t.gql(COUNTRIES, {})).countries;
      expect(countries).toHaveLength(195);
      expect(new Set(countries.map((country) => country.iso3)).size).toBe(195);
      const standing = dataOf(await t.gql('{ countries { iso3 unStatus } }')).countries as { iso3: string; unStatus: string }[];
      const observers = standing.filter((country) => country.unStatus === 'OBSERVER').map((country) => country.iso3);
      expect(observers.sort()).toEqual(['PSE', 'VAT']);
      expect(standing.filter((country) => country.unStatus === 'MEMBER')).toHaveLength(193);
    });

    it('names every country in English and Chinese and places it in a region and sub-region', async () => {
      const countries: CountryView[] = dataOf(await t.gql(COUNTRIES, {})).countries;
      for (const country of countries) {
        expect(country.iso3).toMatch(/^[A-Z]{3}$/);
        expect(country.name.length).toBeGreaterThan(2);
        expect(country.nameZh).toMatch(CJK);
        expect(country.region).toEqual({ code: expect.stringMatching(/^\d{3}$/), name: expect.any(String) });
        expect(country.subRegion).toEqual({ code: expect.stringMatching(/^\d{3}$/), name: expect.any(String) });
        expect(country.subRegion!.code).not.toBe(country.region!.code);
      }
      expect(countries.find((country) => country.iso3 === 'CHN')).toMatchObject({
        name: 'China',
        nameZh: '中国',
        region: { code: '142' },
        subRegion: { code: '030' },
      });
      expect(countries.filter((country) => ['AUS', 'DEU', 'USA', 'JPN'].includes(country.iso3))).toHaveLength(4);
      expect(countries.some((country) => ['TWN', 'XKX', 'ATA', 'HKG'].includes(country.iso3))).toBe(false);
    });

    it('gives the Western African states for "011"', async () => {
      const countries: CountryView[] = dataOf(await t.gql(COUNTRIES, { region: '011' })).countries;
      expect(countries.map((country) => country.iso3).sort()).toEqual(WESTERN_AFRICA);
      for (const country of countries)
        expect(country).toMatchObject({ region: { code: '002', name: 'Africa' }, subRegion: { code: '202' } });
    });

    it('gives every country of a region or sub-region', async () => {
      const africa: CountryView[] = dataOf(await t.gql(COUNTRIES, { region: '002' })).countries;
      const subSaharan: CountryView[] = dataOf(await t.gql(COUNTRIES, { region: '202' })).countries;
      expect(africa).toHaveLength(54);
      expect(africa.every((country) => country.region!.code === '002')).toBe(true);
      expect(subSaharan.every((country) => country.subRegion!.code === '202')).toBe(true);
      expect(subSaharan.length).toBeLessThan(africa.length);
      expect(WESTERN_AFRICA.every((iso3) => subSaharan.some((country) => country.iso3 === iso3))).toBe(true);
    });

    it('names every M49 area in each of the six UN languages, in its own script', async () => {
      const query = '{ regions { code name nameZh names { en fr es ru zh ar } } }';
      const regions: { code: string; name: string; nameZh: string; names: Record<string, string> }[] = dataOf(
        await t.gql(query, {}),
      ).regions;
      expect(regions).toHaveLength(29);
      for (const region of regions) {
        expect(region.names.en).toBe(region.name);
        expect(region.names.zh).toBe(region.nameZh);
        expect(region.names.ru).toMatch(/[А-Яа-я]/);
        expect(region.names.ar).toMatch(/[\u0600-\u06FF]/);
        for (const language of ['fr', 'es']) expect(region.names[language]).toMatch(/^[A-ZÁÉ]/);
      }
      for (const language of ['fr', 'es', 'ru', 'zh', 'ar'])
        expect(new Set(regions.map((region) => region.names[language])).size).toBe(regions.length);
      expect(regions.find((region) => region.code === '011')?.names).toEqual({
        en: 'Western Africa',
        fr: 'Afrique de l’Ouest',
        es: 'África Occidental',
        ru: 'Западная Африка',
        zh: '西非',
        ar: 'غرب أفريقيا',
      });
    });

    it('refuses an unknown region code, naming the argument', async () => {
      const response = await t.gql(COUNTRIES, { region: '999' });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(badInputFields(response)).toEqual(['region']);
    });
  });

  describe('themes', () => {
    it('has exactly the five groups and the themes of the brief, each under its group', async () => {
      const themes: ThemeView[] = dataOf(await t.gql(THEMES, {})).themes;
      const groups = themes.filter((theme) => theme.parentCode === null).map((theme) => theme.code);
      expect(groups.sort()).toEqual(Object.keys(TAXONOMY).sort());
      const byGroup: Record<string, string[]> = {};
      for (const theme of themes.filter((entry) => entry.parentCode !== null)) (byGroup[theme.parentCode!] ??= []).push(theme.code);
      for (const [group, codes] of Object.entries(TAXONOMY)) expect(byGroup[group]?.sort()).toEqual([...codes].sort());
      expect(themes).toHaveLength(5 + 26);
    });

    it('labels every group and theme in English and Chinese, with the terms of the seed documents', async () => {
      const themes: ThemeView[] = dataOf(await t.gql(THEMES, {})).themes;
      for (const theme of themes) {
        expect(theme.label).toMatch(/^[A-Z][a-z]/);
        expect(theme.label).not.toMatch(CJK);
        expect(theme.labelZh).toMatch(CJK);
      }
      expect(new Set(themes.map((theme) => theme.label)).size).toBe(themes.length);
      expect(new Set(themes.map((theme) => theme.labelZh)).size).toBe(themes.length);
      for (const [code, term] of Object.entries(CHINESE_TERMS)) {
        expect(themes.find((theme) => theme.code === code)?.labelZh).toContain(term);
      }
    });

    it('labels every group and theme in each of the six UN languages, in its own script', async () => {
      const query = '{ themes { code label labelZh labels { en fr es ru zh ar } } }';
      const themes: { code: string; label: string; labelZh: string; labels: Record<string, string> }[] = dataOf(
        await t.gql(query, {}),
      ).themes;
      for (const theme of themes) {
        expect(theme.labels.en).toBe(theme.label);
        expect(theme.labels.zh).toBe(theme.labelZh);
        expect(theme.labels.ru).toMatch(/[А-Яа-я]/);
        expect(theme.labels.ar).toMatch(/[\u0600-\u06FF]/);
        for (const language of ['fr', 'es']) expect(theme.labels[language]).toMatch(/^[A-ZÉ]/);
      }
      for (const language of ['fr', 'es', 'ru', 'ar'])
        expect(new Set(themes.map((theme) => theme.labels[language])).size).toBe(themes.length);
    });
  });
});
