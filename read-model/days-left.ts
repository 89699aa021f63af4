import type { ClockUnit } from '../domain/case';
import { englandDateOf } from '../domain/calendar/england-time';
import type { caseCalendars } from './case-calendars';

const DAY = 24 * 60 * 60 * 1000;

/** How long is left to a clock: counted as the clock counts (school days on the case's calendar, or days). */
export interface DaysLeft {
  /** Days after today up to and including the clock's last day: 0 on the last day itself, or once it has run out. */
  count: number;
  unit: ClockUnit;
}

/**
 * A clock runs out at the end of its last day (in England), so what is left is counted up to that day. Clocks
 * kept before their unit was recorded count school days (see ScheduledDeadline.unit).
 */
export function daysLeftOn(calendarOf: ReturnType<typeof caseCalendars>, now: Date) {
  const today = englandDateOf(now);
  return async (theCase: { laCode: string; schoolUrn?: string | null }, at: Date, unit: ClockUnit = 'school_days'): Promise<DaysLeft> => {
    const lastDay = englandDateOf(new Date(at.getTime() - 1));
    if (lastDay <= today) return { count: 0, unit };
    const count =
      unit === 'days'
        ? Math.round((Date.parse(lastDay) - Date.parse(today)) / DAY)
        : (await calendarOf(theCase.laCode, theCase.schoolUrn)).schoolDaysBetween(today, lastDay);
    return { count, unit };
  };
}
