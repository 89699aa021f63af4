/**
 * A part-time timetable (trigger T7, attendance code C2) as "Working together to improve school attendance" frames
 * it: exceptional, agreed with the parent, time-limited and reviewed, with the pupil back to full time at its end.
 */
import { z } from 'zod';
import type { Role } from '../actor';
import type { ConfigurableRule, Rule } from '../rules/rule';

/** How a timetable stands: in place, or ended with the pupil back on a full-time timetable. */
export const timetableStatuses = ['active', 'ended'] as const;
export type TimetableStatus = (typeof timetableStatuses)[number];

/** What a review of a timetable decides: extend it with new dates, or end it (back to full time). */
export const timetableReviewOutcomes = ['extend', 'end'] as const;
export type TimetableReviewOutcome = (typeof timetableReviewOutcomes)[number];

/** Which of its dates passed with the timetable still in place. */
export type TimetableLapse = 'review' | 'end';

export interface TimetableReview {
  reviewedBy: string;
  reviewedAt: string;
  outcome: TimetableReviewOutcome;
  note: string;
}

export interface PartTimeTimetable {
  timetableId: string;
  /** England dates (YYYY-MM-DD); the timetable runs from the start to the end of its end date. */
  startDate: string;
  endDate: string;
  reviewDate: string;
  hoursPerWeek: number;
  /** The reason it is needed, in the school's words (the guidance asks for it to be recorded). */
  reason: string;
  agreedBy: string;
  agreedAt: string;
  status: TimetableStatus;
  /** The dates that passed with it still in place, each with the instant it was raised. */
  raised: { lapse: TimetableLapse; at: string }[];
  reviews: TimetableReview[];
}

/** Only the school agrees, extends or ends a timetable, with the parent; the LA sees it and is told. */
export const timetableRoles = ['school'] as const satisfies readonly Role[];

/**
 * A full-time week is 32.5 hours (DfE, "length of the school week", from September 2024 [inferred: recalled]): a
 * part-time timetable has at least one hour and fewer than that.
 */
export const timetableHours = { min: 1, fullTime: 32.5 } as const;

/** The guidance sets no longest timetable; the engine bounds one agreement to a year, so its clock stays in the calendar. */
export const timetableMaxDays = 365;

export const timetableTextMax = { reason: 500, note: 2000 } as const;

/** The timetable itself: agreed with the parent, time-limited, reviewed; a date passed with it in place is raised. */
export const partTimeTimetableRule = {
  id: 'PART-TIME-TIMETABLE',
  kind: 'clock',
  title: 'A part-time timetable past its review or end date is raised to the school and the case officer',
  source:
    'DfE, "Working together to improve school attendance" (August 2024): part-time timetables only in exceptional circumstances, agreed with the parent, time-limited with a date for full-time attendance, regularly reviewed [inferred: recalled, text not re-read]',
  confidence: 'inferred',
} as const satisfies Rule;

/**
 * How long after its start a timetable must be reviewed. The guidance asks for regular review and sets no period;
 * six weeks is the ceiling found in LA protocols (local practice), so each LA sets its own.
 */
export const partTimeReviewRule: ConfigurableRule<number> = {
  id: 'PART-TIME-REVIEW',
  kind: 'guard',
  title: 'A part-time timetable is reviewed within this many days of its start',
  source: 'WTISA (August 2024): regularly reviewed, no period set [inferred]; six weeks in LA protocols, e.g. Norfolk, Warwickshire (local)',
  confidence: 'local',
  setting: { schema: z.number().int().min(7).max(190), defaultValue: 42, describe: 'calendar days from the start to the latest review date' },
};
