import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { ConcernReason } from '../../domain/case';
import type { Db } from '../../db/prisma';
import { caseStageKey, laCodeKey, schoolUrnKey } from '../../temporal/search-attributes';
import { caseWorkflowId } from '../../temporal/workflow-ids';
import type { caseWorkflow } from '../../workflows';
import { reportConcern, type ConcernReceipt } from '../../workflows/case-messages';
import { ApiError } from '../errors';

export interface ConcernReport {
  schoolUrn: string;
  upn: string;
  reason: ConcernReason;
  reportId?: string;
}

export interface CaseDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** Each call into Temporal gets this deadline, so a request never hangs on a missing worker. */
  temporalDeadlineMs: number;
}

/**
 * Opens a case for the child, or attaches the report to the child's open case. The open case id is claimed
 * atomically on the pupil row, then the workflow is started-or-updated (update-with-start, USE_EXISTING):
 * concurrent or retried reports for one child always reach the same case.
 */
export async function openConcern(deps: CaseDeps, report: ConcernReport): Promise<ConcernReceipt> {
  const school = await deps.db.school.findUnique({ where: { urn: report.schoolUrn } });
  if (!school) throw new ApiError(422, 'unknown_school', `school ${report.schoolUrn} is not on the register`, 'schoolUrn');

  const pupil = await deps.db.pupil.upsert({
    where: { upn: report.upn },
    create: { upn: report.upn, schoolUrn: school.urn },
    update: {},
  });
  const caseId = await claimOpenCaseId(deps.db, pupil.id);

  const startWorkflowOperation = new WithStartWorkflowOperation<typeof caseWorkflow>('caseWorkflow', {
    workflowId: caseWorkflowId(caseId),
    taskQueue: deps.taskQueue,
    workflowIdConflictPolicy: 'USE_EXISTING',
    args: [{ caseId, pupilId: pupil.id, laCode: school.laCode, schoolUrn: school.urn }],
    typedSearchAttributes: [
      { key: caseStageKey, value: 'opening' },
      { key: laCodeKey, value: school.laCode },
      { key: schoolUrnKey, value: school.urn },
    ],
  });
  const reportId = report.reportId ?? randomUUID();
  return deps.temporal.withDeadline(Date.now() + deps.temporalDeadlineMs, () =>
    deps.temporal.workflow.executeUpdateWithStart(reportConcern, {
      startWorkflowOperation,
      updateId: reportId,
      args: [{ reportId, reason: report.reason, reportedBy: `school:${school.urn}` }],
    }),
  );
}

async function claimOpenCaseId(db: Db, pupilId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ open_case_id: string }[]>`
    UPDATE pupil SET open_case_id = COALESCE(open_case_id, ${randomUUID()})
    WHERE id = ${pupilId}::uuid
    RETURNING open_case_id`;
  if (!row) throw new Error('pupil row vanished while claiming its case');
  return row.open_case_id;
}
