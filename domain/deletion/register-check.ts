import { attendanceCodes, isAttendanceCode } from '../attendance/codes';
import { addCalendarDays, readableDate, type IsoDate } from '../calendar/iso-date';
import type { SchoolCalendar } from '../calendar/school-calendar';
import { groundHLeaveRule, groundIAbsenceRule } from '../rules/catalogue';
import type { DeletionRequestDetails } from './evidence';

/** One session's mark as the attendance feed stored it. */
export interface StoredMark {
  date: IsoDate;
  session: string;
  code: string;
}

/** The absence a ground H or I request attests: the register must not contradict it. */
export interface ClaimedAbsence {
  ground: 'H' | 'I';
  from: IsoDate;
  /** Ground I: the period's last day. Absent for ground H: the pupil has not returned up to today. */
  to?: IsoDate;
}

/** School days the register holds no complete day of marks for: they rest on the school's word alone. */
export interface AttestedRun {
  from: IsoDate;
  to: IsoDate;
  schoolDays: number;
}

export interface RegisterCheck {
  /** Each stored session that contradicts the ground, named by date, session and code. */
  contradictions: string[];
  attestedOnly: AttestedRun[];
}

/** Ground H: from the day after the leave ended. Ground I: the period the school gives. Other grounds claim no absence. */
export function claimedAbsence(request: DeletionRequestDetails): ClaimedAbsence | undefined {
  if (request.ground === 'H') return { ground: 'H', from: addCalendarDays(request.evidence.leaveEndedOn, 1) };
  if (request.ground === 'I') return { ground: 'I', from: request.evidence.absentFrom, to: request.evidence.absentTo };
  return undefined;
}

const SHOWN = 10;

/**
 * Compares the school's claim with the marks held for the pupil. Ground H (GROUND-H): any present,
 * approved-activity or authorised-absence mark after the leave ended shows the pupil returned or is excused.
 * Ground I (GROUND-I): on a school day every session must be G, N or O. Where no marks are held (a school not
 * yet on the feed) the school's attestation stands, and those days are reported.
 */
export function checkAgainstRegister(claim: ClaimedAbsence, marks: StoredMark[], calendar: Pick<SchoolCalendar, 'isSchoolDay'>, today: IsoDate): RegisterCheck {
  const to = claim.to ?? today;
  const inPeriod = marks
    .filter((mark) => claim.from <= mark.date && mark.date <= to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.session.localeCompare(b.session));
  const contradicting = inPeriod.filter((mark) => contradicts(claim.ground, mark, calendar));
  const named = contradicting.slice(0, SHOWN).map((mark) => `the register holds ${mark.code} for the ${mark.session} session of ${readableDate(mark.date)}${explain(claim.ground)}`);
  if (contradicting.length > SHOWN) named.push(`and ${contradicting.length - SHOWN} more sessions the register holds contradict ground ${claim.ground}`);
  return { contradictions: named, attestedOnly: attestedRuns(claim.from, to, inPeriod, calendar) };
}

function contradicts(ground: ClaimedAbsence['ground'], mark: StoredMark, calendar: Pick<SchoolCalendar, 'isSchoolDay'>): boolean {
  if (ground === 'I') return calendar.isSchoolDay(mark.date) && !(groundIAbsenceRule.codes as readonly string[]).includes(mark.code);
  if (!isAttendanceCode(mark.code)) return false;
  const category = attendanceCodes[mark.code];
  return category === 'present' || category === 'authorised_absence';
}

function explain(ground: ClaimedAbsence['ground']): string {
  return ground === 'I'
    ? `: every session of a ground I period must be ${groundIAbsenceRule.codes.join(', ')} (${groundIAbsenceRule.id})`
    : `, after the leave ended: the pupil attended or was excused (${groundHLeaveRule.id})`;
}

function attestedRuns(from: IsoDate, to: IsoDate, marks: StoredMark[], calendar: Pick<SchoolCalendar, 'isSchoolDay'>): AttestedRun[] {
  const sessions = new Map<IsoDate, number>();
  for (const mark of marks) sessions.set(mark.date, (sessions.get(mark.date) ?? 0) + 1);
  const runs: AttestedRun[] = [];
  let open: AttestedRun | undefined;
  for (let date = from; date <= to; date = addCalendarDays(date, 1)) {
    if (!calendar.isSchoolDay(date)) continue;
    if ((sessions.get(date) ?? 0) >= 2) {
      open = undefined;
      continue;
    }
    if (open) Object.assign(open, { to: date, schoolDays: open.schoolDays + 1 });
    else runs.push((open = { from: date, to: date, schoolDays: 1 }));
  }
  return runs;
}

/** The attested-only days for the audit log: "2026-11-02 to 2026-11-13 (10 school days); 2026-11-20 (1 school day)". */
export function describeAttestedOnly(runs: AttestedRun[]): string {
  return runs.map((run) => `${run.from === run.to ? run.from : `${run.from} to ${run.to}`} (${run.schoolDays} school day${run.schoolDays === 1 ? '' : 's'})`).join('; ');
}
