import type { IsoDate } from '../domain/calendar/iso-date';
import type { StoredMark } from '../domain/deletion/register-check';
import type { Db } from './prisma';

const dbDate = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);

/** The register marks the attendance feed stored, read back for the checks that rest on them. */
export function createMarkStore(db: Db) {
  return {
    /** One pupil's marks at one school between two dates, both inclusive. */
    async marksOf(pupilId: string, schoolUrn: string, from: IsoDate, to: IsoDate): Promise<StoredMark[]> {
      const rows = await db.attendanceMark.findMany({
        where: { pupilId, schoolUrn, date: { gte: dbDate(from), lte: dbDate(to) } },
        select: { date: true, session: true, code: true },
        orderBy: [{ date: 'asc' }, { session: 'asc' }],
      });
      return rows.map((row) => ({ date: row.date.toISOString().slice(0, 10), session: row.session, code: row.code }));
    },
  };
}

export type MarkStore = ReturnType<typeof createMarkStore>;
