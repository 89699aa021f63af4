/**
 * The SEND link of a support-first case (issue 16): where the barrier is an unmet special educational need, the
 * school or LA asks the LA's SEND team to act on the pupil's SEN provision, and the request runs a clock.
 */
import { z } from 'zod';
import type { Role } from '../actor';
import type { Placement } from '../deletion/consent-gate';
import type { ConfigurableRule, Rule } from '../rules/rule';

/** The barrier code a SEND request rests on (domain/support/barriers.ts). */
export const unmetSendNeed = 'unmet_send_need';

/**
 * early_ehcp_review: a pupil with an EHC plan, asking the SEND team to consider reviewing the plan early;
 * ehc_needs_assessment: a pupil on SEN support, the route towards an EHC needs assessment (a request to the LA).
 */
export const sendRequestKinds = ['early_ehcp_review', 'ehc_needs_assessment'] as const;
export type SendRequestKind = (typeof sendRequestKinds)[number];

/** The SEN status on the register each kind of request is for. */
export const senStatusFor: Record<SendRequestKind, Placement['senStatus']> = { early_ehcp_review: 'ehc_plan', ehc_needs_assessment: 'sen_support' };

export interface SendRequest {
  requestId: string;
  kind: SendRequestKind;
  /** The unmet-need barrier on the plan the request rests on. */
  barrierId: string;
  /** Why the party asks, in its words. */
  reason: string;
  requestedBy: string;
  requestedAt: string;
  /** The instant the SEND team's clock runs out. */
  respondBy: string;
  /** When the clock ran out with the request still unanswered. */
  lapsedAt?: string;
  answer?: SendAnswer;
}

/** The SEND team's answer: it agrees to review (or assess), or declines, and says why. */
export const sendAnswers = ['agreed', 'declined'] as const;
export interface SendAnswer {
  decision: (typeof sendAnswers)[number];
  note: string;
  answeredBy: string;
  answeredAt: string;
}

/** Who asks (the school, its SENCo among its staff, or the LA's case officer) and who answers (the LA's SEND team). */
export const sendRequestRoles = ['school', 'la_cme_officer'] as const satisfies readonly Role[];
export const sendAnswerRoles = ['la_send_officer'] as const satisfies readonly Role[];

/**
 * The Code allows a review before the annual one when needs change; how soon the SEND team answers a request for
 * one is the LA's own practice, so it is a setting with a default.
 */
export const earlyReviewResponseRule: ConfigurableRule<number> = {
  id: 'SEND-EARLY-REVIEW-RESPONSE',
  kind: 'clock',
  title: 'The SEND team answers a request to consider an early review of an EHC plan where unmet need keeps the pupil from attending',
  source: 'SEND Code of Practice 0-25 (2015) paras 9.176-9.179 (early reviews) [unverified: recalled, text not re-read]; the response period is local practice',
  confidence: 'local',
  setting: { schema: z.number().int().min(1).max(190), defaultValue: 10, describe: 'school days for the SEND team to answer a request for an early EHC plan review' },
};

/** A request for an EHC needs assessment: the LA decides whether to assess within 6 weeks of receiving it. */
export const needsAssessmentDecisionRule = {
  id: 'EHC-ASSESSMENT-DECISION',
  kind: 'clock',
  title: 'The LA decides whether to carry out an EHC needs assessment requested for a pupil on SEN support',
  source: 'Children and Families Act 2014 s36(1)-(3); SEND Regulations 2014 reg 5(1) (6 weeks); SEND Code of Practice 0-25 (2015) para 9.14 [S: recalled, text not re-read]',
  confidence: 'S',
  days: 42,
} as const satisfies Rule & { days: number };

/** Bounds of the request's and the answer's free text, so a payload stays small. */
export const sendTextMax = 1000;

/** The clock a request of this kind runs under. */
export const sendRequestRule = (kind: SendRequestKind): Rule => (kind === 'early_ehcp_review' ? earlyReviewResponseRule : needsAssessmentDecisionRule);
