import { WithStartWorkflowOperation } from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';
import { caseStageKey, laCodeKey, schoolUrnKey } from '../temporal/search-attributes';
import { caseWorkflowId } from '../temporal/workflow-ids';
import type { caseWorkflow } from '../workflows';
import { reportConcern, type CaseWorkflowInput, type ConcernReceipt, type ReportConcernInput } from '../workflows/case-messages';
import { withTemporalDeadline, type CaseDeps } from '../temporal/case-deps';

/**
 * Starts the child's case workflow with the report, or delivers the report to it when it is running
 * (update-with-start, USE_EXISTING; the report id is the update id, so a retried report is recorded once).
 */
export function reportToCase(deps: CaseDeps, input: Omit<CaseWorkflowInput, 'carried' | 'continueAsNewAt'>, concern: ReportConcernInput): Promise<ConcernReceipt> {
  const searchAttributes: SearchAttributePair[] = [
    { key: caseStageKey, value: 'opening' },
    { key: laCodeKey, value: input.laCode },
    ...(input.schoolUrn ? [{ key: schoolUrnKey, value: input.schoolUrn }] : []),
  ];
  const startWorkflowOperation = new WithStartWorkflowOperation<typeof caseWorkflow>('caseWorkflow', {
    workflowId: caseWorkflowId(input.caseId),
    taskQueue: deps.taskQueue,
    workflowIdConflictPolicy: 'USE_EXISTING',
    args: [input],
    typedSearchAttributes: searchAttributes,
  });
  return withTemporalDeadline(deps, () =>
    deps.temporal.workflow.executeUpdateWithStart(reportConcern, { startWorkflowOperation, updateId: concern.reportId, args: [concern] }),
  );
}
