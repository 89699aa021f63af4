import { addCalendarDays, isWeekend, type IsoDate } from './iso-date';

/** One term (or half-term) as the LA publishes it: both days inclusive. */
export interface Term {
  name: string;
  start: IsoDate;
  end: IsoDate;
}

export interface SchoolCalendarData {
  /** The LA's term dates. Empty means none configured: every weekday that is not a bank holiday counts. */
  terms: Term[];
  /** Days this school does not meet although its LA's term does: INSET days, closures. */
  closures: IsoDate[];
  /** England's bank holidays (see england-bank-holidays.ts). */
  isBankHoliday: (date: IsoDate) => boolean;
}

export interface SchoolDayCount {
  date: IsoDate;
  /**
   * True when the count ran past the last configured term (or no terms are configured): those days were
   * assumed to be weekdays that are not bank holidays, and the date should be recomputed once term dates
   * are entered.
   */
  provisional: boolean;
}

/**
 * "School days" are days on which the particular school meets (docs/law.md (c) Calendars): within its
 * LA's terms, not a weekend, bank holiday or one of the school's own closure days.
 */
export class SchoolCalendar {
  private readonly terms: Term[];
  private readonly closures: ReadonlySet<IsoDate>;
  private readonly horizon: IsoDate | undefined;

  constructor(private readonly data: SchoolCalendarData) {
    this.terms = [...data.terms].sort((a, b) => a.start.localeCompare(b.start));
    this.closures = new Set(data.closures);
    this.horizon = this.terms.at(-1)?.end;
  }

  /** Whether the school meets on this day; past the configured terms, whether it presumably does. */
  isSchoolDay(date: IsoDate): boolean {
    if (isWeekend(date) || this.data.isBankHoliday(date) || this.closures.has(date)) return false;
    if (this.isBeyondHorizon(date)) return true;
    return this.terms.some((term) => term.start <= date && date <= term.end);
  }

  /** The date of the `count`th school day after `from` (`from` itself never counts). */
  addSchoolDays(from: IsoDate, count: number): SchoolDayCount {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number >= 0, got ${count}`);
    let date = from;
    let provisional = false;
    for (let remaining = count; remaining > 0; ) {
      date = addCalendarDays(date, 1);
      if (this.isSchoolDay(date)) {
        remaining -= 1;
        provisional ||= this.isBeyondHorizon(date);
      }
      if (date > addCalendarDays(from, 366 * 3)) throw new RangeError(`no ${count} school days within three years of ${from}`);
    }
    return { date, provisional };
  }

  /** School days after `from` up to and including `to` (0 when `to` is not after `from`). */
  schoolDaysBetween(from: IsoDate, to: IsoDate): number {
    let count = 0;
    for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1)) {
      if (this.isSchoolDay(date)) count += 1;
    }
    return count;
  }

  private isBeyondHorizon(date: IsoDate): boolean {
    return this.horizon === undefined || date > this.horizon;
  }
}
