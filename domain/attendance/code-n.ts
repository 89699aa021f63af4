import { addCalendarDays, type IsoDate } from '../calendar/iso-date';
import type { SchoolCalendar } from '../calendar/school-calendar';
import { reasonForAbsenceRule } from '../rules/catalogue';

/**
 * T1 (`reasonForAbsenceRule`, SAR24 reg 10(7)-(9); WTISA on code N [S]): a session coded N ("reason not yet
 * established") must be amended within 5 school days, counted on the school's own calendar (its LA's terms,
 * its closures, bank holidays). A mark is overdue once the 5th school day after its session has ended.
 */

/** The alert kind of code N left in the register past its 5 school days (T1); delivered to the case as an unexplained absence. */
export const unresolvedCodeNKind = 'unresolved_code_n';

/**
 * The earliest session date not yet overdue today: sessions before it still coded N are overdue. A session on
 * day d is overdue when 5 school days lie after d and before today, so this is the 5th school day counting back
 * from yesterday. Undefined when the school has not met 5 times in the past year (nothing can be overdue).
 */
export function codeNOverdueBefore(calendar: SchoolCalendar, today: IsoDate): IsoDate | undefined {
  let found = 0;
  for (let date = addCalendarDays(today, -1); date >= addCalendarDays(today, -366); date = addCalendarDays(date, -1)) {
    if (calendar.isSchoolDay(date)) found += 1;
    if (found === reasonForAbsenceRule.schoolDays) return date;
  }
  return undefined;
}

/** School days since the 5-school-day limit of a session on `sessionDate` ran out, today included. */
export function schoolDaysOverdue(calendar: SchoolCalendar, sessionDate: IsoDate, today: IsoDate): number {
  return calendar.schoolDaysBetween(calendar.addSchoolDays(sessionDate, reasonForAbsenceRule.schoolDays).date, today);
}
