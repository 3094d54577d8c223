import type { NotificationKind, Role } from '../../gql/enums';
import type { MessageId } from '../../i18n/message-ids';

/** Every kind in words, in the list and on the preferences page. */
export const KIND_LABELS: Record<NotificationKind, MessageId> = {
  STRONG_MATCH_FOR_NEED: 'notifications.kind.STRONG_MATCH_FOR_NEED',
  STRONG_MATCH_FOR_OFFER: 'notifications.kind.STRONG_MATCH_FOR_OFFER',
  CONSENT_REQUESTED: 'notifications.kind.CONSENT_REQUESTED',
  CONSENT_GIVEN: 'notifications.kind.CONSENT_GIVEN',
  CONSENT_DECLINED: 'notifications.kind.CONSENT_DECLINED',
  PROGRESS_REPORT_DUE: 'notifications.kind.PROGRESS_REPORT_DUE',
  NEED_RECONFIRMATION_DUE: 'notifications.kind.NEED_RECONFIRMATION_DUE',
  DAILY_SUMMARY: 'notifications.kind.DAILY_SUMMARY',
};

export interface NotificationSubject {
  kind: NotificationKind;
  /** Null when the reader may no longer see it (the API hides it). */
  needId?: string | null;
  matchId?: string | null;
}

export interface NotificationTarget {
  path: string;
  label: MessageId;
}

/**
 * The console page where the reader acts on a notification, among those their role may open: a state
 * answers and reports on pairings on its pairings page and sees a need's matches under the need; a
 * donor follows its pairings and reads a need in the browse pages; the Secretariat opens the need.
 * Null when the notification is about nothing the reader may open.
 */
export function notificationTarget(role: Role, subject: NotificationSubject): NotificationTarget | null {
  const { kind, needId, matchId } = subject;
  if (role === 'STATE') {
    if (matchId && (kind === 'CONSENT_REQUESTED' || kind === 'PROGRESS_REPORT_DUE'))
      return { path: '/pairings', label: 'notifications.target.pairings' };
    if (needId && kind === 'STRONG_MATCH_FOR_NEED') return { path: `/needs/${needId}/matches`, label: 'notifications.target.needMatches' };
    return needId ? { path: `/needs/${needId}`, label: 'notifications.target.need' } : null;
  }
  if (role === 'DONOR') {
    if (matchId && kind !== 'STRONG_MATCH_FOR_OFFER') return { path: '/donor-pairings', label: 'notifications.target.pairings' };
    return needId ? { path: `/browse/${needId}`, label: 'notifications.target.need' } : null;
  }
  return needId ? { path: `/needs/${needId}`, label: 'notifications.target.need' } : null;
}

/** How one kind reaches the reader, as one choice: the API's e-mail and digest flags together. */
export type Delivery = 'app' | 'immediate' | 'digest';

export interface KindDelivery {
  email: boolean;
  digest: boolean;
}

export function deliveryOf({ email, digest }: KindDelivery): Delivery {
  if (!email) return 'app';
  return digest ? 'digest' : 'immediate';
}

/**
 * The flags for a choice. "In the console only" keeps the digest flag as it was, so a kind that is a
 * digest by nature stays one (the API refuses it otherwise) and e-mail turned on again comes as before.
 */
export function kindDelivery(choice: Delivery, before: KindDelivery): KindDelivery {
  if (choice === 'app') return { email: false, digest: before.digest };
  return { email: true, digest: choice === 'digest' };
}

/** The choices a kind offers: one that is a digest by nature never comes at once. */
export function deliveryChoices(alwaysDigest: boolean): Delivery[] {
  return alwaysDigest ? ['app', 'digest'] : ['app', 'immediate', 'digest'];
}

export const DELIVERY_LABELS: Record<Delivery, MessageId> = {
  app: 'notifications.preferences.delivery.app',
  immediate: 'notifications.preferences.delivery.immediate',
  digest: 'notifications.preferences.delivery.digest',
};

/** The unread ones among the notifications shown, to mark read at once (the API takes up to 100, more than a page). */
export function unreadIds(shown: readonly { id: string; readAt?: string | null }[]): string[] {
  return shown.filter((notification) => !notification.readAt).map((notification) => notification.id);
}
