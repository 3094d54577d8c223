import { registerEnumType } from '@nestjs/graphql';
import { STAFF_ROLES } from '../access/actor';
import { Role } from '../domain/role';

/** What a notification is about; each kind has its own audience and its own default delivery. */
export enum NotificationKind {
  /** To a state: a new match for its need scores at least NOTIFY_MATCH_MIN_SCORE. */
  STRONG_MATCH_FOR_NEED = 'STRONG_MATCH_FOR_NEED',
  /** To a donor: a new match for its offer scores at least NOTIFY_MATCH_MIN_SCORE. */
  STRONG_MATCH_FOR_OFFER = 'STRONG_MATCH_FOR_OFFER',
  /** To a state: the Secretariat approved a pairing for its need, which waits for its consent. */
  CONSENT_REQUESTED = 'CONSENT_REQUESTED',
  /** To a donor: the state confirmed a pairing of its offer. */
  CONSENT_GIVEN = 'CONSENT_GIVEN',
  /** To a donor: the state declined a pairing its offer was engaged in. */
  CONSENT_DECLINED = 'CONSENT_DECLINED',
  /** To both parties and the Secretariat: a running pairing's progress report is due or overdue. */
  PROGRESS_REPORT_DUE = 'PROGRESS_REPORT_DUE',
  /** To a state: a need must be reconfirmed, or it becomes stale. */
  NEED_RECONFIRMATION_DUE = 'NEED_RECONFIRMATION_DUE',
  /** To the Secretariat: what happened on the platform the day before. */
  DAILY_SUMMARY = 'DAILY_SUMMARY',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description:
    'STRONG_MATCH_FOR_NEED and STRONG_MATCH_FOR_OFFER: a new match scoring at least the strong-match threshold; CONSENT_REQUESTED: a pairing approved for your need waits for your consent; CONSENT_GIVEN, CONSENT_DECLINED: the state answered on a pairing of your offer; PROGRESS_REPORT_DUE: a running pairing owes a progress report; NEED_RECONFIRMATION_DUE: a need must be reconfirmed before it becomes stale; DAILY_SUMMARY: the Secretariat’s summary of the day before.',
});

/** How a kind reaches people who have not said otherwise. */
export interface KindDelivery {
  /** E-mail as well as the application. */
  email: boolean;
  /** E-mail once a day, gathered with the others of the day, rather than at once. */
  digest: boolean;
}

interface KindRule {
  /** The roles that receive the kind, and so may set a preference for it. */
  roles: readonly Role[];
  defaults: KindDelivery;
  /** The kind is a digest by nature: it cannot be sent at once. */
  alwaysDigest?: boolean;
}

const AT_ONCE: KindDelivery = { email: true, digest: false };
const DAILY: KindDelivery = { email: true, digest: true };

/** Who receives each kind, and how by default (issue 16: strong matches in a daily digest). */
export const KIND_RULES: Readonly<Record<NotificationKind, KindRule>> = {
  [NotificationKind.STRONG_MATCH_FOR_NEED]: { roles: [Role.STATE], defaults: DAILY },
  [NotificationKind.STRONG_MATCH_FOR_OFFER]: { roles: [Role.DONOR], defaults: DAILY },
  [NotificationKind.CONSENT_REQUESTED]: { roles: [Role.STATE], defaults: AT_ONCE },
  [NotificationKind.CONSENT_GIVEN]: { roles: [Role.DONOR], defaults: AT_ONCE },
  [NotificationKind.CONSENT_DECLINED]: { roles: [Role.DONOR], defaults: AT_ONCE },
  [NotificationKind.PROGRESS_REPORT_DUE]: { roles: [Role.STATE, Role.DONOR, ...STAFF_ROLES], defaults: AT_ONCE },
  [NotificationKind.NEED_RECONFIRMATION_DUE]: { roles: [Role.STATE], defaults: AT_ONCE },
  [NotificationKind.DAILY_SUMMARY]: { roles: STAFF_ROLES, defaults: DAILY, alwaysDigest: true },
};

/** The kinds a role receives, in the enum's order. */
export function kindsFor(role: Role): NotificationKind[] {
  return Object.values(NotificationKind).filter((kind) => KIND_RULES[kind].roles.includes(role));
}
