import { randomUUID } from 'node:crypto';
import type { ConcernReceipt } from '../../workflows/case-messages';
import type { z } from 'zod';
import type { reportConcernBody } from '../schemas';
import { registeredSchool, type CaseDeps } from './case-deps';
import { saveChildDetails } from './child-details';
import { claimOpenCase } from './claim-open-case';
import { reportToCase } from './report-to-case';

export type ConcernReport = z.infer<typeof reportConcernBody>;

/**
 * A school's concern opens a case for the child, or joins the child's open case. The open case id is claimed
 * atomically on the pupil row (the only place the UPN is kept) before the workflow hears of it, so concurrent
 * or retried reports for one child always reach the same case.
 */
export async function openConcern(deps: CaseDeps, report: ConcernReport): Promise<ConcernReceipt> {
  const school = await registeredSchool(deps.db, report.schoolUrn);
  const { pupilId, caseId } = await claimOpenCase(deps.db, { upn: report.upn, schoolUrn: school.urn });
  if (report.child) await saveChildDetails(deps.db, pupilId, report.child);
  const reportId = report.reportId ?? randomUUID();
  return reportToCase(deps, { caseId, pupilId, laCode: school.laCode, schoolUrn: school.urn }, { reportId, reason: report.reason, reportedBy: `school:${school.urn}` });
}
