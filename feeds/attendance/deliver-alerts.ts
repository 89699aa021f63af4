import { unresolvedCodeNKind } from '../../domain/attendance/code-n';
import { claimOpenCase } from '../../intake/claim-open-case';
import { reportToCase } from '../../intake/report-to-case';
import type { CaseDeps } from '../../temporal/case-deps';
import type { ReportConcernInput } from '../../workflows/case-messages';
import { alertReason } from './alert-reason';

/** An alert as the deliverer claimed it, with where its pupil is on roll. */
export interface ClaimedAlert {
  id: string;
  pupilId: string;
  kind: string;
  detail: unknown;
  schoolUrn: string | null;
  laCode: string | null;
  reportedBy: string;
}

/** What an unresolved code N alert tells the case: the episode's dates and overdue sessions (counts and dates only). */
function codeNOf(alert: { kind: string; detail: unknown }): Pick<ReportConcernInput, 'codeN'> {
  if (alert.kind !== unresolvedCodeNKind) return {};
  const { from, to, sessions } = alert.detail as { from: string; to: string; sessions: number };
  return { codeN: { from, to, sessions } };
}

/**
 * Feeds one alert into the pupil's case: the one open case, or a new one (claimed on the pupil row, so never
 * two). The alert id is the report's idempotency key, so a second delivery (a lease that ran out while the first
 * was still going, an API killed after reporting) is recorded once. Null: the pupil is on no school's roll.
 */
export async function deliverAlert(deps: CaseDeps, alert: ClaimedAlert): Promise<{ caseId: string; attached: boolean } | null> {
  if (!alert.laCode || !alert.schoolUrn) return null;
  const { caseId } = await claimOpenCase(deps.db, { pupilId: alert.pupilId });
  const report = { reportId: alert.id, reason: alertReason(alert.kind), reportedBy: alert.reportedBy, ...codeNOf(alert) };
  const receipt = await reportToCase(deps, { caseId, pupilId: alert.pupilId, laCode: alert.laCode, schoolUrn: alert.schoolUrn }, report);
  return { caseId: receipt.caseId, attached: receipt.attached };
}
