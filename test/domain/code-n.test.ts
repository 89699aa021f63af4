import { codeNOverdueBefore, schoolDaysOverdue } from '../../domain/attendance/code-n';
import { fixtureCalendar } from '../fixtures/calendar';

describe('T1 (SAR24 reg 10(7)-(9) [S]): code N is replaced within 5 school days of the school\'s own calendar', () => {
  const calendar = fixtureCalendar();

  it('a session is overdue once its 5th school day has ended', () => {
    // Monday 9 Nov 2026: its 5th school day is Monday 16 Nov.
    expect(codeNOverdueBefore(calendar, '2026-11-16')).toBe('2026-11-09'); // on the 5th day itself: Monday 9th not yet overdue
    expect(codeNOverdueBefore(calendar, '2026-11-17')).toBe('2026-11-10'); // the day after: Monday 9th overdue
    expect(schoolDaysOverdue(calendar, '2026-11-09', '2026-11-17')).toBe(1);
  });

  it('counts across the October half term and the school\'s INSET day, not in calendar days', () => {
    // Friday 23 Oct 2026, the last day before half term: its 5 school days are 2-6 Nov.
    expect(codeNOverdueBefore(calendar, '2026-11-06')! <= '2026-10-23').toBe(true);
    expect(codeNOverdueBefore(calendar, '2026-11-07')! > '2026-10-23').toBe(true);
    // Monday 4 Jan 2027 is an INSET day: a session on Friday 18 Dec runs to Monday 11 Jan.
    expect(codeNOverdueBefore(calendar, '2027-01-11')! <= '2026-12-18').toBe(true);
    expect(codeNOverdueBefore(calendar, '2027-01-12')! > '2026-12-18').toBe(true);
    expect(schoolDaysOverdue(calendar, '2026-12-18', '2027-01-14')).toBe(3);
  });

  it('nothing is overdue before the school has met 5 times', () => {
    expect(codeNOverdueBefore(fixtureCalendar([{ name: 'Autumn 1', start: '2026-09-02', end: '2026-10-23' }], []), '2026-09-04')).toBeUndefined();
  });
});
