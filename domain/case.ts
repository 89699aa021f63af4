/** The vocabulary of a case, shared by workflows, activities and the API. */
import type { DeletionGround } from './deletion/grounds-list';
import type { Placement } from './deletion/consent-gate';
import type { JointEnquiryOutcome } from './deletion/evidence';

/** Why a school or officer raises a concern. Every trigger of statutory-rules.md (b) follows. */
export const concernReasons = ['unexplained_absence', 'continuous_unauthorised_absence'] as const;
export type ConcernReason = (typeof concernReasons)[number];

export const caseStages = [
  'opening',
  'awaiting_reason',
  'escalated_to_la',
  'awaiting_la_consent',
  'consent_refused',
  'deleted_from_roll',
  'closed',
] as const;
export type CaseStage = (typeof caseStages)[number];

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
  kind: 'reason_for_absence' | 'consent_reminder' | 'consent_escalation';
  ruleId: string;
  title: string;
  at: string;
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
}

/** What a query returns about a live case: opaque ids and codes only, no personal data. */
export interface CaseState {
  caseId: string;
  pupilId: string;
  laCode: string;
  schoolUrn: string;
  stage: CaseStage;
  openedAt?: string;
  placement?: Placement;
  nextDeadline?: { at: string; ruleId: string; title: string };
  deadlines: ScheduledDeadline[];
  concerns: Concern[];
  jointEnquiries: JointEnquiriesRecord;
  deletion?: DeletionRecord;
  refusedDeletions: { requestId: string; ground: DeletionGround; reasons: string[] }[];
  outcome?: CaseOutcome;
}
