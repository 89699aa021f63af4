import type { Db } from '../db/prisma';
import { Invalid } from '../domain/errors';

/** The school a report names, which must be on the register (refused naming `schoolUrn` otherwise). */
export async function registeredSchool(db: Db, urn: string) {
  const school = await db.school.findUnique({ where: { urn } });
  if (!school) throw new Invalid('unknown_school', `school ${urn} is not on the register`, 'schoolUrn');
  return school;
}
