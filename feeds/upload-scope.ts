import type { Principal } from '../domain/principal';

/**
 * Which schools' rows a caller may upload, as SQL parameters: a school user its own URNs, an LA officer the
 * schools of its LA, a manager or admin without an LA every school.
 */
export interface UploadScope {
  schoolUrns: string[] | null;
  laCode: string | null;
}

export function uploadScope(principal: Principal): UploadScope {
  if (principal.role === 'school') return { schoolUrns: principal.schoolUrns, laCode: null };
  return { schoolUrns: null, laCode: principal.laCode ?? null };
}

/** The SQL condition (over a `school` row aliased `sc`) that a row is in scope; $1 schoolUrns, $2 laCode. */
export const inScopeSql = '(($1::text[] IS NULL OR sc.urn = ANY($1::text[])) AND ($2::text IS NULL OR sc.la_code = $2::text))';
