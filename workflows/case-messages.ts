import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseStage, CaseState, ConcernReason } from '../domain/case';

export interface CaseWorkflowInput {
  caseId: string;
  /** Internal id of the child (pupil table); the UPN never enters Temporal. */
  pupilId: string;
  laCode: string;
  schoolUrn: string;
}

export interface ReportConcernInput {
  reportId: string;
  reason: ConcernReason;
  reportedBy: string;
}

export interface ConcernReceipt {
  caseId: string;
  /** True when the concern joined a case that was already open. */
  attached: boolean;
  stage: CaseStage;
  nextDeadline?: CaseState['nextDeadline'];
}

/** A school (or officer) reports a concern; the first one opens the case, later ones attach to it. */
export const reportConcern = defineUpdate<ConcernReceipt, [ReportConcernInput]>('reportConcern');

export const getCaseState = defineQuery<CaseState>('getCaseState');
