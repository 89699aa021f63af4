import { z } from 'zod';
import type { ConfigurableRule, Rule } from '../rules/rule';
import type { AttendanceCode } from './codes';

/** The thresholds detection applies to the ingested register marks, each with its source (docs/law.md (b), (c)). */

/** T2: the attendance return names pupils with 10 continuous school days of unauthorised absence. */
export const attendanceReturnRule = {
  id: 'ATTENDANCE-RETURN-10',
  kind: 'threshold',
  title: 'Continuous unauthorised absence of 10 school days (codes G, N, O, U): attendance return to the LA',
  source: 'WTISA via Derbyshire, Stockport [S]; SAR24 reg 13, paragraph unconfirmed (G4); PRR06 reg 12(1) [P] historic',
  confidence: 'S',
  schoolDays: 10,
  codes: ['G', 'N', 'O', 'U'],
} as const satisfies Rule & { schoolDays: number; codes: readonly AttendanceCode[] };

/** T3: the sickness return: 15 school days of code I, consecutive or cumulative, in a school year. */
export const sicknessReturnRule = {
  id: 'SICKNESS-RETURN-15',
  kind: 'threshold',
  title: 'Sickness (code I) of 15 school days, consecutive or cumulative in a school year: sickness return',
  source: 'Derbyshire, Herts thegrid, Lincolnshire [S]; CME24 p.11 via edyourself [S]',
  confidence: 'S',
  schoolDays: 15,
  code: 'I',
} as const satisfies Rule & { schoolDays: number; code: AttendanceCode };

/**
 * T3 ahead of time: the return is due once the school has reasonable grounds to believe the pupil WILL miss
 * 15 days. When a continuous run of sickness is taken as such grounds is local practice.
 */
export const sicknessEarlyAlertRule: ConfigurableRule<number> = {
  id: 'SICKNESS-ALERT-RUN',
  kind: 'threshold',
  title: 'A continuous run of sickness (code I) taken as grounds to expect 15 school days',
  source: 'Local practice: "reasonable grounds to believe" (Herts thegrid [S]) has no national number',
  confidence: 'local',
  setting: { schema: z.number().int().min(1).max(15), defaultValue: 10, describe: 'school days of continuous code I' },
};

/** T4: persistent absence, 10% or more of possible sessions (EES definition), for pupils with SEN support or an EHC plan. */
export const persistentAbsenceRule = {
  id: 'PA-10',
  kind: 'threshold',
  title: 'Persistent absence: 10% or more of possible sessions missed in the school year (SEN support or EHC plan)',
  source: 'EES definitions; South Tyneside, Lincolnshire [S]; WTISA SEND section [S]',
  confidence: 'S',
  rate: 0.1,
} as const satisfies Rule & { rate: number };

/** T5: severe absence, 50% or more of possible sessions (EES definition). */
export const severeAbsenceRule = {
  id: 'SA-50',
  kind: 'threshold',
  title: 'Severe absence: 50% or more of possible sessions missed in the school year (SEN support or EHC plan)',
  source: 'EES permalink; Devon TSM page [S]',
  confidence: 'S',
  rate: 0.5,
} as const satisfies Rule & { rate: number };

/** A rate over a handful of sessions says little; how many an LA wants first is local practice. */
export const absenceRateMinimumRule: ConfigurableRule<number> = {
  id: 'ABSENCE-RATE-MIN-SESSIONS',
  kind: 'threshold',
  title: 'Possible sessions in the school year before persistent or severe absence is judged',
  source: 'Local practice: EES rates are over the whole year; no national minimum for in-year monitoring',
  confidence: 'local',
  setting: { schema: z.number().int().min(1).max(400), defaultValue: 20, describe: 'possible sessions (two per school day)' },
};

/**
 * A pupil whose leaving date appears on the register with no deletion return made: a possible silent
 * deletion (off-rolling). Every deletion outside a standard transition needs a return (SAR24 reg 13(4));
 * flagging its absence from the register is this engine's inference.
 */
export const silentDeletionRule = {
  id: 'SILENT-DELETION',
  kind: 'threshold',
  title: 'Leaving date on the register with no deletion return: possible silent deletion',
  source: 'SAR24 reg 13(4) [P]; detection inferred',
  confidence: 'inferred',
} as const satisfies Rule;
