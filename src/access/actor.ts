import { Role } from '../domain/role';

/** Who is making a request, as the services need to know it for authorisation decisions. */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
  /** Set for STATE users. */
  countryIso3: string | null;
  /** Set for DONOR users. */
  donorId: string | null;
}

/** The Secretariat and platform operators: they may act for any state or donor. */
export const STAFF_ROLES: readonly Role[] = [Role.SECRETARIAT, Role.ADMIN];

export function isStaff(actor: Actor | null | undefined): boolean {
  return !!actor && STAFF_ROLES.includes(actor.role);
}
