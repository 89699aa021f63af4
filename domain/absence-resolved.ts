import { attendanceCodes, isAttendanceCode, type AttendanceCode, type CodeCategory } from './attendance/codes';
import { isIsoDate, type IsoDate } from './calendar/iso-date';
import { reasonForAbsenceRule } from './rules/catalogue';

/**
 * Codes that cannot be one pupil's reason for an absence already marked N (WTISA 2024 code list [S]): Z is for a
 * child not yet on the roll, and # for a planned closure of the whole school, which the school knew beforehand.
 * D (attending the other school of a dual registration) and X (not of compulsory school age) can be.
 */
const notAPupilsReason: Partial<Record<AttendanceCode, string>> = {
  Z: 'Z is for a child not yet on the admission register, and this pupil is on it',
  '#': '# is for a planned closure of the school, not one pupil\'s absence',
};

/**
 * T1 (SAR24 reg 10(7)-(9)): code N stands only until the school establishes the reason for the absence; it
 * then enters the 2024 code for that reason in its register.
 */
export function reasonCodeRefusals(reasonCode: string): string[] {
  if (!isAttendanceCode(reasonCode)) return [`reasonCode: ${reasonCode} is not one of the attendance codes in force since 19 August 2024`];
  if (reasonCode === 'N') return [`reasonCode: N is the code for a reason not yet established (${reasonForAbsenceRule.id}); give the code that replaces it`];
  const why = notAPupilsReason[reasonCode];
  return why ? [`reasonCode: ${why}; give the code for the reason the pupil was away`] : [];
}

/**
 * Once the reason is known the T1 concern is answered. A code that counts the pupil as present (late, or at
 * approved education off site) means the child was attending all along, so the case closes; any other code
 * leaves a child still away for a known reason, whose attendance the school monitors until the return.
 */
export const reasonShowsAttendance = (category: CodeCategory): boolean => category === 'present';

export const categoryOf = (reasonCode: string): CodeCategory => attendanceCodes[reasonCode as AttendanceCode];

export interface ReturnFacts {
  returnedOn: string;
  /** The day the case opened (England). */
  openedOn: IsoDate;
  /** Today in England, the latest day a child can have come back. */
  today: IsoDate;
}

/** A child back in school is recorded for a day between the case's opening and today. */
export function returnDateRefusals({ returnedOn, openedOn, today }: ReturnFacts): string[] {
  if (!isIsoDate(returnedOn)) return [`returnedOn: ${returnedOn} is not a date as YYYY-MM-DD`];
  if (returnedOn > today) return [`returnedOn: ${returnedOn} is in the future (today is ${today} in England); record the return once the child is back`];
  if (returnedOn < openedOn) return [`returnedOn: ${returnedOn} is before the case opened on ${openedOn}; the child was away after that`];
  return [];
}
