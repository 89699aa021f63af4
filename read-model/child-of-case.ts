import type { Db } from '../db/prisma';
import { englandDateOf } from '../domain/calendar/england-time';
import { knownYearGroup } from '../domain/collection/year-group';
import { NotFound } from '../domain/errors';

/** Who the child is, for those who may see the case: read from our register only, never from Temporal. */
export async function childOfCase(db: Db, caseId: string) {
  const row = await db.case.findUnique({
    where: { id: caseId },
    select: { pupil: { select: { upn: true, senStatus: true, placedByLa: true, schoolUrn: true, yearGroup: true, details: true } } },
  });
  if (!row) throw new NotFound('case');
  const { details, yearGroup, ...pupil } = row.pupil;
  const dateOfBirth = details?.dateOfBirth?.toISOString().slice(0, 10) ?? null;
  return {
    ...pupil,
    yearGroup: knownYearGroup(dateOfBirth, yearGroup, englandDateOf(new Date())) ?? null,
    details: details && {
      givenName: details.givenName,
      familyName: details.familyName,
      dateOfBirth,
      address: details.address,
      parents: details.parents,
      emergencyPhones: details.emergencyPhones,
      newSchoolUrn: details.newSchoolUrn,
      newAddress: details.newAddress,
    },
  };
}
