import { randomUUID } from 'node:crypto';
import type { ConcernReceipt } from '../workflows/case-messages';
import type { z } from 'zod';
import type { reportConcernBody } from './requests';
import { describeActor } from '../domain/actor';
import { requireRole, requireSchoolAccess } from '../domain/access';
import { actorOf, type Principal } from '../domain/principal';
import { registeredSchool } from './registered-school';
import type { CaseDeps } from '../temporal/case-deps';
import { saveChildDetails } from './child-details';
import { claimOpenCase } from './claim-open-case';
import { receiptFor, type PassedToLa } from '../read-model/case-disclosure';
import { reportToCase } from './report-to-case';

export type ConcernReport = z.infer<typeof reportConcernBody>;

/**
 * A school's concern opens a case for the child, or joins the child's open case. The open case id is claimed
 * atomically on the pupil row (the only place the UPN is kept) before the workflow hears of it, so concurrent
 * or retried reports for one child always reach the same case. A child's open case at another school (or LA)
 * still takes the report, but the caller is told nothing of it.
 */
export async function openConcern(deps: CaseDeps, principal: Principal, report: ConcernReport): Promise<ConcernReceipt | PassedToLa> {
  requireRole(principal, ['school', 'la_cme_officer', 'la_send_officer']);
  const school = await registeredSchool(deps.db, report.schoolUrn);
  requireSchoolAccess(principal, school);
  const { pupilId, caseId } = await claimOpenCase(deps.db, { upn: report.upn, schoolUrn: school.urn });
  if (report.child) await saveChildDetails(deps.db, pupilId, report.child);
  if (report.send) await deps.db.pupil.update({ where: { id: pupilId }, data: { senStatus: report.send.status, placedByLa: report.send.placedByLa } });
  const reportId = report.reportId ?? randomUUID();
  const receipt = await reportToCase(deps, { caseId, pupilId, laCode: school.laCode, schoolUrn: school.urn }, { reportId, reason: report.reason, reportedBy: describeActor(actorOf(principal, school.urn)) });
  return receiptFor(deps.db, principal, receipt);
}
