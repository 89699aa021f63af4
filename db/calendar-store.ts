import { isEnglandBankHoliday } from '../domain/calendar/england-bank-holidays';
import type { HeldCalendar } from '../domain/calendar/held-calendar';
import { holdCalendar } from '../domain/calendar/hold-calendar';
import type { IsoDate } from '../domain/calendar/iso-date';
import { SchoolCalendar, type Term } from '../domain/calendar/school-calendar';
import type { Db } from './prisma';

const isoDate = (date: Date): IsoDate => date.toISOString().slice(0, 10);
const dbDate = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);

export class UnknownSchoolError extends Error {
  constructor(readonly urn: string) {
    super(`school ${urn} is not on the register`);
  }
}

/** Term dates, closures and bank holidays as stored, for the API and the activities alike. */
export function createCalendarStore(db: Db) {
  async function termsOf(laCode: string): Promise<Term[]> {
    const rows = await db.laTerm.findMany({ where: { laCode }, orderBy: { startDate: 'asc' } });
    return rows.map((row) => ({ name: row.name, start: isoDate(row.startDate), end: isoDate(row.endDate) }));
  }

  async function closuresOf(schoolUrn: string): Promise<{ date: IsoDate; reason: string }[]> {
    const rows = await db.schoolClosure.findMany({ where: { schoolUrn }, orderBy: { date: 'asc' } });
    return rows.map((row) => ({ date: isoDate(row.date), reason: row.reason }));
  }

  async function schoolDaysOf(schoolUrn: string): Promise<{ terms: Term[]; closures: IsoDate[] }> {
    const school = await db.school.findUnique({ where: { urn: schoolUrn }, select: { laCode: true } });
    if (!school) throw new UnknownSchoolError(schoolUrn);
    const [terms, closures] = await Promise.all([termsOf(school.laCode), closuresOf(schoolUrn)]);
    return { terms, closures: closures.map((c) => c.date) };
  }

  return {
    termsOf,
    closuresOf,

    async replaceTerms(laCode: string, terms: Term[]): Promise<void> {
      await db.$transaction([
        db.laTerm.deleteMany({ where: { laCode } }),
        db.laTerm.createMany({
          data: terms.map((term) => ({ laCode, name: term.name, startDate: dbDate(term.start), endDate: dbDate(term.end) })),
        }),
      ]);
    },

    async replaceClosures(schoolUrn: string, closures: { date: IsoDate; reason: string }[]): Promise<void> {
      await db.$transaction([
        db.schoolClosure.deleteMany({ where: { schoolUrn } }),
        db.schoolClosure.createMany({ data: closures.map((c) => ({ schoolUrn, date: dbDate(c.date), reason: c.reason })) }),
      ]);
    },

    /** The calendar of one school: its LA's terms, its own closures, England's bank holidays. */
    async calendarOf(schoolUrn: string): Promise<SchoolCalendar> {
      return new SchoolCalendar({ ...(await schoolDaysOf(schoolUrn)), isBankHoliday: isEnglandBankHoliday });
    },

    /** The LA's own calendar (its terms and bank holidays), for a child on no school's roll. */
    async laCalendarOf(laCode: string): Promise<SchoolCalendar> {
      return new SchoolCalendar({ terms: await termsOf(laCode), closures: [], isBankHoliday: isEnglandBankHoliday });
    },

    /** The same calendar as data a case workflow holds and counts its clocks from, from the day of `from` on. */
    async heldCalendarOf(place: { laCode: string; schoolUrn?: string }, from: Date): Promise<HeldCalendar> {
      const days = place.schoolUrn ? await schoolDaysOf(place.schoolUrn) : { terms: await termsOf(place.laCode), closures: [] };
      return holdCalendar(days, from);
    },
  };
}

export type CalendarStore = ReturnType<typeof createCalendarStore>;
