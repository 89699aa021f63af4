import type { UtcOffset } from './held-calendar';
import type { IsoDate } from './iso-date';

/**
 * Statutory days are days in England, so "the end of a school day" is midnight in Europe/London, which is
 * UTC in winter and UTC+1 in summer. Runs in activities and the API, never in workflow code (which counts from
 * the offsets `englandUtcOffsets` hands it, held-calendar.ts).
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

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const changesByYear = new Map<number, UtcOffset[]>();

function offsetMinutesAt(epochMs: number): number {
  return Math.round((londonWallClock(new Date(epochMs)).asUtcMs - epochMs) / MINUTE_MS);
}

/** The minutes England's clocks changed in during a UTC year (one look a day, then the minute), kept: they never change. */
function clockChangesIn(year: number): UtcOffset[] {
  let changes = changesByYear.get(year);
  if (changes) return changes;
  changes = [];
  const endMs = Date.UTC(year + 1, 0, 1);
  let previous = offsetMinutesAt(Date.UTC(year, 0, 1) - DAY_MS);
  for (let dayMs = Date.UTC(year, 0, 1); dayMs <= endMs; dayMs += DAY_MS) {
    const minutes = offsetMinutesAt(dayMs);
    if (minutes === previous) continue;
    let before = dayMs - DAY_MS;
    let after = dayMs;
    while (after - before > MINUTE_MS) {
      const middle = before + Math.floor((after - before) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetMinutesAt(middle) === minutes) after = middle;
      else before = middle;
    }
    changes.push({ fromMs: after, minutes });
    previous = minutes;
  }
  changesByYear.set(year, changes);
  return changes;
}

/**
 * England's offsets from UTC from the day before `from` to two days after `to`, each from the minute it
 * starts: enough for held-calendar.ts to find the day of any instant in those days and the end of each day.
 */
export function englandUtcOffsets(from: IsoDate, to: IsoDate): UtcOffset[] {
  const startMs = Date.parse(`${from}T00:00:00Z`) - DAY_MS;
  const endMs = Date.parse(`${to}T00:00:00Z`) + 2 * DAY_MS;
  const offsets = [{ fromMs: startMs, minutes: offsetMinutesAt(startMs) }];
  for (let year = new Date(startMs).getUTCFullYear(); year <= new Date(endMs).getUTCFullYear(); year += 1) {
    offsets.push(...clockChangesIn(year).filter((change) => startMs < change.fromMs && change.fromMs <= endMs));
  }
  return offsets;
}
