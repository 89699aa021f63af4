import { defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../domain/actor';
import type { SendAnswer, SendRequestKind } from '../domain/support/send-link';
import type { SupportPlan } from '../domain/support/plan';

export interface RequestSendInput {
  actor: Actor;
  /** The caller's id: the Update id too, so a retry is recorded once. */
  requestId: string;
  kind: SendRequestKind;
  /** The unmet-need barrier on the plan the request rests on. */
  barrierId: string;
  reason: string;
}

/**
 * The school or LA asks the SEND team to consider an early review of the pupil's EHC plan, or records the request
 * for an EHC needs assessment of a pupil on SEN support: the SEND team is told, and its clock runs.
 */
export const requestSendReview = defineUpdate<SupportPlan, [RequestSendInput]>('requestSendReview');

export interface AnswerSendInput {
  actor: Actor;
  requestId: string;
  decision: SendAnswer['decision'];
  note: string;
}

/** The SEND team answers a request: agreed or declined, with why; its clock stops. */
export const answerSendRequest = defineUpdate<SupportPlan, [AnswerSendInput]>('answerSendRequest');
