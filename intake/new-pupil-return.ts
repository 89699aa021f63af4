import { englandDateOf } from '../domain/calendar/england-time';
import { newPupilReturnRefusals } from '../domain/new-pupil-return';
import { caseWorkflowId } from '../temporal/workflow-ids';
import { recordNewPupilReturn } from '../workflows/case-messages';
import { requireRole, requireSchoolAccess } from '../domain/access';
import { actorOf, type Principal } from '../domain/principal';
import { Refused } from '../domain/errors';
import { registeredSchool } from './registered-school';
import { withTemporalDeadline, type CaseDeps } from '../temporal/case-deps';
import { passedToLa, receiptFor, type PassedToLa } from '../read-model/case-disclosure';

export interface NewPupilReturn {
  schoolUrn: string;
  upn: string;
  registeredOn: string;
}

export type NewPupilReturnReceipt = { matched: true; caseId: string; stage: string } | PassedToLa;

/**
 * SAR24 reg 13(1): a school's new-pupil return. A child with an open case at another school is found on a
 * roll: the case closes (on roll elsewhere) and the school the child left is told it may delete on ground A.
 * A return from the case's own school, or for a registration still to come, is refused before anything is
 * sent. Unless the returning school may read the case, it is told only that the LA has the return.
 */
export async function receiveNewPupilReturn(deps: CaseDeps, principal: Principal, report: NewPupilReturn): Promise<NewPupilReturnReceipt> {
  requireRole(principal, ['school']);
  requireSchoolAccess(principal, await registeredSchool(deps.db, report.schoolUrn));
  const pupil = await deps.db.pupil.findUnique({ where: { upn: report.upn }, select: { openCaseId: true } });
  const caseId = pupil?.openCaseId;
  // The case's school from the read model; a case still opening has none yet and its validator checks it.
  const kase = caseId ? await deps.db.case.findUnique({ where: { id: caseId }, select: { schoolUrn: true } }) : null;
  const reasons = newPupilReturnRefusals({
    newSchoolUrn: report.schoolUrn,
    registeredOn: report.registeredOn,
    ...(kase?.schoolUrn ? { caseSchoolUrn: kase.schoolUrn } : {}),
    today: englandDateOf(new Date()),
  });
  if (reasons.length > 0) throw new Refused(reasons);
  if (!caseId) return passedToLa;
  const stage = await withTemporalDeadline(deps, () =>
    deps.temporal.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(recordNewPupilReturn, {
      args: [{ actor: actorOf(principal, report.schoolUrn), newSchoolUrn: report.schoolUrn, registeredOn: report.registeredOn }],
    }),
  );
  return receiptFor(deps.db, principal, { matched: true as const, caseId, stage });
}
