import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { safeErrorMessage } from '../../db/error-summary';
import { idlePauses } from '../../db/idle-pauses';
import type { CaseDeps } from '../../temporal/case-deps';
import { deliverAlert, type ClaimedAlert } from './deliver-alerts';

/** Who the cases record as having raised a concern found in the register marks, or in a pupil register. */
const reporterOf: Record<string, string> = { attendance_marks: 'system:attendance-detection', register_pupils: 'system:register-import' };

export interface DelivererOptions {
  /** Alerts delivered at once (ALERT_DELIVERY_CONCURRENCY). */
  concurrency: number;
  /** How long a claim holds before another process may take the alert again (ALERT_DELIVERY_LEASE_MS). */
  leaseMs: number;
  /** How long an idle lane waits before looking again. */
  idleMs?: number;
}

/** A failed alert waits 1 s, 2 s, 4 s … up to 5 minutes before its next attempt. */
const backoffMs = (attempts: number) => Math.min(1000 * 2 ** Math.max(0, attempts - 1), 5 * 60_000);

/**
 * Claims the next alert that heads its pupil's queue (no earlier alert of the pupil still undelivered, so the
 * first alert opens the case and the later ones join it in order) and is due. SKIP LOCKED lets several API
 * processes claim side by side; the lease (due_at moved past now) keeps the alert theirs once the claim commits,
 * and gives it back if the process dies.
 */
const claimSql = `
UPDATE detection_alert a SET due_at = now() + $1 * interval '1 millisecond', attempts = a.attempts + 1
FROM (
  SELECT h.id, p.school_urn, sc.la_code, u.kind AS upload_kind
  FROM detection_alert h
  JOIN pupil p ON p.id = h.pupil_id LEFT JOIN school sc ON sc.urn = p.school_urn LEFT JOIN feed_upload u ON u.id = h.upload_id
  WHERE h.delivered_at IS NULL AND h.due_at <= now()
    AND NOT EXISTS (
      SELECT 1 FROM detection_alert e
      WHERE e.pupil_id = h.pupil_id AND e.delivered_at IS NULL AND (e.detected_at, e.kind, e.id) < (h.detected_at, h.kind, h.id))
  ORDER BY h.due_at, h.detected_at
  LIMIT 1
  FOR UPDATE OF h SKIP LOCKED
) claimed
WHERE a.id = claimed.id
RETURNING a.id, a.pupil_id, a.kind, a.detail, claimed.school_urn, claimed.la_code, claimed.upload_kind, a.attempts`;

async function claim(pool: Pool, leaseMs: number): Promise<(ClaimedAlert & { attempts: number }) | undefined> {
  const { rows } = await pool.query<{ id: string; pupil_id: string; kind: string; detail: unknown; school_urn: string | null; la_code: string | null; upload_kind: string | null; attempts: number }>(claimSql, [leaseMs]);
  const [row] = rows;
  if (!row) return undefined;
  const reportedBy = reporterOf[row.upload_kind ?? 'attendance_marks'] ?? 'system:attendance-detection';
  return { id: row.id, pupilId: row.pupil_id, kind: row.kind, detail: row.detail, schoolUrn: row.school_urn, laCode: row.la_code, reportedBy, attempts: row.attempts };
}

async function settle(pool: Pool, id: string, outcome: { caseId: string; attached: boolean } | { error: string; retryInMs: number }): Promise<void> {
  if ('caseId' in outcome) {
    await pool.query('UPDATE detection_alert SET delivered_at = now(), case_id = $2, attached = $3, last_error = NULL WHERE id = $1', [id, outcome.caseId, outcome.attached]);
  } else {
    await pool.query(`UPDATE detection_alert SET due_at = now() + $2 * interval '1 millisecond', last_error = $3 WHERE id = $1`, [id, outcome.retryInMs, outcome.error]);
  }
}

/**
 * Delivers detection alerts (an outbox filled by uploads) into their cases in the background of the API
 * process, `concurrency` at a time, until stopped. Nothing is lost over a restart: an alert is done only when
 * its delivery is recorded, and a claim that was never settled comes back when its lease runs out.
 */
export function startAlertDeliverer(deps: CaseDeps & { pool: Pool; logger: Logger }, options: DelivererOptions) {
  let stopping = false;
  const { pause, wakeAll } = idlePauses();

  async function lane(): Promise<void> {
    while (!stopping) {
      let alert: Awaited<ReturnType<typeof claim>>;
      try {
        alert = await claim(deps.pool, options.leaseMs);
      } catch (error) {
        deps.logger.warn({ err: safeErrorMessage(error) }, 'alert delivery: could not claim alerts');
      }
      if (!alert) {
        await pause(options.idleMs ?? 250);
        continue;
      }
      try {
        const receipt = await deliverAlert(deps, alert);
        await settle(deps.pool, alert.id, receipt ?? { error: 'the pupil is on no school roll', retryInMs: backoffMs(alert.attempts) });
      } catch (error) {
        await settle(deps.pool, alert.id, { error: safeErrorMessage(error), retryInMs: backoffMs(alert.attempts) }).catch(() => undefined);
      }
    }
  }

  const lanes = Array.from({ length: options.concurrency }, () => lane());
  return {
    /** Lets the deliveries in flight finish, then stops. */
    async stop(): Promise<void> {
      stopping = true;
      wakeAll();
      await Promise.all(lanes);
    },
  };
}

export type AlertDeliverer = ReturnType<typeof startAlertDeliverer>;
