import Holidays from 'date-holidays';
import type { IsoDate } from './iso-date';

const england = new Holidays('GB', 'ENG');
const byYear = new Map<number, ReadonlySet<IsoDate>>();

/**
 * England's bank holidays, substitute days included, from the maintained `date-holidays` data
 * (Banking and Financial Dealings Act 1971 and royal proclamations).
 */
export function isEnglandBankHoliday(date: IsoDate): boolean {
  return bankHolidaysIn(Number(date.slice(0, 4))).has(date);
}

/** England's bank holidays from `from` to `to`, both inclusive, in order. */
export function englandBankHolidaysBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    days.push(...[...bankHolidaysIn(year)].filter((date) => from <= date && date <= to).sort());
  }
  return days;
}

function bankHolidaysIn(year: number): ReadonlySet<IsoDate> {
  let days = byYear.get(year);
  if (!days) {
    days = new Set(
      england
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    byYear.set(year, days);
  }
  return days;
}
