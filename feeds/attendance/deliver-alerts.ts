import { unresolvedCodeNKind } from '../../domain/attendance/code-n';
import type { ConcernReason } from '../../domain/case';
import type { Principal } from '../../domain/principal';
import { safeErrorMessage } from '../../db/error-summary';
import type { Db } from '../../db/prisma';
import { claimOpenCase } from '../../intake/claim-open-case';
import { reportToCase } from '../../intake/report-to-case';
import { readableCaseIds } from '../../read-model/case-disclosure';
import type { CaseDeps } from '../../temporal/case-deps';
import type { ReportConcernInput } from '../../workflows/case-messages';

/**
 * Detection alert kinds are concern reasons, except a silent deletion, which the case treats as a leaver whose
 * destination is unknown (T11), and code N left unresolved, an unexplained absence (T1) whose school is prompted.
 */
const alertReason = (kind: string): ConcernReason =>
  kind === 'possible_silent_deletion' ? 'leaver_unknown_destination' : kind === unresolvedCodeNKind ? 'unexplained_absence' : (kind as ConcernReason);

/** What an unresolved code N alert tells the case: the episode's dates and overdue sessions (counts and dates only). */
function codeNOf(alert: { kind: string; detail: unknown }): Pick<ReportConcernInput, 'codeN'> {
  if (alert.kind !== unresolvedCodeNKind) return {};
  const { from, to, sessions } = alert.detail as { from: string; to: string; sessions: number };
  return { codeN: { from, to, sessions } };
}

export interface Delivery {
  alerts: number;
  delivered: { caseId: string; reason: ConcernReason; attached: boolean }[];
  /** Deliveries that failed this time (Temporal unavailable, case refused), and why; the pupil's later alerts wait with them. */
  failed: number;
  failures: string[];
}

/** Concurrent reports into Temporal at once: enough to keep the worker busy, bounded so an LA's day cannot flood it. */
const concurrency = 4;

/**
 * Feeds each undelivered alert of these pupils (or of pupils at these schools, so an earlier failure is
 * retried) into the pupil's case: the one open case, or a new one (claimed on the pupil row, so never two).
 * The alert id is the report's idempotency key, so a retry is recorded once.
 */
export async function deliverAlerts(deps: CaseDeps, of: { pupilIds: string[]; schoolUrns?: string[] }, reportedBy: string): Promise<Delivery> {
  const pending = await deps.db.detectionAlert.findMany({
    where: { deliveredAt: null, OR: [{ pupilId: { in: of.pupilIds } }, { pupil: { schoolUrn: { in: of.schoolUrns ?? [] } } }] },
    orderBy: [{ detectedAt: 'asc' }, { kind: 'asc' }],
    include: { pupil: { select: { schoolUrn: true, school: { select: { laCode: true } } } } },
  });
  const delivery: Delivery = { alerts: pending.length, delivered: [], failed: 0, failures: [] };
  // One pupil's alerts go in order (the first opens the case, the next join it); pupils run side by side.
  const byPupil = new Map<string, typeof pending>();
  for (const alert of pending) {
    const queue = byPupil.get(alert.pupilId);
    if (queue) queue.push(alert);
    else byPupil.set(alert.pupilId, [alert]);
  }
  const queues = [...byPupil.values()];
  const lanes = Array.from({ length: concurrency }, async (_, lane) => {
    for (let i = lane; i < queues.length; i += concurrency) {
      for (const alert of queues[i] ?? []) {
        const laCode = alert.pupil.school?.laCode;
        if (!laCode || !alert.pupil.schoolUrn) continue;
        try {
          const { caseId } = await claimOpenCase(deps.db, { pupilId: alert.pupilId });
          const reason = alertReason(alert.kind);
          const receipt = await reportToCase(deps, { caseId, pupilId: alert.pupilId, laCode, schoolUrn: alert.pupil.schoolUrn }, { reportId: alert.id, reason, reportedBy, ...codeNOf(alert) });
          await deps.db.detectionAlert.update({ where: { id: alert.id }, data: { caseId: receipt.caseId, deliveredAt: new Date() } });
          delivery.delivered.push({ caseId: receipt.caseId, reason, attached: receipt.attached });
        } catch (error) {
          delivery.failed += 1;
          const why = safeErrorMessage(error);
          if (delivery.failures.length < 5 && !delivery.failures.includes(why)) delivery.failures.push(why);
          break; // keep this pupil's remaining alerts in order for the next attempt
        }
      }
    }
  });
  await Promise.all(lanes);
  return delivery;
}

/**
 * The delivery as its uploader is told it: the cases it may read, by id; reports into any other case (another
 * school's, another LA's, or any case for an administrator) only counted as passed to the LA.
 */
export async function deliveryFor(db: Db, principal: Principal, delivery: Delivery) {
  const readable = await readableCaseIds(db, principal, delivery.delivered.map((d) => d.caseId));
  const delivered = delivery.delivered.filter((d) => readable.has(d.caseId));
  return { ...delivery, delivered, passedToLa: delivery.delivered.length - delivered.length };
}
