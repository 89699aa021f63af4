import { englandBankHolidaysBetween } from './england-bank-holidays';
import { englandDateOf, englandUtcOffsets } from './england-time';
import type { HeldCalendar } from './held-calendar';
import { addCalendarDays, type IsoDate } from './iso-date';
import type { Term } from './school-calendar';

/** Every count SchoolCalendar.addSchoolDays accepts (it gives up three years on) ends within this many days. */
const HELD_DAYS = 3 * 366 + 1;

/** A calendar's data from the England day of `from` on, for a workflow to count clocks from (held-calendar.ts). */
export function holdCalendar(calendar: { terms: Term[]; closures: IsoDate[] }, from: Date): HeldCalendar {
  const first = englandDateOf(from);
  const last = addCalendarDays(first, HELD_DAYS);
  return {
    from: first,
    to: last,
    terms: calendar.terms,
    closures: calendar.closures.filter((date) => first <= date && date <= last),
    bankHolidays: englandBankHolidaysBetween(first, last),
    utcOffsets: englandUtcOffsets(first, last),
  };
}
