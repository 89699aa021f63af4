/** The vocabulary of a case, shared by workflows, activities and the API. */

/** Why a school or officer raises a concern. Issue #3 adds every trigger of statutory-rules.md (b). */
export const concernReasons = ['unexplained_absence', 'continuous_unauthorised_absence'] as const;
export type ConcernReason = (typeof concernReasons)[number];

export const caseStages = ['opening', 'awaiting_reason', 'escalated_to_la'] as const;
export type CaseStage = (typeof caseStages)[number];

export interface Concern {
  reportId: string;
  reason: ConcernReason;
  reportedBy: string;
  receivedAt: string;
}

/** What a query returns about a live case: opaque ids and codes only, no personal data. */
export interface CaseState {
  caseId: string;
  pupilId: string;
  laCode: string;
  schoolUrn: string;
  stage: CaseStage;
  openedAt?: string;
  nextDeadline?: { at: string; ruleId: string; title: string };
  concerns: Concern[];
}
