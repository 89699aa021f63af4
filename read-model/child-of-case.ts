import type { Db } from '../db/prisma';
import { NotFound } from '../domain/errors';

/** Who the child is, for those who may see the case: read from our register only, never from Temporal. */
export async function childOfCase(db: Db, caseId: string) {
  const row = await db.case.findUnique({
    where: { id: caseId },
    select: { pupil: { select: { upn: true, senStatus: true, placedByLa: true, schoolUrn: true, details: true } } },
  });
  if (!row) throw new NotFound('case');
  const { details, ...pupil } = row.pupil;
  return {
    ...pupil,
    details: details && {
      givenName: details.givenName,
      familyName: details.familyName,
      dateOfBirth: details.dateOfBirth?.toISOString().slice(0, 10) ?? null,
      address: details.address,
      parents: details.parents,
      emergencyPhones: details.emergencyPhones,
      newSchoolUrn: details.newSchoolUrn,
      newAddress: details.newAddress,
    },
  };
}
