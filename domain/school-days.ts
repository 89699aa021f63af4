/**
 * School-day arithmetic. For now a school day is a weekday (Monday to Friday): per-school term dates,
 * INSET days and England's bank holidays are the calendar's next step (issue #3). Dates are ISO
 * calendar dates (YYYY-MM-DD) in the school's local time, England.
 */
export type IsoDate = string;

const DAY_MS = 24 * 60 * 60 * 1000;

export function isSchoolDay(date: IsoDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The date that is `count` school days after `from` (not counting `from` itself). */
export function addSchoolDays(from: IsoDate, count: number): IsoDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number >= 0, got ${count}`);
  let cursor = new Date(`${from}T00:00:00Z`).getTime();
  let remaining = count;
  while (remaining > 0) {
    cursor += DAY_MS;
    if (isSchoolDay(toIsoDate(cursor))) remaining -= 1;
  }
  return toIsoDate(cursor);
}

function toIsoDate(epochMs: number): IsoDate {
  return new Date(epochMs).toISOString().slice(0, 10);
}
