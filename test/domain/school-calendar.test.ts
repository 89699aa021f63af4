import { isEnglandBankHoliday } from '../../domain/calendar/england-bank-holidays';
import { endOfEnglandDay, englandDateOf } from '../../domain/calendar/england-time';
import { termProblems } from '../../domain/calendar/terms';
import { fixtureCalendar } from '../fixtures/calendar';

// "School days" are days on which the particular school meets (docs/law.md (c) Calendars [S]).
describe('school calendar: LA terms, INSET days, England bank holidays', () => {
  const calendar = fixtureCalendar();

  it.each([
    ['2026-10-23', 1, '2026-11-02', 'across the October half-term'],
    ['2026-12-18', 1, '2027-01-05', 'across Christmas, skipping the INSET day on 4 January'],
    ['2027-02-12', 1, '2027-02-23', 'across February half-term, skipping the INSET day that follows it'],
    ['2027-03-25', 1, '2027-04-12', 'Good Friday (26 March) is a bank holiday inside term, then Easter'],
    ['2027-04-30', 1, '2027-05-04', 'early May bank holiday Monday inside term'],
    ['2026-11-30', 5, '2026-12-07', 'T1: code N resolved within 5 school days'],
    ['2026-11-30', 20, '2027-01-12', 'ground I: 20 school days across Christmas and an INSET day'],
    ['2026-12-17', 10, '2027-01-15', 'T2: 10 school days across Christmas'],
  ])('%s + %i school days = %s (%s)', (from, count, expected) => {
    expect(calendar.addSchoolDays(from, count)).toEqual({ date: expected, provisional: false });
  });

  it('counts back what it added, across every break of the year', () => {
    for (const from of ['2026-09-01', '2026-10-20', '2026-12-15', '2027-03-20', '2027-05-25']) {
      for (const count of [1, 5, 10, 15, 20, 45]) {
        expect(calendar.schoolDaysBetween(from, calendar.addSchoolDays(from, count).date)).toBe(count);
      }
    }
  });

  it('knows which days the school meets', () => {
    expect(calendar.isSchoolDay('2026-11-02')).toBe(true);
    expect(calendar.isSchoolDay('2026-10-26')).toBe(false); // half-term
    expect(calendar.isSchoolDay('2027-01-04')).toBe(false); // INSET
    expect(calendar.isSchoolDay('2027-03-26')).toBe(false); // Good Friday
    expect(calendar.isSchoolDay('2026-11-07')).toBe(false); // Saturday
  });

  it('marks a count that runs past the last known term as provisional, assuming weekdays', () => {
    expect(calendar.addSchoolDays('2027-07-20', 3)).toEqual({ date: '2027-07-23', provisional: true });
  });

  it('with no term dates configured, counts weekdays that are not bank holidays, provisionally', () => {
    const noTerms = fixtureCalendar([], []);
    expect(noTerms.addSchoolDays('2026-12-24', 2)).toEqual({ date: '2026-12-30', provisional: true });
  });

  it('refuses a negative or fractional count', () => {
    expect(() => calendar.addSchoolDays('2026-12-01', -1)).toThrow(RangeError);
    expect(() => calendar.addSchoolDays('2026-12-01', 1.5)).toThrow(RangeError);
  });
});

describe("England's bank holidays (date-holidays, substitute days included)", () => {
  it.each(['2026-12-25', '2026-12-28', '2027-03-29', '2027-05-31', '2027-08-30'])('%s is a bank holiday', (date) => {
    expect(isEnglandBankHoliday(date)).toBe(true);
  });

  it('an ordinary Monday is not', () => {
    expect(isEnglandBankHoliday('2026-11-30')).toBe(false);
  });
});

describe('term dates', () => {
  it('accepts ordered, separate terms', () => {
    expect(termProblems([{ name: 'A', start: '2026-09-02', end: '2026-10-23' }, { name: 'B', start: '2026-11-02', end: '2026-12-18' }])).toEqual([]);
  });

  it('names a term that ends before it starts or overlaps another', () => {
    expect(
      termProblems([
        { name: 'A', start: '2026-09-02', end: '2026-10-23' },
        { name: 'B', start: '2026-10-20', end: '2026-12-18' },
        { name: 'C', start: '2027-02-01', end: '2027-01-04' },
      ]),
    ).toEqual([
      { index: 2, problem: 'starts (2027-02-01) after it ends (2027-01-04)' },
      { index: 1, problem: 'overlaps "A" (2026-09-02 to 2026-10-23)' },
    ]);
  });
});

describe('days in England', () => {
  it('a winter day ends at midnight UTC', () => {
    expect(endOfEnglandDay('2026-12-04').toISOString()).toBe('2026-12-05T00:00:00.000Z');
  });

  it('a summer day ends at 23:00 UTC (BST)', () => {
    expect(endOfEnglandDay('2026-06-10').toISOString()).toBe('2026-06-10T23:00:00.000Z');
  });

  it('the day the clocks go forward ends on BST; the day they go back ends on GMT', () => {
    expect(endOfEnglandDay('2026-03-29').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(endOfEnglandDay('2026-10-25').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('late evening UTC in summer is already the next day in England', () => {
    expect(englandDateOf(new Date('2026-06-10T23:30:00Z'))).toBe('2026-06-11');
    expect(englandDateOf(new Date('2026-12-10T23:30:00Z'))).toBe('2026-12-10');
  });
});
