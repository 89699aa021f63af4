import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { requireRole } from '../domain/access';
import type { ConcernReason } from '../domain/case';
import type { Principal } from '../domain/principal';
import type { Db } from '../db/prisma';
import { readableCaseIds } from '../read-model/case-disclosure';
import { alertReason } from './attendance/alert-reason';
import { inScopeSql, uploadScope } from './upload-scope';

export type UploadKind = 'attendance_marks' | 'register_pupils';

/** Records an upload that kept rows, for the schools those rows were for; its detection alerts name it. */
export async function recordUpload(pool: Pool, kind: UploadKind, schoolUrns: string[]): Promise<string> {
  const id = randomUUID();
  await pool.query('INSERT INTO feed_upload (id, kind, school_urns) VALUES ($1, $2, $3)', [id, kind, schoolUrns]);
  return id;
}

export interface UploadProgress {
  uploadId: string;
  kind: UploadKind;
  receivedAt: string;
  /** The alerts this upload's detection found. */
  alerts: number;
  /** Of those, not yet on their case (waiting, being delivered, or retrying after a failure). */
  pending: number;
  /** Of the pending, those whose last attempt failed; they are retried with a backoff. */
  failed: number;
  /** Why they failed, up to five distinct reasons. */
  failures: string[];
  /** Delivered into cases the caller may read. */
  delivered: { caseId: string; reason: ConcernReason; attached: boolean }[];
  /** Delivered into cases the caller may not read (another school's or LA's): only counted. */
  passedToLa: number;
}

/**
 * How far an upload's alerts have gone, for a caller who could have uploaded every one of its rows (the same
 * scope as uploading); null when there is no such upload or it is not the caller's to see.
 */
export async function uploadProgress(deps: { db: Db; pool: Pool }, principal: Principal, uploadId: string): Promise<UploadProgress | null> {
  requireRole(principal, ['school', 'la_cme_officer', 'la_send_officer', 'admin']);
  const scope = uploadScope(principal);
  const { rows } = await deps.pool.query<{ kind: UploadKind; received_at: Date; alerts: number; pending: number; failed: number; failures: string[] | null }>(
    `SELECT u.kind, u.received_at,
       count(a.id)::int AS alerts,
       count(a.id) FILTER (WHERE a.delivered_at IS NULL)::int AS pending,
       count(a.id) FILTER (WHERE a.delivered_at IS NULL AND a.last_error IS NOT NULL)::int AS failed,
       (array_agg(DISTINCT a.last_error) FILTER (WHERE a.delivered_at IS NULL AND a.last_error IS NOT NULL))[1:5] AS failures
     FROM feed_upload u LEFT JOIN detection_alert a ON a.upload_id = u.id
     WHERE u.id = $3 AND NOT EXISTS (
       SELECT 1 FROM unnest(u.school_urns) AS kept(urn) LEFT JOIN school sc ON sc.urn = kept.urn WHERE sc.urn IS NULL OR NOT ${inScopeSql})
     GROUP BY u.id`,
    [scope.schoolUrns, scope.laCode, uploadId],
  );
  const [upload] = rows;
  if (!upload) return null;
  const done = await deps.db.detectionAlert.findMany({
    where: { uploadId, deliveredAt: { not: null } },
    orderBy: [{ detectedAt: 'asc' }, { kind: 'asc' }],
    select: { caseId: true, kind: true, attached: true },
  });
  const readable = await readableCaseIds(deps.db, principal, done.flatMap((alert) => (alert.caseId ? [alert.caseId] : [])));
  const delivered = done.flatMap(({ caseId, kind, attached }) => (caseId && readable.has(caseId) ? [{ caseId, reason: alertReason(kind), attached: attached ?? false }] : []));
  return {
    uploadId,
    kind: upload.kind,
    receivedAt: upload.received_at.toISOString(),
    alerts: upload.alerts,
    pending: upload.pending,
    failed: upload.failed,
    failures: upload.failures ?? [],
    delivered,
    passedToLa: done.length - delivered.length,
  };
}

/**
 * Records an upload that kept rows at these schools and runs its detection, which names it on each alert
 * found; the answer is what detection found and how far delivery has gone (usually not started: the API's
 * deliverer takes the alerts from here). An upload that kept nothing is not recorded and detects nothing.
 */
export async function detectForUpload(deps: { db: Db; pool: Pool }, principal: Principal, kind: UploadKind, schoolUrns: string[], detect: (uploadId: string) => Promise<number>) {
  if (schoolUrns.length === 0) return {};
  const uploadId = await recordUpload(deps.pool, kind, schoolUrns);
  const newAlerts = await detect(uploadId);
  const { uploadId: _id, kind: _kind, receivedAt: _at, ...progress } = (await uploadProgress(deps, principal, uploadId)) as UploadProgress;
  return { uploadId, detection: { newAlerts, ...progress } };
}
