import { addCalendarDays, type IsoDate } from './iso-date';
import { SchoolCalendar, type SchoolDayCount, type Term } from './school-calendar';

/** England's offset from UTC, in minutes, from an instant (ms since the epoch) until the next one's. */
export interface UtcOffset {
  fromMs: number;
  minutes: number;
}

/**
 * A school's calendar (the LA's for a child on no roll) for a run of days, as plain data: what a workflow
 * needs to count a clock without reading anything and without time-zone data, so it counts the same on replay.
 * Built by hold-calendar.ts from the register and England's bank holidays and clocks.
 */
export interface HeldCalendar {
  /** The days it speaks for, both inclusive. */
  from: IsoDate;
  to: IsoDate;
  /** All the LA's terms: the last one's end decides which days are presumed (SchoolCalendar's horizon). */
  terms: Term[];
  /** The school's closures and England's bank holidays between `from` and `to`. */
  closures: IsoDate[];
  bankHolidays: IsoDate[];
  /** In order; the first starts before `from` begins in England, the last runs past `to`'s end. */
  utcOffsets: UtcOffset[];
}

/** The same shape as activities/deadlines.ts answers: the end of `lastDay` in England. */
export interface HeldDeadline extends Pick<SchoolDayCount, 'provisional'> {
  at: string;
  lastDay: IsoDate;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const toIsoDate = (epochMs: number): IsoDate => new Date(epochMs).toISOString().slice(0, 10);

function offsetMsAt(held: HeldCalendar, epochMs: number): number | undefined {
  let minutes: number | undefined;
  for (const offset of held.utcOffsets) if (offset.fromMs <= epochMs) minutes = offset.minutes;
  return minutes === undefined ? undefined : minutes * 60_000;
}

/**
 * The clock's end counted as computeDeadline counts it (england-time.ts's day boundaries, SchoolCalendar's
 * school days), or undefined when the count starts or ends outside the held days: the caller loads them again.
 */
export function deadlineWithin(held: HeldCalendar, fromMs: number, count: number, unit: 'school_days' | 'days'): HeldDeadline | undefined {
  const startDay = dayWithin(held, fromMs);
  if (startDay === undefined) return undefined;
  const { date: lastDay, provisional } = unit === 'days' ? { date: addCalendarDays(startDay, count), provisional: false } : schoolCalendarOf(held).addSchoolDays(startDay, count);
  if (lastDay > held.to) return undefined;
  const nextMidnightAsUtc = Date.parse(`${lastDay}T00:00:00Z`) + DAY_MS;
  const endOffset = offsetMsAt(held, nextMidnightAsUtc);
  if (endOffset === undefined) return undefined;
  return { at: new Date(nextMidnightAsUtc - endOffset).toISOString(), lastDay, provisional };
}

/** The day in England an instant falls on, or undefined outside the held days. */
export function dayWithin(held: HeldCalendar, epochMs: number): IsoDate | undefined {
  const offset = offsetMsAt(held, epochMs);
  if (offset === undefined) return undefined;
  const day = toIsoDate(epochMs + offset);
  return day < held.from ? undefined : day;
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function schoolCalendarOf(held: HeldCalendar): SchoolCalendar {
  const bankHolidays = new Set(held.bankHolidays);
  return new SchoolCalendar({ terms: held.terms, closures: held.closures, isBankHoliday: (date) => bankHolidays.has(date) });
}
