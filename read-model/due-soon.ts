import type { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';
import { endOfEnglandDay, englandDateOf } from '../domain/calendar/england-time';
import { addCalendarDays } from '../domain/calendar/iso-date';
import { caseCalendars } from './case-calendars';

/** "Due soon" unless asked otherwise: the clock's last day within the next 5 school days. */
export const DUE_SOON_SCHOOL_DAYS = 5;

/**
 * Open cases among `where` whose next clock has not run out and whose last day is at most `schoolDays` school days
 * after today (today itself counting 0), counted on each case's calendar (its school's, or its LA's for a child on
 * no roll) as every clock and its "days left" count. One window per calendar, so the database still filters,
 * counts and pages: the clock runs out by the start of the (N+1)th school day after today.
 */
export async function dueSoonWhere(db: Db, where: Prisma.CaseWhereInput, now: Date, schoolDays = DUE_SOON_SCHOOL_DAYS): Promise<Prisma.CaseWhereInput> {
  const running: Prisma.CaseWhereInput = { closedAt: null, nextDeadlineAt: { gte: now } };
  const calendars = await db.case.findMany({ where: { AND: [where, running] }, select: { laCode: true, schoolUrn: true }, distinct: ['laCode', 'schoolUrn'] });
  const calendarOf = caseCalendars(db);
  const today = englandDateOf(now);
  const windows = await Promise.all(
    calendars.map(async ({ laCode, schoolUrn }) => {
      const firstTooLate = (await calendarOf(laCode, schoolUrn)).addSchoolDays(today, schoolDays + 1).date;
      return { laCode, schoolUrn, nextDeadlineAt: { lte: endOfEnglandDay(addCalendarDays(firstTooLate, -1)) } };
    }),
  );
  return { AND: [running, { OR: windows }] };
}
