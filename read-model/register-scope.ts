import { inLa, requireRole } from '../domain/access';
import { Forbidden, NotFound } from '../domain/errors';
import type { Principal } from '../domain/principal';
import type { RegisterScope } from './education-status-at';

/**
 * The cases' scope for an LA's registers: a school sees its own former pupils only, LA staff their LA's children;
 * another LA answers as not found, so nothing is disclosed. Administrators read no child.
 */
export function registerScope(principal: Principal, laCode: string): RegisterScope {
  if (principal.role === 'admin') throw new Forbidden('administrators configure the system and read no case', 'role');
  if (principal.role === 'school') return { laCode, schoolUrns: principal.schoolUrns };
  if (!inLa(principal, laCode)) throw new NotFound('local authority');
  return { laCode };
}

/** The termly return is the LA's: its officers and managers only. */
export function requireReturnAccess(principal: Principal, laCode: string): void {
  requireRole(principal, ['la_cme_officer', 'la_send_officer', 'manager']);
  if (!inLa(principal, laCode)) throw new NotFound('local authority');
}
