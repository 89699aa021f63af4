import type { CaseState } from '../domain/case';
import { caseWorkflowId } from '../temporal/workflow-ids';
import { getCaseState } from '../workflows/case-messages';
import { withTemporalDeadline, type CaseDeps } from '../temporal/case-deps';

/** A live case's state comes from the workflow itself (query); lists will come from SQL. */
export function readCase(deps: CaseDeps, caseId: string): Promise<CaseState> {
  return withTemporalDeadline(deps, () =>
    deps.temporal.workflow.getHandle(caseWorkflowId(caseId)).query(getCaseState),
  );
}
