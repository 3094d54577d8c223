import { Document, Packer, Paragraph, TextRun } from 'docx';
import { MAX_DOCUMENT_BYTES } from '../src/reports/extraction/extract-text';
import { Account, badInputFields, dataOf, donorAccount, needInput, secretariatAccount, stateAccount } from './support/fixtures';
import { errorCode, GraphQLResponse, startTestApp, TestApp } from './support/test-app';
import { buildPdf, renderPdf } from './support/pdf';

const IMPORT = `mutation($input: ImportNationalReportInput!) {
  importNationalReport(input: $input) {
    id year instrument language format fileName contentHash paragraphCount needPassageCount passagesWithoutTheme
    country { iso3 }
    draftNeeds { id status title description visibility estimatedBudgetUsd assistanceTypes themes { code } sourceExcerpt nationalReport { id year instrument } }
  }
}`;

const NEED_COUNT = 'query { needs(first: 1) { totalCount } }';
const REPORT_COUNT = 'query { nationalReports(first: 1) { totalCount } }';

/** Paragraphs 18 and 89 of the outcome of the 8th Biennial Meeting (seed 000), as the UN published them. */
const CHINESE_REPORT = [
  '18. 各国重申，需要履行《国际追查文书》中关于标识、保存记录和追查的承诺，无论制造小武器和轻武器所用的材料或方法为何。',
  '',
  '89. 鼓励酌情进行自愿的、由国家确定的基线评估，作为请求国和捐助国在根据《行动纲领》和《国际追查文书》提出的包括财政援助和技术转让在内的国际合作与援助请求背景下共同商定的一项联合工作，以期全面和可持续地满足各种需要，维护和加强请求国的国家自主权并促进所有利益攸关方之间的信任。',
].join('\n');

const ENGLISH_REPORT = [
  'National report on the implementation of the Programme of Action',
  '',
  '1. The Government adopted a national action plan on small arms in 2019 and appointed a national point of contact.',
  '',
  '2. The national police lack marking machines and require training for armourers in the marking of small arms and light weapons.',
  '',
  '3. We request financial support to destroy surplus and obsolete ammunition held in military depots.',
  '',
  '4. We also need assistance to strengthen international cooperation in general.',
].join('\n');

const buildDocx = (paragraphs: string[]) =>
  Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] }));

const base64 = (content: Buffer | string) => Buffer.from(content).toString('base64');

interface ImportedNeed {
  id: string;
  status: string;
  title: string;
  description: string;
  visibility: string;
  estimatedBudgetUsd: number;
  assistanceTypes: string[];
  themes: { code: string }[];
  sourceExcerpt: string;
  nationalReport: { id: string; year: number; instrument: string };
}

interface ImportedReport {
  id: string;
  year: number;
  instrument: string;
  language: string;
  format: string;
  fileName: string | null;
  contentHash: string;
  paragraphCount: number;
  needPassageCount: number;
  passagesWithoutTheme: number;
  country: { iso3: string };
  draftNeeds: ImportedNeed[];
}

const themeCodes = (need: ImportedNeed) => need.themes.map((theme) => theme.code).sort();

