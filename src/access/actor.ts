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

/** The Secretariat and platform operators may act for any state or donor. */
export function isStaff(actor: Actor | null | undefined): boolean {
  return actor?.role === Role.SECRETARIAT || actor?.role === Role.ADMIN;
}
