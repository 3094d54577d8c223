import type { AssistanceType, Instrument, MatchStatus, MeetingKind, NeedStatus, Visibility } from '../gql/enums';
import type { Translate } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/locales';
import type { MessageId } from '../i18n/message-ids';

/** The API's enum values in words; every page shows them through these maps, so each is translated once. */
export const NEED_STATUS_LABELS: Record<NeedStatus, MessageId> = {
  DRAFT: 'common.needStatus.DRAFT',
  OPEN: 'common.needStatus.OPEN',
  PARTLY_FUNDED: 'common.needStatus.PARTLY_FUNDED',
  FUNDED: 'common.needStatus.FUNDED',
  CLOSED: 'common.needStatus.CLOSED',
  WITHDRAWN: 'common.needStatus.WITHDRAWN',
  STALE: 'common.needStatus.STALE',
};

export const MATCH_STATUS_LABELS: Record<MatchStatus, MessageId> = {
  PROPOSED: 'common.matchStatus.PROPOSED',
  DONOR_INTERESTED: 'common.matchStatus.DONOR_INTERESTED',
  APPROVED: 'common.matchStatus.APPROVED',
  CONFIRMED: 'common.matchStatus.CONFIRMED',
  ACTIVE: 'common.matchStatus.ACTIVE',
  COMPLETED: 'common.matchStatus.COMPLETED',
  DECLINED: 'common.matchStatus.DECLINED',
  REJECTED: 'common.matchStatus.REJECTED',
  SUPERSEDED: 'common.matchStatus.SUPERSEDED',
};

export const ASSISTANCE_TYPE_LABELS: Record<AssistanceType, MessageId> = {
  FINANCIAL: 'common.assistanceType.FINANCIAL',
  TECHNICAL_EXPERTISE: 'common.assistanceType.TECHNICAL_EXPERTISE',
  EQUIPMENT: 'common.assistanceType.EQUIPMENT',
  TRAINING: 'common.assistanceType.TRAINING',
  TECHNOLOGY_TRANSFER: 'common.assistanceType.TECHNOLOGY_TRANSFER',
};

export const VISIBILITY_LABELS: Record<Visibility, MessageId> = {
  PUBLIC: 'common.visibility.PUBLIC',
  DONORS: 'common.visibility.DONORS',
  SECRETARIAT: 'common.visibility.SECRETARIAT',
};

export const INSTRUMENT_LABELS: Record<Instrument, MessageId> = {
  POA: 'common.instrument.POA',
  ITI: 'common.instrument.ITI',
};

/** A reporting cycle's meeting in words, given its `number` ("9th Biennial Meeting of States"). */
const MEETING_KIND_LABELS: Record<MeetingKind, MessageId> = {
  BIENNIAL_MEETING: 'common.meeting.BIENNIAL_MEETING',
  REVIEW_CONFERENCE: 'common.meeting.REVIEW_CONFERENCE',
};

/** A reporting cycle in the reader's language, with the English code documents use: "9th Biennial Meeting of States (BMS9, 2026)". */
export function cycleName(t: Translate, cycle: { code: string; kind: MeetingKind; number: number; year: number }): string {
  return t('common.cycle', { meeting: t(MEETING_KIND_LABELS[cycle.kind], { number: cycle.number }), code: cycle.code, year: cycle.year });
}

/** A theme's label in the reader's language, as the API gives it (`Theme.labels`). */
export function themeLabel(theme: { labels: Record<Locale, string> }, locale: Locale): string {
  return theme.labels[locale];
}
