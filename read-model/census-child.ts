import type { Db } from '../db/prisma';
import { knownYearGroup } from '../domain/collection/year-group';

/** What a register row and the return say of a child: census fields on a date, SEN status, name. */
export interface CensusChild {
  pupilId: string;
  upn: string | null;
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  /** M, F, or U when not known. */
  sex: string;
  /** On the date asked, from the date of birth, else as last reported; `not_known` when neither. */
  yearGroup: string;
  senStatus: string;
}

/** The census fields of these children on a day (YYYY-MM-DD). */
export async function censusChildren(db: Db, pupilIds: string[], day: string): Promise<Map<string, CensusChild>> {
  const pupils = await db.pupil.findMany({
    where: { id: { in: pupilIds } },
    select: { id: true, upn: true, sex: true, yearGroup: true, senStatus: true, details: { select: { givenName: true, familyName: true, dateOfBirth: true } } },
  });
  return new Map(
    pupils.map((pupil) => {
      const dateOfBirth = pupil.details?.dateOfBirth?.toISOString().slice(0, 10) ?? null;
      const yearGroup = knownYearGroup(dateOfBirth, pupil.yearGroup, day) ?? 'not_known';
      return [
        pupil.id,
        {
          pupilId: pupil.id,
          upn: pupil.upn,
          givenName: pupil.details?.givenName ?? null,
          familyName: pupil.details?.familyName ?? null,
          dateOfBirth,
          sex: pupil.sex ?? 'U',
          yearGroup,
          senStatus: pupil.senStatus,
        },
      ];
    }),
  );
}
