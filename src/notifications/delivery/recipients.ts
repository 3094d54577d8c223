import { User } from '../../accounts/entities/user.entity';
import { Role } from '../../domain/role';
import { KIND_RULES, NotificationKind } from '../notification-kind';

/** Whose side of a pairing or need an event is on. */
export interface EventOwners {
  needCountryIso3: string | null;
  offerDonorId: string | null;
}

/**
 * Whether a user is among a kind's audience for an event: a state hears of its own needs, a donor of
 * its own offers, the Secretariat of what its kinds cover. Visibility is checked apart, afterwards.
 */
export function isAudience(user: Pick<User, 'role' | 'countryIso3' | 'donorId'>, kind: NotificationKind, owners: EventOwners): boolean {
  if (!KIND_RULES[kind].roles.includes(user.role)) return false;
  if (user.role === Role.STATE) return user.countryIso3 !== null && user.countryIso3 === owners.needCountryIso3;
  if (user.role === Role.DONOR) return user.donorId !== null && user.donorId === owners.offerDonorId;
  return true;
}
