import { addCalendarDays, type IsoDate } from '../calendar/iso-date';
import { attendanceCodes, isAttendanceCode, type CodeCategory } from './codes';

/** Sessions with one code in one school week (Monday to Sunday), as the marks give them. */
export interface CodeCount {
  weekOf: IsoDate;
  code: string;
  sessions: number;
}

/** One school week of a pupil's register: the EES figures (possible sessions, attendance, absence) and the codes behind them. */
export interface AttendanceWeek {
  weekOf: IsoDate;
  possibleSessions: number;
  present: number;
  authorisedAbsence: number;
  unauthorisedAbsence: number;
  /** Present sessions over possible ones, in percent to one decimal place; null for a week with no possible session. */
  attendancePercent: number | null;
  codes: { code: string; category: CodeCategory; sessions: number }[];
}

/** The Monday of a date's week: school weeks are read Monday to Friday. */
export function mondayOf(date: IsoDate): IsoDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addCalendarDays(date, -((weekday + 6) % 7));
}

export const percentOf = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** The week's commonest codes first; ties in code order (code points, so the same in every locale). */
const byMostSessions = (a: { code: string; sessions: number }, b: { code: string; sessions: number }) => b.sessions - a.sessions || (a.code < b.code ? -1 : 1);

/**
 * Folds per-week code counts into weeks. Exceptional codes (Q, Y1–Y7) and the not-counted ones (#, X, Z, D) are
 * listed with the week's codes but are no possible session (codes.ts): EES attendance counts only the others.
 */
export function attendanceWeeks(counts: CodeCount[]): AttendanceWeek[] {
  const weeks = new Map<IsoDate, AttendanceWeek>();
  for (const { weekOf, code, sessions } of counts) {
    if (!isAttendanceCode(code)) continue;
    const week = weeks.get(weekOf) ?? { weekOf, possibleSessions: 0, present: 0, authorisedAbsence: 0, unauthorisedAbsence: 0, attendancePercent: null, codes: [] };
    const category = attendanceCodes[code];
    if (category === 'present') week.present += sessions;
    if (category === 'authorised_absence') week.authorisedAbsence += sessions;
    if (category === 'unauthorised_absence') week.unauthorisedAbsence += sessions;
    week.codes.push({ code, category, sessions });
    weeks.set(weekOf, week);
  }
  return [...weeks.values()]
    .sort((a, b) => a.weekOf.localeCompare(b.weekOf))
    .map((week) => {
      const possibleSessions = week.present + week.authorisedAbsence + week.unauthorisedAbsence;
      return { ...week, possibleSessions, attendancePercent: percentOf(week.present, possibleSessions), codes: week.codes.sort(byMostSessions) };
    });
}
