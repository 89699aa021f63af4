import type { Actor, Role } from './actor';

/**
 * Who is calling, from a verified token. `laCode` scopes LA roles to their authority (a manager or admin
 * without one sees every LA); `schoolUrns` scopes the school role to the URNs its user acts for.
 */
export interface Principal {
  userId: string;
  role: Role;
  name?: string;
  laCode?: string;
  schoolUrns: string[];
}

/** The actor a case records for this principal; a school user acts for the case's school. */
export function actorOf(principal: Principal, schoolUrn?: string): Actor {
  return principal.role === 'school' ? { role: 'school', userId: principal.userId, schoolUrn } : { role: principal.role, userId: principal.userId };
}
