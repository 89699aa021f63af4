import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../domain/actor';
import type { CaseOutcome, CaseStage, CaseState, ConcernReason, ContactMethod, ContactOutcome, SafeguardingConcern, SupportStage, TraceStep } from '../domain/case';
import type { DeletionRequestDetails, JointEnquiryOutcome } from '../domain/deletion/evidence';
import type { LaPolicy } from '../domain/rules/policy';

export interface CaseWorkflowInput {
  caseId: string;
  /** Internal id of the child (pupil table); the UPN never enters Temporal. */
  pupilId: string;
  laCode: string;
  /** The school whose roll the child is on; absent for a child on no roll (T15). */
  schoolUrn?: string;
  /** Set by the case itself when it continues as new: everything the next run needs. */
  carried?: CarriedCase;
  /** History length at which to continue as new; by default, when the server suggests it. */
  continueAsNewAt?: number;
}

export interface CarriedCase {
  state: CaseState;
  policy: LaPolicy;
  /** The steps recorded in earlier runs (the projection's version); absent on runs carried over before it. */
  recordedSteps?: number;
}

export interface ReportConcernInput {
  reportId: string;
  reason: ConcernReason;
  reportedBy: string;
  /** From the attendance feed: code N still in the register past its 5 school days (T1), so the school is prompted. */
  codeN?: UnresolvedCodeN;
}

/** An episode of code N left unresolved: its first and last overdue session dates and how many sessions. */
export interface UnresolvedCodeN {
  from: string;
  to: string;
  sessions: number;
}

export interface ConcernReceipt {
  caseId: string;
  /** True when the concern joined a case that was already open. */
  attached: boolean;
  stage: CaseStage;
  nextDeadline?: CaseState['nextDeadline'];
}

/** Each decision carries who makes it; the update id is the caller's idempotency key. */
interface Decision {
  actor: Actor;
}

export type RequestDeletionInput = Decision & DeletionRequestDetails & { requestId: string };

export interface DeletionReceipt {
  requestId: string;
  status: 'refused' | 'awaiting_la_consent' | 'confirmed';
  /** Why the ground does not apply, for a refusal. */
  reasons: string[];
}

export interface ConsentDecisionInput extends Decision {
  reason: string;
}

export interface SignJointEnquiriesInput extends Decision {
  outcome: JointEnquiryOutcome;
}

export interface SosDirectionInput extends Decision {
  /** The reference of the Secretary of State's direction. */
  reference: string;
}

export interface SafeguardingInput extends Decision {
  referralId: string;
  concern: SafeguardingConcern;
}

export interface AdvanceSupportInput extends Decision {
  to: SupportStage;
  reason: string;
}

export interface TraceStepInput extends Decision {
  step: TraceStep;
  /** For `other_la_contacted`: the LA asked, which is told of the enquiry. */
  otherLaCode?: string;
}

export interface ContactAttemptInput extends Decision {
  attemptId: string;
  method: ContactMethod;
  outcome: ContactOutcome;
}

export interface S437NoticeInput extends Decision {
  noticeId: string;
}

export interface NewPupilReturnInput extends Decision {
  /** The school whose roll the child joined. */
  newSchoolUrn: string;
  registeredOn: string;
}

export interface ReasonEstablishedInput extends Decision {
  /** The 2024 attendance code the school entered in place of N. */
  reasonCode: string;
}

export interface BackInSchoolInput extends Decision {
  returnedOn: string;
}

export interface CloseCaseInput extends Decision {
  outcome: CaseOutcome;
  reason: string;
  /** A code of the LA's list the outcome asks for (domain/collection/reason-capture.ts `reasonAtClose`). */
  primaryReason?: string;
}

/** What the CME officer learns while tracing: codes of the LA's lists, never free text. */
export interface CmeReasonInput extends Decision {
  /** A code of the LA's CME-REASONS list. */
  primaryReason: string;
  /** Codes of the LA's CME-RISK-CIRCUMSTANCES list; absent: none recorded. */
  circumstances?: string[];
  /** Whether children's social care knows the child; absent: not asked yet. */
  knownToSocialCare?: boolean;
}

/** A school (or officer) reports a concern; the first one opens the case, later ones attach to it. */
export const reportConcern = defineUpdate<ConcernReceipt, [ReportConcernInput]>('reportConcern');
/** School and LA each sign the outcome of their joint reasonable enquiries (grounds H and I). */
export const signJointEnquiries = defineUpdate<CaseState['jointEnquiries'], [SignJointEnquiriesInput]>('signJointEnquiries');
/** The school asks to delete the pupil on a ground; the case checks it and applies the consent gate. */
export const requestDeletion = defineUpdate<DeletionReceipt, [RequestDeletionInput]>('requestDeletion');
export const grantLaConsent = defineUpdate<CaseStage, [ConsentDecisionInput]>('grantLaConsent');
export const refuseLaConsent = defineUpdate<CaseStage, [ConsentDecisionInput]>('refuseLaConsent');
/** After a refusal only a Secretary of State direction lets the deletion proceed. */
export const recordSosDirection = defineUpdate<CaseStage, [SosDirectionInput]>('recordSosDirection');
/** Anyone on the case may raise a safeguarding concern at any moment; referral is immediate. */
export const raiseSafeguardingConcern = defineUpdate<CaseState['safeguarding'], [SafeguardingInput]>('raiseSafeguardingConcern');
/** Moves a support-first case between WTISA's stages; only the LA moves it to enforcement. */
export const advanceSupportStage = defineUpdate<CaseState['support'], [AdvanceSupportInput]>('advanceSupportStage');
/** The school or LA tried to reach the family (whereabouts check); a child seen is recorded, not assumed. */
export const recordContactAttempt = defineUpdate<CaseState['contactAttempts'], [ContactAttemptInput]>('recordContactAttempt');
/** A step taken to trace a child missing education. */
export const recordTraceStep = defineUpdate<CaseState['trace'], [TraceStepInput]>('recordTraceStep');
/** The LA served a s437(1) notice on the parent: 15 days to satisfy it, then an attendance order is considered. */
export const serveS437Notice = defineUpdate<CaseState['s437'], [S437NoticeInput]>('serveS437Notice');
/** Another school's new-pupil return: the child is on a roll again and the case closes. */
export const recordNewPupilReturn = defineUpdate<CaseStage, [NewPupilReturnInput]>('recordNewPupilReturn');
/** The school established why the child was absent (T1): code N is replaced and the opening clock stops. */
export const recordReasonEstablished = defineUpdate<CaseStage, [ReasonEstablishedInput]>('recordReasonEstablished');
/** The school records that the child is back: the case closes, located and attending. */
export const recordBackInSchool = defineUpdate<CaseStage, [BackInSchoolInput]>('recordBackInSchool');
export const closeCase = defineUpdate<CaseStage, [CloseCaseInput]>('closeCase');
/** The CME officer records why the child is missing education, and the circumstances known, when they become known. */
export const recordCmeReason = defineUpdate<CaseStage, [CmeReasonInput]>('recordCmeReason');

export const getCaseState = defineQuery<CaseState>('getCaseState');
