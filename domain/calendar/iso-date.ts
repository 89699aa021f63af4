/** ISO calendar dates (YYYY-MM-DD), as days in England, with plain-day arithmetic. */
export type IsoDate = string;

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  // Month 00 or day 00 does not parse at all (NaN), where 02-30 parses and rolls over; neither is a date.
  const epochMs = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(epochMs) && toIsoDate(epochMs) === value;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return toIsoDate(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function toIsoDate(epochMs: number): IsoDate {
  return new Date(epochMs).toISOString().slice(0, 10);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date as a reader says it, with the ISO date beside it: "Tue 12 Jan 2027 (2027-01-12)". */
export function readableDate(date: IsoDate): string {
  const day = new Date(`${date}T00:00:00Z`);
  return `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()} (${date})`;
}
