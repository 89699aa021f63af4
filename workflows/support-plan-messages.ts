import { defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../domain/actor';
import type { ActionOutcome, ActionStatus, PlanOwner, ReviewNextStep, SupportPlan } from '../domain/support/plan';

/** Each plan decision carries who makes it and its id (the Update id too, so a retry is recorded once). */
interface PlanDecision {
  actor: Actor;
}

export interface RecordBarrierInput extends PlanDecision {
  barrierId: string;
  /** A code of the LA's SUPPORT-BARRIERS list. */
  code: string;
}

export interface AddPlanActionInput extends PlanDecision {
  actionId: string;
  owner: PlanOwner;
  what: string;
  dueInSchoolDays: number;
}

export interface SetActionStatusInput extends PlanDecision {
  actionId: string;
  status: Exclude<ActionStatus, 'open'>;
}

export interface RecordSupportReviewInput extends PlanDecision {
  reviewId: string;
  /** One outcome for each action still open when the review is held. */
  outcomes: { actionId: string; outcome: ActionOutcome }[];
  nextStep: ReviewNextStep;
  note: string;
}

/** The school or LA records a barrier to the pupil's attendance. */
export const recordBarrier = defineUpdate<SupportPlan, [RecordBarrierInput]>('recordBarrier');
/** The school or LA adds an action to the support plan: its owner is told, and its due date becomes a clock. */
export const addPlanAction = defineUpdate<SupportPlan, [AddPlanActionInput]>('addPlanAction');
/** An action is done or dropped. */
export const setPlanActionStatus = defineUpdate<SupportPlan, [SetActionStatusInput]>('setPlanActionStatus');
/** A review records each open action's outcome and the next step; the review clock starts again. */
export const recordSupportReview = defineUpdate<SupportPlan, [RecordSupportReviewInput]>('recordSupportReview');
