import type { IsoDate } from './iso-date';

/**
 * Statutory days are days in England, so "the end of a school day" is midnight in Europe/London, which is
 * UTC in winter and UTC+1 in summer. Runs in activities and the API, never in workflow code.
 */
const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function londonWallClock(instant: Date): { date: IsoDate; asUtcMs: number } {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const asUtcMs = Date.parse(`${date}T${parts.hour}:${parts.minute}:${parts.second}Z`);
  return { date, asUtcMs };
}

/** The calendar date in England at this instant. */
export function englandDateOf(instant: Date): IsoDate {
  return londonWallClock(instant).date;
}

/** The instant the given English calendar date ends (midnight at the start of the next day, London time). */
export function endOfEnglandDay(date: IsoDate): Date {
  const nextMidnightAsUtc = Date.parse(`${date}T00:00:00Z`) + 24 * 60 * 60 * 1000;
  const offsetMs = londonWallClock(new Date(nextMidnightAsUtc)).asUtcMs - nextMidnightAsUtc;
  return new Date(nextMidnightAsUtc - offsetMs);
}
