import type { Db } from '../../db/prisma';
import { caseWorkflowId } from '../../temporal/workflow-ids';
import { recordNewPupilReturn } from '../../workflows/case-messages';
import { ApiError } from '../errors';
import type { CaseDeps } from './open-concern';

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
export async function receiveNewPupilReturn(deps: CaseDeps, report: NewPupilReturn): Promise<NewPupilReturnReceipt> {
  await requireSchool(deps.db, report.schoolUrn);
  const pupil = await deps.db.pupil.findUnique({ where: { upn: report.upn }, select: { openCaseId: true } });
  if (!pupil?.openCaseId) return { matched: false };
  const caseId = pupil.openCaseId;
  const stage = await deps.temporal.withDeadline(Date.now() + deps.temporalDeadlineMs, () =>
    deps.temporal.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(recordNewPupilReturn, {
      args: [{ actor: { role: 'school', userId: `school:${report.schoolUrn}`, schoolUrn: report.schoolUrn }, newSchoolUrn: report.schoolUrn, registeredOn: report.registeredOn }],
    }),
  );
  return { matched: true, caseId, stage };
}

async function requireSchool(db: Db, urn: string): Promise<void> {
  const school = await db.school.findUnique({ where: { urn }, select: { urn: true } });
  if (!school) throw new ApiError(422, 'unknown_school', `school ${urn} is not on the register`, 'schoolUrn');
}
