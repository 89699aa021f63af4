import { addCalendarDays, isWeekend } from '../domain/calendar/iso-date';
import { benchUpn } from './cases';

/**
 * A synthetic LA register for the ingest benches, as CSV lines with their header: `schools` schools (URNs
 * 900000 up) and pupils spread over them. Mostly present; every 40th pupil absent unauthorised throughout,
 * every 97th off sick, so detection has work to do.
 */
export const schools = 30;

const urn = (pupil: number) => String(900000 + (pupil % schools));
const codeOf = (pupil: number, session: 'AM' | 'PM') => (pupil % 40 === 0 ? 'N' : pupil % 97 === 0 ? 'I' : session === 'AM' ? '/' : '\\');

export function* schoolLines(laCode: string): Generator<string> {
  yield 'urn,name,la_code';
  for (let s = 0; s < schools; s += 1) yield `${900000 + s},Bench school ${s},${laCode}`;
}

export function* pupilLines(laCode: string, pupils: number): Generator<string> {
  yield 'school_urn,upn,sen_status';
  for (let p = 0; p < pupils; p += 1) yield `${urn(p)},${benchUpn(laCode, p)},${p % 7 === 0 ? 'K' : 'N'}`;
}

/** One school day's marks for every pupil: two rows each. */
export function* markLines(laCode: string, pupils: number, date: string): Generator<string> {
  yield 'school_urn,upn,date,session,code';
  for (let p = 0; p < pupils; p += 1) for (const session of ['AM', 'PM'] as const) yield `${urn(p)},${benchUpn(laCode, p)},${date},${session},${codeOf(p, session)}`;
}

/** The first `count` school days from the start of the 2026/27 autumn term. */
export function schoolDays(count: number): string[] {
  const days: string[] = [];
  for (let day = '2026-09-07'; days.length < count; day = addCalendarDays(day, 1)) if (!isWeekend(day)) days.push(day);
  return days;
}
