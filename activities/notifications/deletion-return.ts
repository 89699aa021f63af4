import type { Db } from '../../db/prisma';

/**
 * SAR24 reg 13(4): the deletion return gives the LA the child's name and address, the parents, emergency
 * telephone numbers and, where known, the new school or address. Read from our register when the return is
 * sent, so the child's details never pass through Temporal. What the register does not hold is listed in
 * `notHeld`, so the LA sees at once what to ask the school for.
 */
export async function composeDeletionReturn(db: Db, caseId: string, facts: Record<string, string>) {
  const { pupil } = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { pupil: { select: { upn: true, schoolUrn: true, school: { select: { name: true } }, details: true } } },
  });
  const details = pupil.details;
  const parents = (details?.parents ?? []) as { name: string; relationship?: string; address?: string; phone?: string }[];
  const held = {
    name: details ? `${details.givenName} ${details.familyName}` : undefined,
    dateOfBirth: details?.dateOfBirth?.toISOString().slice(0, 10),
    address: details?.address ?? undefined,
    parents: parents.length > 0 ? parents : undefined,
    emergencyPhones: details?.emergencyPhones.length ? details.emergencyPhones : undefined,
  };
  return {
    regulation: 'SAR24 reg 13(4)',
    school: { urn: pupil.schoolUrn, name: pupil.school?.name },
    upn: pupil.upn,
    ground: facts.ground,
    deleteOn: facts.deleteOn,
    child: held,
    destination: { newSchoolUrn: details?.newSchoolUrn ?? undefined, newAddress: details?.newAddress ?? undefined },
    notHeld: Object.entries(held)
      .filter(([, value]) => value === undefined)
      .map(([field]) => field),
  };
}
