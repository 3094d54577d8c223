import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../access/actor';
import { Visibility } from '../domain/enums';
import { BadUserInputError, NotFoundError } from '../common/errors/domain-errors';
import { Connection, PageArgs, pageWindow, toConnection } from '../common/pagination/connection';
import { Need } from '../needs/entities/need.entity';
import { newNeed, NewNeed } from '../needs/new-need';
import { countryActedFor } from '../needs/acting-country';
import { UnLanguage } from '../reference/data/themes';
import { ReferenceService } from '../reference/reference.service';
import { analyseReport } from './analysis/analyse-report';
import { splitPassages } from './analysis/split-passages';
import { detectThemes } from './analysis/theme-detector';
import { decodeBase64Strictly } from './decode-base64';
import { DraftNeedContent, planDraftNeeds } from './draft-needs';
import { ImportNationalReportInput } from './dto/import-national-report.input';
import { NationalReportFilter } from './dto/national-report-filter.input';
import { ThemeSuggestion } from './dto/theme-suggestion';
import { NationalReport } from './entities/national-report.entity';
import { ExtractedDocument, extractDocumentText } from './extraction/extract-text';
import { latestReportYear } from './report-year';
import { refusalToImport, reportReadScope } from './report-policy';
import { restrictToScope } from '../database/policy-scope';
import { rowsByIds } from '../database/rows-by-id';
import { isUniqueViolation } from '../database/unique-violation';

/** What a draft need starts with until its state reviews it. */
const DRAFT_BUDGET_USD = 0;
/** Drafts stay with the state and the Secretariat; the state chooses who may see the need when it reviews it. */
const DRAFT_VISIBILITY = Visibility.SECRETARIAT;

const FILE_FIELD = 'input.fileBase64';
const TEXT_FIELD = 'input.text';

