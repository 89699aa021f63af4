import type { Role } from './actor';
import { Forbidden } from './errors';
import type { Principal } from './principal';

export function requireRole(principal: Principal, allowed: Role[]): void {
  if (!allowed.includes(principal.role)) throw new Forbidden(`${principal.role} may not do this; allowed: ${allowed.join(', ')}`, 'role');
}

/** LA roles act in their own LA; a manager or admin without an LA acts in any. */
export function inLa(principal: Principal, laCode: string): boolean {
  return principal.laCode === undefined ? principal.role === 'manager' || principal.role === 'admin' : principal.laCode === laCode;
}

export function requireLa(principal: Principal, laCode: string, field = 'laCode'): void {
  if (principal.role === 'school' || !inLa(principal, laCode)) throw new Forbidden(`not permitted for LA ${laCode}`, field);
}

/** A school user acts for its own schools; LA roles for schools in their LA. */
export function requireSchoolAccess(principal: Principal, school: { urn: string; laCode: string }, field = 'schoolUrn'): void {
  const allowed = principal.role === 'school' ? principal.schoolUrns.includes(school.urn) : inLa(principal, school.laCode);
  if (!allowed) throw new Forbidden(`not permitted for school ${school.urn}`, field);
}

/**
 * Who may see a case: its school's users, and the LA's officers and managers. Administrators configure the
 * system and read no case. Out of scope answers as not found, so a case's existence is not disclosed.
 */
export function canSeeCase(principal: Principal, kase: { laCode: string; schoolUrn: string | null }): boolean {
  if (principal.role === 'admin') return false;
  if (principal.role === 'school') return kase.schoolUrn !== null && principal.schoolUrns.includes(kase.schoolUrn);
  return inLa(principal, kase.laCode);
}
