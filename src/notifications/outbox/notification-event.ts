import type { NotificationParams } from '../entities/notification.entity';
import type { NotificationKind } from '../notification-kind';

export const NOTIFY_JOB = 'notify';

/**
 * Something to tell people about, written by the feature where it happened. The notify job finds
 * the recipients from the kind and its pairing or need (KIND_RULES), keeps those who may see it,
 * and makes one notification each.
 */
export interface NotificationEvent {
  kind: NotificationKind;
  /** Identifies the event: the same key twice notifies nobody twice. */
  eventKey: string;
  matchId?: string;
  needId?: string;
  params: NotificationParams;
}
