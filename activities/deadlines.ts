import type { CalendarStore } from '../db/calendar-store';
import { endOfEnglandDay, englandDateOf } from '../domain/calendar/england-time';
import { addCalendarDays, type IsoDate } from '../domain/calendar/iso-date';

export interface DeadlineRequest {
  /** ISO instant the clock starts from; the day it falls on never counts. */
  from: string;
  count: number;
  /** School days of this school's calendar (the LA's for a child on no roll), or plain days where the rule says days. */
  unit: 'school_days' | 'days';
  laCode: string;
  schoolUrn?: string;
}

export interface Deadline {
  /** The instant the clock runs out: the end of `lastDay` in England. */
  at: string;
  lastDay: IsoDate;
  /** Counted past the school's known term dates: recompute when they are entered. */
  provisional: boolean;
}

export function createComputeDeadline(calendars: Pick<CalendarStore, 'calendarOf' | 'laCalendarOf'>) {
  return async function computeDeadline(request: DeadlineRequest): Promise<Deadline> {
    const startDay = englandDateOf(new Date(request.from));
    const { date: lastDay, provisional } =
      request.unit === 'days'
        ? { date: addCalendarDays(startDay, request.count), provisional: false }
        : (await (request.schoolUrn ? calendars.calendarOf(request.schoolUrn) : calendars.laCalendarOf(request.laCode))).addSchoolDays(startDay, request.count);
    return { at: endOfEnglandDay(lastDay).toISOString(), lastDay, provisional };
  };
}
