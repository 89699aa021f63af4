import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { ConcernReason } from '../../domain/case';
import type { Db } from '../../db/prisma';
import { caseStageKey, laCodeKey, schoolUrnKey } from '../../temporal/search-attributes';
import { caseWorkflowId } from '../../temporal/workflow-ids';
import type { caseWorkflow } from '../../workflows';
import { reportConcern, type ConcernReceipt } from '../../workflows/case-messages';
import { registeredSchool, withTemporalDeadline, type CaseDeps } from './case-deps';

export interface ConcernReport {
  schoolUrn: string;
  upn: string;
  reason: ConcernReason;
  reportId?: string;
}

/**
 * Opens a case for the child, or attaches the report to the child's open case. The open case id is claimed
 * atomically on the pupil row (the only place the UPN is kept), then the workflow is started-or-updated (update-with-start, USE_EXISTING):
 * concurrent or retried reports for one child always reach the same case.
 */
export async function openConcern(deps: CaseDeps, report: ConcernReport): Promise<ConcernReceipt> {
  const school = await registeredSchool(deps.db, report.schoolUrn);

  const { pupilId, caseId } = await claimOpenCase(deps.db, report.upn, school.urn);

  const startWorkflowOperation = new WithStartWorkflowOperation<typeof caseWorkflow>('caseWorkflow', {
    workflowId: caseWorkflowId(caseId),
    taskQueue: deps.taskQueue,
    workflowIdConflictPolicy: 'USE_EXISTING',
    args: [{ caseId, pupilId, laCode: school.laCode, schoolUrn: school.urn }],
    typedSearchAttributes: [
      { key: caseStageKey, value: 'opening' },
      { key: laCodeKey, value: school.laCode },
      { key: schoolUrnKey, value: school.urn },
    ],
  });
  const reportId = report.reportId ?? randomUUID();
  return withTemporalDeadline(deps, () =>
    deps.temporal.workflow.executeUpdateWithStart(reportConcern, {
      startWorkflowOperation,
      updateId: reportId,
      args: [{ reportId, reason: report.reason, reportedBy: `school:${school.urn}` }],
    }),
  );
}

/**
 * Registers the child if new and claims the id of the child's open case, creating one if there is none, in a
 * single statement: concurrent first reports for one child all get the same case id.
 */
async function claimOpenCase(db: Db, upn: string, schoolUrn: string): Promise<{ pupilId: string; caseId: string }> {
  const [row] = await db.$queryRaw<{ id: string; open_case_id: string }[]>`
    INSERT INTO pupil (id, upn, school_urn, open_case_id)
    VALUES (${randomUUID()}::uuid, ${upn}, ${schoolUrn}, ${randomUUID()})
    ON CONFLICT (upn) DO UPDATE SET open_case_id = COALESCE(pupil.open_case_id, EXCLUDED.open_case_id)
    RETURNING id, open_case_id`;
  if (!row) throw new Error('claiming the open case returned no row');
  return { pupilId: row.id, caseId: row.open_case_id };
}
