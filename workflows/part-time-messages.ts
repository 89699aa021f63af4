import { defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../domain/actor';
import type { TimetableReviewOutcome } from '../domain/support/part-time';
import type { SupportPlan } from '../domain/support/plan';

/** The dates and hours a timetable runs on, agreed with the parent: set at agreement, set again to extend it. */
export interface TimetableTerms {
  /** England dates, YYYY-MM-DD. */
  endDate: string;
  reviewDate: string;
  hoursPerWeek: number;
  /** The parent agreed to it: the guidance allows none without. */
  parentAgreed: boolean;
}

export interface AgreeTimetableInput extends TimetableTerms {
  actor: Actor;
  timetableId: string;
  startDate: string;
  reason: string;
}

/** An extension carries new terms; an end (back to full time) none. */
export interface ReviewTimetableInput extends Partial<TimetableTerms> {
  actor: Actor;
  timetableId: string;
  outcome: TimetableReviewOutcome;
  note: string;
}

/** The school records a part-time timetable agreed with the parent (T7): its review and end dates become clocks. */
export const agreePartTimeTimetable = defineUpdate<SupportPlan, [AgreeTimetableInput]>('agreePartTimeTimetable');
/** The school reviews the timetable: extends it with new dates and hours, or ends it with the pupil back full time. */
export const reviewPartTimeTimetable = defineUpdate<SupportPlan, [ReviewTimetableInput]>('reviewPartTimeTimetable');
