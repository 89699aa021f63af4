import type { CaseState } from '../../domain/case';
import { caseWorkflowId } from '../../temporal/workflow-ids';
import { getCaseState } from '../../workflows/case-messages';
import type { CaseDeps } from './open-concern';

/** A live case's state comes from the workflow itself (query); lists will come from SQL. */
export function readCase(deps: CaseDeps, caseId: string): Promise<CaseState> {
  return deps.temporal.withDeadline(Date.now() + deps.temporalDeadlineMs, () =>
    deps.temporal.workflow.getHandle(caseWorkflowId(caseId)).query(getCaseState),
  );
}