@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Stores a national report and drafts one need per passage that asks for assistance, all in one
   * transaction. The same document (same country, same extracted text) is stored once: sending it
   * again returns the stored report, whatever year or instrument comes with it.
   */
  async importReport(actor: Actor, input: ImportNationalReportInput): Promise<NationalReport> {
    const countryIso3 = this.countryForImport(actor, input.countryIso3);
    if (input.year > latestReportYear()) {
      throw BadUserInputError.forField('input.year', `A report cannot be dated after ${latestReportYear()}.`);
    }
    const document = await this.extract(input);
    const contentHash = createHash('sha256').update(document.text, 'utf8').digest('hex');
    const stored = await this.findByContent(countryIso3, contentHash);
    if (stored) return stored;

    const analysis = analyseReport(document.text);
    const plan = planDraftNeeds(analysis.passages);
    const report = Object.assign(new NationalReport(), {
      countryIso3,
      year: input.year,
      instrument: input.instrument,
      language: analysis.language,
      format: document.format,
      fileName: input.fileName?.trim() || null,
      text: document.text,
      contentHash,
      paragraphCount: splitPassages(document.text).length,
      needPassageCount: analysis.passages.length,
      passagesWithoutTheme: plan.passagesWithoutTheme,
      createdBy: actor.userId,
    });
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.save(report);
        const drafts = plan.drafts.map((draft, position) => draftNeed(actor, report, draft, position));
        await manager.save(drafts.map(({ need }) => need));
        await this.audit.record(manager, actor, {
          action: 'nationalReport.import',
          entityType: 'NationalReport',
          entityId: report.id,
          detail: {
            countryIso3,
            year: report.year,
            instrument: report.instrument,
            language: report.language,
            format: report.format,
            fileName: report.fileName,
            contentHash,
            draftNeedIds: drafts.map(({ need }) => need.id),
            passagesWithoutTheme: plan.passagesWithoutTheme,
          },
        });
        for (const { audit } of drafts) await this.audit.record(manager, actor, audit);
      });
    } catch (error) {
      // A concurrent import of the same document won the unique (country, hash) constraint: its report is the answer.
      const raced = isUniqueViolation(error) ? await this.findByContent(countryIso3, contentHash) : null;
      if (raced) return raced;
      throw error;
    }
    return report;
  }

  /** A report you may see: the reporting state's own, any for the Secretariat. */
  async findVisible(actor: Actor, id: string): Promise<NationalReport> {
    const report = await this.visibleReports(actor).andWhere('report.id = :id', { id }).getOne();
    if (!report) throw new NotFoundError('NationalReport', id);
    return report;
  }

  async list(actor: Actor, filter: NationalReportFilter = {}, page: PageArgs = {}): Promise<Connection<NationalReport>> {
    const query = this.visibleReports(actor);
    if (filter.countryIso3) {
      query.andWhere('report.countryIso3 = :country', {
        country: this.reference.requireCountry(filter.countryIso3, 'filter.countryIso3'),
      });
    }
    if (filter.year !== undefined && filter.year !== null) query.andWhere('report.year = :year', { year: filter.year });
    if (filter.instrument) query.andWhere('report.instrument = :instrument', { instrument: filter.instrument });
    const { skip, take } = pageWindow(page);
    const [items, total] = await query
      .orderBy('report.createdAt', 'DESC')
      .addOrderBy('report.id', 'DESC')
      .skip(skip)
      .take(take)
      .getManyAndCount();
    return toConnection(items, total, skip);
  }

  /** Theme suggestions for a text typed by hand, best first. */
  suggestThemes(text: string, language?: UnLanguage): ThemeSuggestion[] {
    return detectThemes(text, language).flatMap(({ code, score, evidence }) => {
      const theme = this.reference.findTheme(code);
      return theme ? [{ theme, score, evidence }] : [];
    });
  }

  reportsByIds = (ids: readonly string[]): Promise<Map<string, NationalReport>> => rowsByIds(this.dataSource, NationalReport, ids);

  /** Every need drawn from each report, in the order of the report's passages. */
  needsByReportIds = async (ids: readonly string[]): Promise<Map<string, Need[]>> => {
    const needs = await this.dataSource
      .getRepository(Need)
      .createQueryBuilder('need')
      .leftJoinAndSelect('need.themeLinks', 'themeLink')
      .where('need.nationalReportId IN (:...ids)', { ids: [...ids] })
      .orderBy('need.createdAt', 'ASC')
      .addOrderBy('need.id', 'ASC')
      .getMany();
    const byReport = new Map<string, Need[]>(ids.map((id) => [id, []]));
    for (const need of needs) byReport.get(need.nationalReportId!)?.push(need);
    return byReport;
  };

  private visibleReports(actor: Actor) {
    const query = this.dataSource.getRepository(NationalReport).createQueryBuilder('report');
    return restrictToScope(query, 'report', reportReadScope(actor), 'report.countryIso3');
  }

  private findByContent(countryIso3: string, contentHash: string): Promise<NationalReport | null> {
    return this.dataSource.getRepository(NationalReport).findOneBy({ countryIso3, contentHash });
  }

  private countryForImport(actor: Actor, requested: string | undefined): string {
    const countryIso3 = countryActedFor(actor, requested, this.reference, 'Name the reporting country when importing for a state.');
    const refusal = refusalToImport(actor, countryIso3);
    if (refusal) throw refusal;
    return countryIso3;
  }

  /** The document's text, from exactly one of `text` and `fileBase64`, refused as the extractor explains. */
  private async extract(input: ImportNationalReportInput): Promise<ExtractedDocument> {
    const hasText = input.text !== undefined && input.text !== null;
    const hasFile = input.fileBase64 !== undefined && input.fileBase64 !== null;
    if (hasText === hasFile) {
      const message = hasText
        ? 'Send the report either as text or as a file, not both.'
        : 'Send the report as text or as a file (fileBase64).';
      throw new BadUserInputError(message, [
        { field: TEXT_FIELD, message },
        { field: FILE_FIELD, message },
      ]);
    }
    if (hasFile) {
      const content = decodeBase64Strictly(input.fileBase64!);
      if (!content) throw BadUserInputError.forField(FILE_FIELD, 'fileBase64 is not valid standard base64.');
      return extractDocumentText(content, input.fileName);
    }
    try {
      return await extractDocumentText(Buffer.from(input.text!, 'utf8'), input.fileName);
    } catch (error) {
      // The extractor names the file field; here the text is what was sent.
      if (error instanceof BadUserInputError) throw BadUserInputError.forField(TEXT_FIELD, error.message);
      throw error;
    }
  }
}

/** A need drafted from one passage of the report, left to its state to review. */
function draftNeed(actor: Actor, report: NationalReport, draft: DraftNeedContent, position: number): NewNeed {
  const content = {
    countryIso3: report.countryIso3,
    title: draft.title,
    description: draft.passage,
    themeCodes: draft.themeCodes,
    assistanceTypes: draft.assistanceTypes,
    estimatedBudgetUsd: DRAFT_BUDGET_USD,
    visibility: DRAFT_VISIBILITY,
    nationalReportId: report.id,
    reportYear: report.year,
    sourceExcerpt: draft.passage,
  };
  // A millisecond apart, so the drafts list in the order of the report's passages.
  return newNeed(actor.userId, content, new Date(Date.now() + position), { paragraphRef: draft.paragraphRef });
}
