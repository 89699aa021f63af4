/** The vocabulary of a case, shared by workflows, activities and the API. */
import type { Role } from './actor';
import type { DeletionGround } from './deletion/grounds-list';
import type { Placement } from './deletion/consent-gate';
import type { JointEnquiryOutcome } from './deletion/evidence';
import type { ClaimedAbsence } from './deletion/register-check';
import type { SupportPlan } from './support/plan';

/** Why a school or officer raises a concern: the triggers of docs/law.md (b) (see triggers.ts). */
export const concernReasons = [
  'unexplained_absence',
  'continuous_unauthorised_absence',
  'continuous_absence_20_days',
  'sickness_expected_15_days',
  'persistent_absence_send',
  'severe_absence_send',
  'part_time_timetable',
  'ehe_written_notice',
  'ehe_oral_intention',
  'intended_deletion',
  'leaver_unknown_destination',
  'no_show',
  'permanent_exclusion',
  'referral_no_roll',
] as const;
export type ConcernReason = (typeof concernReasons)[number];

/** Stages of an open case in which the school and LA work on it (enquiries, deletion requests, closing). */
export const openStages = [
  'awaiting_reason',
  'whereabouts_check',
  'health_needs_s19',
  'support_first',
  'deletion_intended',
  'exclusion_process',
  'escalated_to_la',
] as const;
export type OpenStage = (typeof openStages)[number];

export type CaseStage = 'opening' | OpenStage | 'awaiting_la_consent' | 'consent_refused' | 'deleted_from_roll' | 'cme_tracing' | 'closed';

/** WTISA's support-first model as LAs apply it (docs/law.md C.3; G5). */
export const supportStages = ['expect', 'monitor', 'listen_and_understand', 'facilitate_support', 'formalise_support', 'enforce'] as const;
export type SupportStage = (typeof supportStages)[number];

/** How a school or officer tried to reach the family while the child's whereabouts are checked (C.1). */
export const contactMethods = ['phone', 'text_message', 'email', 'letter', 'home_visit', 'other_agency'] as const;
export type ContactMethod = (typeof contactMethods)[number];
export const contactOutcomes = ['no_response', 'message_left', 'spoke_to_parent', 'child_seen', 'address_vacant'] as const;
export type ContactOutcome = (typeof contactOutcomes)[number];

export interface ContactAttempt {
  attemptId: string;
  method: ContactMethod;
  outcome: ContactOutcome;
  by: string;
  at: string;
}

export const traceSteps = ['other_la_contacted', 'lost_pupils_database_checked', 'agency_checked', 'home_visit_made'] as const;
export type TraceStep = (typeof traceSteps)[number];

/** How a case ends (issue: each case closes with a recorded outcome). */
export const caseOutcomes = ['on_roll_elsewhere', 'elective_home_education', 'moved_abroad', 'school_attendance_order', 'located_and_attending'] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

export interface Concern {
  reportId: string;
  reason: ConcernReason;
  reportedBy: string;
  receivedAt: string;
}

/** A clock the case is waiting on: the absolute instant it runs out, and the rule that set it. */
export interface ScheduledDeadline {
  id: string;
  kind: 'opening_clock' | 'consent_reminder' | 'consent_escalation' | 'support_review' | 's437_response' | 'support_action' | 'part_time_review' | 'part_time_end' | 'send_request';
  ruleId: string;
  title: string;
  at: string;
  /** How the clock was counted; absent on clocks from before it was kept (school days, but for s437's days). */
  unit?: ClockUnit;
}

export type ClockUnit = 'school_days' | 'days';

/**
 * A clock that ran out with its step not yet done (a lapse or an escalation): it stays in the inbox of the role it
 * was escalated to, and in the dashboard's counts, until the case leaves the stage it ran out in.
 */
export interface OverdueStep {
  kind: ScheduledDeadline['kind'];
  ruleId: string;
  /** The instant the clock ran out. */
  dueAt: string;
  unit: ClockUnit;
  escalatedTo: Role;
  stage: CaseStage;
}

export interface JointEnquiriesRecord {
  outcome?: JointEnquiryOutcome;
  schoolSignedBy?: string;
  laSignedBy?: string;
}

export interface DeletionRecord {
  requestId: string;
  ground: DeletionGround;
  deleteOn: string;
  status: 'assessing' | 'awaiting_la_consent' | 'consent_refused' | 'confirmed';
  consentRequired?: boolean;
  decidedBy?: string;
  decisionReason?: string;
  /** Grounds H and I: the absence claimed, checked against the register again at confirmation. */
  claim?: ClaimedAbsence;
  /** The open stage the case was in when the deletion was requested, and returns to if it is not confirmed. */
  requestedIn?: OpenStage;
}

/** What a query returns about a live case: opaque ids and codes only, no personal data. */
export interface CaseState {
  caseId: string;
  pupilId: string;
  laCode: string;
  /** Absent for a child on no roll (T15). */
  schoolUrn?: string;
  stage: CaseStage;
  openedAt?: string;
  placement?: Placement;
  nextDeadline?: { at: string; ruleId: string; title: string };
  deadlines: ScheduledDeadline[];
  /** Absent on cases from before overdue steps were kept. */
  overdue?: OverdueStep[];
  concerns: Concern[];
  jointEnquiries: JointEnquiriesRecord;
  deletion?: DeletionRecord;
  refusedDeletions: { requestId: string; ground: DeletionGround; reasons: string[] }[];
  outcome?: CaseOutcome;
  safeguarding: SafeguardingReferral[];
  support?: { stage: SupportStage; since: string };
  /** Barriers, actions and reviews of the support-first track; absent until the first is recorded. */
  supportPlan?: SupportPlan;
  trace?: { step: TraceStep; otherLaCode?: string; by: string; at: string }[];
  s437?: { servedAt: string; respondBy: string };
  /** Absent on cases from before contact attempts were recorded. */
  contactAttempts?: ContactAttempt[];
}

/** The parallel safeguarding track: who raised what, and who was told at once. */
export interface SafeguardingReferral {
  referralId: string;
  concern: SafeguardingConcern;
  raisedBy: string;
  raisedAt: string;
}

export const safeguardingConcerns = ['risk_of_harm', 'missing_child', 'has_social_worker', 'has_yot_worker'] as const;
export type SafeguardingConcern = (typeof safeguardingConcerns)[number];