describe('national reports (e2e)', () => {
  let t: TestApp;
  let kenya: Account;
  let nigeria: Account;
  let secretariat: Account;

  const importAs = (token: string, input: Record<string, unknown>) =>
    t.gql<{ importNationalReport: ImportedReport }>(IMPORT, { input: { year: 2024, instrument: 'POA', ...input } }, token);

  const imported = async (token: string, input: Record<string, unknown>): Promise<ImportedReport> => {
    const result = await importAs(token, input);
    if (!result.data?.importNationalReport) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
    return result.data.importNationalReport;
  };

  const counts = async () => {
    const [needs, reports] = await Promise.all([t.gql(NEED_COUNT, {}, t.adminToken), t.gql(REPORT_COUNT, {}, t.adminToken)]);
    return { needs: needs.data!.needs.totalCount as number, reports: reports.data!.nationalReports.totalCount as number };
  };

  beforeAll(async () => {
    t = await startTestApp();
    [kenya, nigeria, secretariat] = await Promise.all([stateAccount(t, 'KEN'), stateAccount(t, 'NGA'), secretariatAccount(t)]);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('importing text', () => {
    it('drafts a need per Chinese need passage, with the seed themes and the passage as excerpt', async () => {
      const report = await imported(kenya.token, { text: CHINESE_REPORT });
      expect(report).toMatchObject({
        year: 2024,
        instrument: 'POA',
        language: 'zh',
        format: 'TEXT',
        fileName: null,
        country: { iso3: 'KEN' },
      });
      expect(report.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(report.paragraphCount).toBe(2);
      expect(report.draftNeeds.map(themeCodes)).toEqual([['MARKING', 'RECORD_KEEPING', 'TRACING'], ['BASELINE_ASSESSMENT']]);

      const [marking, baseline] = report.draftNeeds;
      expect(marking.sourceExcerpt).toContain('需要履行《国际追查文书》中关于标识、保存记录和追查的承诺');
      expect(marking.description).toBe(marking.sourceExcerpt);
      expect(baseline.sourceExcerpt).toContain('基线评估');
      expect(baseline.assistanceTypes).toEqual(['FINANCIAL', 'TECHNOLOGY_TRANSFER']);
      // No form of assistance is named in paragraph 18, so every form stays open for the state to narrow.
      expect(marking.assistanceTypes).toEqual(['FINANCIAL', 'TECHNICAL_EXPERTISE', 'EQUIPMENT', 'TRAINING', 'TECHNOLOGY_TRANSFER']);
      for (const need of report.draftNeeds) {
        expect(need).toMatchObject({ status: 'DRAFT', visibility: 'SECRETARIAT', estimatedBudgetUsd: 0 });
        expect(need.nationalReport).toEqual({ id: report.id, year: 2024, instrument: 'POA' });
        expect(need.title.length).toBeGreaterThan(5);
        expect(need.title.length).toBeLessThanOrEqual(200);
      }
    });

    it('drafts needs from an English report, leaving out passages without a need or a theme', async () => {
      const report = await imported(secretariat.token, { text: ENGLISH_REPORT, countryIso3: 'gha', instrument: 'ITI', year: 2022 });
      expect(report).toMatchObject({ language: 'en', instrument: 'ITI', year: 2022, country: { iso3: 'GHA' } });
      expect(report.needPassageCount).toBe(3);
      expect(report.passagesWithoutTheme).toBe(1);
      expect(report.draftNeeds.map(themeCodes)).toEqual([
        ['MARKING', 'TRAINING'],
        ['AMMUNITION', 'DESTRUCTION'],
      ]);
      const [marking, destruction] = report.draftNeeds;
      expect(marking.sourceExcerpt).toContain('The national police lack marking machines');
      expect(marking.assistanceTypes).toEqual(['EQUIPMENT', 'TRAINING']);
      expect(destruction.sourceExcerpt).toContain('destroy surplus and obsolete ammunition');
      expect(destruction.assistanceTypes).toEqual(['FINANCIAL']);
    });

    it('records the import and each draft need in the audit trail', async () => {
      const report = await imported(nigeria.token, {
        text: 'We request training for customs officers to detect illicit small arms at border crossings.',
      });
      const trail = await t.gql('query($id: ID!) { auditEvents(entityId: $id) { action detail } }', { id: report.id }, secretariat.token);
      expect(trail.data?.auditEvents).toEqual([
        expect.objectContaining({
          action: 'nationalReport.import',
          detail: expect.objectContaining({ draftNeedIds: report.draftNeeds.map((need) => need.id) }),
        }),
      ]);
      const needTrail = await t.gql(
        'query($id: ID!) { auditEvents(entityId: $id) { action detail } }',
        { id: report.draftNeeds[0].id },
        secretariat.token,
      );
      expect(needTrail.data?.auditEvents).toEqual([
        expect.objectContaining({ action: 'need.create', detail: expect.objectContaining({ nationalReportId: report.id }) }),
      ]);
    });
  });

  describe('importing files', () => {
    it('imports a PDF report', async () => {
      const pdf = await buildPdf([
        'National report of the Republic on the Programme of Action, 2024',
        '7. The border police need equipment and training to detect illicit trafficking of small arms at border crossings and customs posts.',
        '8. We request technical assistance to establish a national electronic record-keeping system for firearms.',
      ]);
      const report = await imported(kenya.token, { fileBase64: base64(pdf), fileName: 'kenya-poa-2024.pdf' });
      expect(report).toMatchObject({ format: 'PDF', fileName: 'kenya-poa-2024.pdf', language: 'en' });
      expect(report.draftNeeds.map(themeCodes)).toEqual([['BORDER_CUSTOMS', 'TRAINING'], ['RECORD_KEEPING']]);
      expect(report.draftNeeds[1].sourceExcerpt).toContain('record-keeping');
      expect(report.draftNeeds[1].assistanceTypes).toEqual(['TECHNICAL_EXPERTISE']);
    });

    it('imports a Word report in Chinese', async () => {
      const docx = await buildDocx([
        '国家报告',
        '3. 我国请求国际援助，以提高收缴和销毁非法小武器的能力，需要资金和设备。',
        '4. 我国需要培训执法人员开展刑事调查和起诉。',
      ]);
      const report = await imported(nigeria.token, { fileBase64: base64(docx), fileName: '国家报告.docx' });
      expect(report).toMatchObject({ format: 'DOCX', language: 'zh', country: { iso3: 'NGA' } });
      expect(report.draftNeeds.map(themeCodes)).toEqual([
        ['COLLECTION', 'DESTRUCTION'],
        ['CRIMINAL_JUSTICE', 'TRAINING'],
      ]);
      expect(report.draftNeeds[0].sourceExcerpt).toContain('收缴和销毁非法小武器');
      expect(report.draftNeeds[0].assistanceTypes).toEqual(['FINANCIAL', 'EQUIPMENT']);
    });
  });

  it('refuses a country the list filter names that does not exist, naming the field', async () => {
    const list = 'query($filter: NationalReportFilter) { nationalReports(filter: $filter) { totalCount } }';
    expect(badInputFields(await t.gql(list, { filter: { countryIso3: 'ZZZ' } }, secretariat.token))).toEqual(['filter.countryIso3']);
    expect(
      dataOf(await t.gql(list, { filter: { countryIso3: 'KEN' } }, secretariat.token)).nationalReports.totalCount,
    ).toBeGreaterThanOrEqual(0);
  });

  it('returns the stored report when the same document comes again, with no duplicate needs', async () => {
    const first = await imported(kenya.token, { text: 'We need equipment for the destruction of surplus weapons.', year: 2020 });
    const before = await counts();
    const again = await imported(kenya.token, {
      text: '  We need   equipment for the destruction of surplus weapons.\r\n',
      year: 2022,
      instrument: 'ITI',
    });
    expect(again.id).toBe(first.id);
    expect(again.year).toBe(2020);
    expect(again.draftNeeds.map((need) => need.id)).toEqual(first.draftNeeds.map((need) => need.id));
    expect(await counts()).toEqual(before);

    // Two imports of one document at the same moment still store it once.
    const text = 'We request marking machines and training for the national police armouries.';
    const [left, right] = await Promise.all([imported(kenya.token, { text }), imported(kenya.token, { text })]);
    expect(left.id).toBe(right.id);
    expect(left.draftNeeds.map((need) => need.id)).toEqual(right.draftNeeds.map((need) => need.id));

    // Another country sending the same words has a report of its own.
    const other = await imported(secretariat.token, {
      text: 'We need equipment for the destruction of surplus weapons.',
      countryIso3: 'NGA',
    });
    expect(other.id).not.toBe(first.id);
  });

  describe('refusals change nothing', () => {
    const refusedWith = async (response: GraphQLResponse, field: string, message: RegExp) => {
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fields).toEqual([
        expect.objectContaining({ field, message: expect.stringMatching(message) }),
      ]);
    };

    it.each([
      ['an empty file', async () => ({ fileBase64: '', fileName: 'report.pdf' }), 'input.fileBase64', /empty/],
      ['empty text', async () => ({ text: '   \n ' }), 'input.text', /no text/],
      [
        'a PDF named .docx',
        async () => ({ fileBase64: base64(await buildPdf(['We need training.'])), fileName: 'report.docx' }),
        'input.fileBase64',
        /named as a Word/,
      ],
      [
        'a PDF with only a drawing',
        async () => ({
          fileBase64: base64(await renderPdf((document) => document.rect(50, 50, 300, 400).fill('#777777'))),
          fileName: 'scan.pdf',
        }),
        'input.fileBase64',
        /OCR/,
      ],
      ['invalid base64', async () => ({ fileBase64: 'this is not base64!', fileName: 'report.txt' }), 'input.fileBase64', /base64/],
      [
        'a year in the future',
        async () => ({ text: 'We need training.', year: new Date().getUTCFullYear() + 2 }),
        'input.year',
        /cannot be dated after/,
      ],
    ])('refuses %s', async (_label, input, field, message) => {
      const before = await counts();
      await refusedWith(await importAs(kenya.token, await input()), field, message);
      expect(await counts()).toEqual(before);
    });

    it('refuses a document just over the size limit', async () => {
      const before = await counts();
      const tooBig = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 'a');
      await refusedWith(
        await importAs(kenya.token, { fileBase64: base64(tooBig), fileName: 'big.txt' }),
        'input.fileBase64',
        /at most 20 MiB/,
      );
      expect(await counts()).toEqual(before);
    });

    it('refuses both and neither of text and fileBase64', async () => {
      const before = await counts();
      for (const input of [{ text: 'We need training.', fileBase64: base64('We need training.') }, {}]) {
        const response = await importAs(kenya.token, input);
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(response.errors?.[0].extensions?.fields?.map((problem) => problem.field)).toEqual(['input.text', 'input.fileBase64']);
      }
      expect(await counts()).toEqual(before);
    });

    it('refuses a year before the Programme of Action', async () => {
      const response = await importAs(kenya.token, { text: 'We need training.', year: 1999 });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fields?.[0].field).toBe('input.year');
    });
  });

  describe('who may import', () => {
    it('forbids a state to import for another country', async () => {
      const before = await counts();
      expect(errorCode(await importAs(kenya.token, { text: 'We need training for customs officers.', countryIso3: 'NGA' }))).toBe(
        'FORBIDDEN',
      );
      expect(await counts()).toEqual(before);
    });

    it('forbids donors', async () => {
      const donor = await donorAccount(t);
      expect(errorCode(await importAs(donor.token, { text: 'We need training for customs officers.', countryIso3: 'NGA' }))).toBe(
        'FORBIDDEN',
      );
    });

    it('asks the Secretariat to name the country', async () => {
      const response = await importAs(secretariat.token, { text: 'We need training for customs officers.' });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fields?.[0].field).toBe('input.countryIso3');
    });
  });

  describe('reading reports', () => {
    let kenyan: ImportedReport;

    beforeAll(async () => {
      kenyan = await imported(kenya.token, { text: 'We request training for police in the marking of weapons.', year: 2018 });
    });

    it('shows a state its own reports and the Secretariat all', async () => {
      const list = 'query { nationalReports(first: 100) { totalCount edges { node { id country { iso3 } } } } }';
      const own = await t.gql(list, {}, kenya.token);
      const countries = own.data!.nationalReports.edges.map((edge: { node: { country: { iso3: string } } }) => edge.node.country.iso3);
      expect(new Set(countries)).toEqual(new Set(['KEN']));
      expect(countries).toHaveLength(own.data!.nationalReports.totalCount);
      const all = await t.gql(list, {}, secretariat.token);
      expect(all.data!.nationalReports.totalCount).toBeGreaterThan(own.data!.nationalReports.totalCount);

      const query = 'query($id: ID!) { nationalReport(id: $id) { id text needs { id } draftNeeds { id } } }';
      const mine = await t.gql(query, { id: kenyan.id }, kenya.token);
      expect(mine.data?.nationalReport).toMatchObject({ id: kenyan.id, text: expect.stringContaining('marking of weapons') });
      expect(mine.data?.nationalReport.needs).toHaveLength(kenyan.draftNeeds.length);
      expect(errorCode(await t.gql(query, { id: kenyan.id }, nigeria.token))).toBe('NOT_FOUND');
      const donor = await donorAccount(t);
      expect(errorCode(await t.gql(query, { id: kenyan.id }, donor.token))).toBe('NOT_FOUND');
    });

    it('publishes an imported draft; donors then see where it came from, not the report text', async () => {
      const [draft] = kenyan.draftNeeds;
      const update = await t.gql(
        'mutation($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id } }',
        { id: draft.id, input: { visibility: 'DONORS', estimatedBudgetUsd: 50000 } },
        kenya.token,
      );
      expect(update.errors).toBeUndefined();
      const published = await t.gql('mutation($id: ID!) { publishNeed(id: $id) { id status } }', { id: draft.id }, kenya.token);
      expect(published.data?.publishNeed).toEqual({ id: draft.id, status: 'OPEN' });

      const report = await t.gql(
        'query($id: ID!) { nationalReport(id: $id) { needs { id status } draftNeeds { id } } }',
        { id: kenyan.id },
        kenya.token,
      );
      expect(report.data?.nationalReport.needs).toContainEqual({ id: draft.id, status: 'OPEN' });
      expect(report.data?.nationalReport.draftNeeds).not.toContainEqual({ id: draft.id });

      const donor = await donorAccount(t);
      const seen = await t.gql(
        'query($id: ID!) { need(id: $id) { nationalReport { id year instrument text needs { id } } } }',
        { id: draft.id },
        donor.token,
      );
      expect(seen.data?.need.nationalReport).toEqual({ id: kenyan.id, year: 2018, instrument: 'POA', text: null, needs: [] });
    });

    it('resolves Need.nationalReport across a list of needs', async () => {
      const response = await t.gql(
        'query { needs(first: 100) { edges { node { id nationalReport { id country { iso3 } } } } } }',
        {},
        secretariat.token,
      );
      expect(response.errors).toBeUndefined();
      const linked = response.data!.needs.edges.filter((edge: { node: { nationalReport: unknown } }) => edge.node.nationalReport);
      expect(linked.length).toBeGreaterThan(5);
    });
  });

  describe('linking a need typed by hand', () => {
    let kenyan: ImportedReport;

    beforeAll(async () => {
      kenyan = await imported(kenya.token, { text: 'We need assistance to collect illicit weapons in border communities.', year: 2016 });
    });

    const create = (token: string, input: Record<string, unknown>) =>
      t.gql(
        'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id nationalReport { id year instrument } } }',
        { input: needInput(input) },
        token,
      );

    it('links a need to a report of its own country', async () => {
      const response = await create(kenya.token, { nationalReportId: kenyan.id });
      expect(response.data?.createNeed.nationalReport).toEqual({ id: kenyan.id, year: 2016, instrument: 'POA' });
    });

    it('refuses a report of another country, or one that does not exist', async () => {
      const before = await counts();
      for (const [token, input] of [
        [nigeria.token, { nationalReportId: kenyan.id }],
        [secretariat.token, { nationalReportId: kenyan.id, countryIso3: 'NGA' }],
        [kenya.token, { nationalReportId: '00000000-0000-4000-8000-000000000000' }],
      ] as const) {
        const response = await create(token, input);
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(response.errors?.[0].extensions?.fields?.[0].field).toBe('input.nationalReportId');
      }
      expect(await counts()).toEqual(before);
    });

    it('checks the link on update too', async () => {
      const need = await create(nigeria.token, {});
      const nigerianReport = await imported(nigeria.token, {
        text: 'We need assistance for the destruction of obsolete ammunition.',
        year: 2016,
      });
      const update = (reportId: string) =>
        t.gql(
          'mutation($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id } }',
          { id: need.data!.createNeed.id, input: { nationalReportId: reportId } },
          nigeria.token,
        );
      expect(errorCode(await update(kenyan.id))).toBe('BAD_USER_INPUT');
      expect((await update(nigerianReport.id)).errors).toBeUndefined();
    });
  });

  describe('suggestThemes', () => {
    const suggest =
      'query($text: String!, $language: String) { suggestThemes(text: $text, language: $language) { theme { code } score evidence } }';

    it('suggests themes with scores and evidence, in English and Chinese', async () => {
      const english = await t.gql(
        suggest,
        { text: 'Stockpile security for police armouries and destruction of surplus ammunition' },
        kenya.token,
      );
      const codes = english.data!.suggestThemes.map((suggestion: { theme: { code: string } }) => suggestion.theme.code);
      expect(codes).toEqual(expect.arrayContaining(['STOCKPILE_MANAGEMENT', 'DESTRUCTION']));
      for (const suggestion of english.data!.suggestThemes) {
        expect(suggestion.score).toBeGreaterThanOrEqual(1);
        expect(suggestion.evidence.length).toBeGreaterThan(0);
      }
      const chinese = await t.gql(suggest, { text: '加强边境管制和海关能力', language: 'zh' }, kenya.token);
      expect(chinese.data!.suggestThemes).toEqual([
        expect.objectContaining({ theme: { code: 'BORDER_CUSTOMS' }, evidence: ['边境', '海关'] }),
      ]);
    });

    it('requires a login and a UN language', async () => {
      expect(errorCode(await t.gql(suggest, { text: 'marking machines' }))).toBe('UNAUTHENTICATED');
      const donor = await donorAccount(t);
      expect(errorCode(await t.gql(suggest, { text: 'marking machines', language: 'de' }, donor.token))).toBe('BAD_USER_INPUT');
    });
  });
});
