import type { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';
import type { Principal } from '../domain/principal';

/**
 * The schools a caller works with, by name: a school user its own, LA staff their LA's, an administrator (or a
 * manager with no LA) every school. Lets readers name a school instead of showing its URN.
 */
export async function schoolsInScope(db: Db, principal: Principal) {
  const where: Prisma.SchoolWhereInput =
    principal.role === 'school' ? { urn: { in: principal.schoolUrns } } : principal.role !== 'admin' && principal.laCode ? { laCode: principal.laCode } : {};
  const rows = await db.school.findMany({ where, select: { urn: true, name: true, laCode: true, isSpecial: true }, orderBy: { name: 'asc' } });
  return { schools: rows };
}
