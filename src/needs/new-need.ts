import type { AuditEntry } from '../audit/audit.service';
import { AssistanceType, Visibility } from '../domain/enums';
import { NeedStatus } from '../domain/statuses';
import { cycleOfYear, defaultValidUntil } from '../domain/reporting-cycles';
import { Need } from './entities/need.entity';
import { NeedTheme } from './entities/need-theme.entity';

/** Priority of a need whose state has not set one. */
const DEFAULT_PRIORITY = 3;

/** What a new need says, whether its state files it by hand or it is drafted from a national report. */
export interface NewNeedContent {
  countryIso3: string;
  title: string;
  description: string;
  themeCodes: string[];
  assistanceTypes: AssistanceType[];
  estimatedBudgetUsd: number;
  visibility: Visibility;
  priority?: number;
  startDate?: string | null;
  endDate?: string | null;
  nationalActionPlan?: boolean;
  baselineAssessment?: boolean;
  genderComponent?: boolean;
  multiYear?: boolean;
  conflictAffected?: boolean;
  nationalReportId?: string | null;
  /** The year of that national report, whose reporting cycle the need belongs to. */
  reportYear?: number | null;
  sourceExcerpt?: string | null;
  /** The day its state chose for it to stand until; the default rule when none. */
  validUntil?: string | null;
}

export interface NewNeed {
  need: Need;
  /** The `need.create` event to record in the transaction that saves the need. */
  audit: AuditEntry;
}

/**
 * A new need, always a DRAFT with nothing funded, and its creation event. It belongs to the reporting
 * cycle of its national report, or of the day it is filed, and is valid to the day its state chose,
 * else by the default rule from that day. `origin` adds to the event where the content came from (a
 * report's paragraph). `createdAt` is set here, with milliseconds that
 * SQLite's default timestamp drops, so lists stay newest first within a second.
 */
export function newNeed(createdBy: string, content: NewNeedContent, createdAt = new Date(), origin: Record<string, unknown> = {}): NewNeed {
  const need = Object.assign(new Need(), {
    countryIso3: content.countryIso3,
    title: content.title.trim(),
    description: content.description.trim(),
    status: NeedStatus.DRAFT,
    visibility: content.visibility,
    priority: content.priority ?? DEFAULT_PRIORITY,
    assistanceTypes: content.assistanceTypes,
    estimatedBudgetUsd: content.estimatedBudgetUsd,
    fundedUsd: 0,
    fundedElsewhereUsd: 0,
    startDate: content.startDate ?? null,
    endDate: content.endDate ?? null,
    nationalActionPlan: content.nationalActionPlan ?? false,
    baselineAssessment: content.baselineAssessment ?? false,
    genderComponent: content.genderComponent ?? false,
    multiYear: content.multiYear ?? false,
    conflictAffected: content.conflictAffected ?? false,
    nationalReportId: content.nationalReportId ?? null,
    sourceExcerpt: content.sourceExcerpt ?? null,
    cycleYear: cycleOfYear(content.reportYear ?? createdAt.getUTCFullYear()).year,
    validUntil: content.validUntil ?? defaultValidUntil(createdAt),
    confirmedAt: null,
    createdBy,
    createdAt,
  });
  need.themeLinks = themeLinks(need.id, content.themeCodes);
  const audit: AuditEntry = {
    action: 'need.create',
    entityType: 'Need',
    entityId: need.id,
    detail: {
      countryIso3: need.countryIso3,
      title: need.title,
      themeCodes: need.themeCodes,
      estimatedBudgetUsd: need.estimatedBudgetUsd,
      ...(need.nationalReportId ? { nationalReportId: need.nationalReportId } : {}),
      ...origin,
    },
  };
  return { need, audit };
}

/** The rows that tie a need to its themes. */
export function themeLinks(needId: string, themeCodes: readonly string[]): NeedTheme[] {
  return themeCodes.map((themeCode) => Object.assign(new NeedTheme(), { needId, themeCode }));
}
