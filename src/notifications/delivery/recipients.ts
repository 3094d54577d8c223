import { User } from '../../accounts/entities/user.entity';
import { isAddressee, MatchSides } from '../../matching/match-policy';
import { KIND_RULES, NotificationKind } from '../notification-kind';

/**
 * Whether a user is among a kind's audience for an event: the kind's roles, and among them those the
 * match policy addresses (a state of its own needs, a donor of its own offers, the Secretariat of
 * all). Visibility is checked apart, afterwards.
 */
export function isAudience(user: Pick<User, 'role' | 'countryIso3' | 'donorId'>, kind: NotificationKind, owners: MatchSides): boolean {
  return KIND_RULES[kind].roles.includes(user.role) && isAddressee(user, owners);
}
