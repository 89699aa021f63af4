import { caseWorkflowId } from '../../temporal/workflow-ids';
import { recordNewPupilReturn } from '../../workflows/case-messages';
import { requireRole, requireSchoolAccess } from '../auth/access';
import { actorOf, type Principal } from '../auth/principal';
import { registeredSchool, withTemporalDeadline, type CaseDeps } from './case-deps';

export interface NewPupilReturn {
  schoolUrn: string;
  upn: string;
  registeredOn: string;
}

export type NewPupilReturnReceipt = { matched: false } | { matched: true; caseId: string; stage: string };

/**
 * SAR24 reg 13(1): a school's new-pupil return. A child with an open case is found on a roll: the case
 * closes (on roll elsewhere) and the school the child left is told it may delete on ground A.
 */
export async function receiveNewPupilReturn(deps: CaseDeps, principal: Principal, report: NewPupilReturn): Promise<NewPupilReturnReceipt> {
  requireRole(principal, ['school']);
  requireSchoolAccess(principal, await registeredSchool(deps.db, report.schoolUrn));
  const pupil = await deps.db.pupil.findUnique({ where: { upn: report.upn }, select: { openCaseId: true } });
  if (!pupil?.openCaseId) return { matched: false };
  const caseId = pupil.openCaseId;
  const stage = await withTemporalDeadline(deps, () =>
    deps.temporal.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(recordNewPupilReturn, {
      args: [{ actor: actorOf(principal, report.schoolUrn), newSchoolUrn: report.schoolUrn, registeredOn: report.registeredOn }],
    }),
  );
  return { matched: true, caseId, stage };
}
