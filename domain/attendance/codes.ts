/**
 * The national attendance codes in force from 19 August 2024 (SAR24 reg 10 and its tables, as listed in
 * WTISA 2024) [S: WTISA code list via Essex, Somercotes Academy, SIMS release notes]. Each code's category
 * decides how detection counts it.
 */
export type CodeCategory =
  /** In school, or at approved off-site education: counts as a possible session attended. */
  | 'present'
  | 'authorised_absence'
  | 'unauthorised_absence'
  /** Unable to attend because of exceptional circumstances (Q, Y1–Y7): not a possible session. */
  | 'exceptional'
  /** Administrative: not counted at all (closure, not required to attend, not yet on roll, dual registration). */
  | 'not_counted';

export const attendanceCodes = {
  '/': 'present', '\\': 'present', L: 'present',
  K: 'present', V: 'present', P: 'present', W: 'present', B: 'present',
  C1: 'authorised_absence', C2: 'authorised_absence', C: 'authorised_absence', M: 'authorised_absence', T: 'authorised_absence',
  R: 'authorised_absence', I: 'authorised_absence', J1: 'authorised_absence', S: 'authorised_absence', E: 'authorised_absence',
  G: 'unauthorised_absence', N: 'unauthorised_absence', O: 'unauthorised_absence', U: 'unauthorised_absence',
  Q: 'exceptional', Y1: 'exceptional', Y2: 'exceptional', Y3: 'exceptional', Y4: 'exceptional', Y5: 'exceptional', Y6: 'exceptional', Y7: 'exceptional',
  D: 'not_counted', X: 'not_counted', Z: 'not_counted', '#': 'not_counted',
} as const satisfies Record<string, CodeCategory>;

export type AttendanceCode = keyof typeof attendanceCodes;

export const isAttendanceCode = (code: string): code is AttendanceCode => Object.hasOwn(attendanceCodes, code);

export const codesIn = (category: CodeCategory): AttendanceCode[] =>
  (Object.keys(attendanceCodes) as AttendanceCode[]).filter((code) => attendanceCodes[code] === category);

/** Sessions a pupil could have attended: what persistent and severe absence rates are out of (EES definitions). */
export const possibleSessionCodes: AttendanceCode[] = [...codesIn('present'), ...codesIn('authorised_absence'), ...codesIn('unauthorised_absence')];
export const absenceCodes: AttendanceCode[] = [...codesIn('authorised_absence'), ...codesIn('unauthorised_absence')];

/** The day the 2024 codes came into force: earlier marks used the 2006 codes and are refused. */
export const codesInForceFrom = '2024-08-19';
