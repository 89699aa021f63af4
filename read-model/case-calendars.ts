import { createCalendarStore } from '../db/calendar-store';
import type { Db } from '../db/prisma';
import type { SchoolCalendar } from '../domain/calendar/school-calendar';

/**
 * The calendar a case's clocks count on: its school's, or its LA's for a child on no roll. Each is loaded once
 * per call of the returned function's owner (one list, one case page).
 */
export function caseCalendars(db: Db) {
  const calendars = createCalendarStore(db);
  const loaded = new Map<string, Promise<SchoolCalendar>>();
  return (laCode: string, schoolUrn: string | null | undefined) => {
    const key = schoolUrn ?? `la:${laCode}`;
    if (!loaded.has(key)) loaded.set(key, schoolUrn ? calendars.calendarOf(schoolUrn) : calendars.laCalendarOf(laCode));
    return loaded.get(key) as Promise<SchoolCalendar>;
  };
}
