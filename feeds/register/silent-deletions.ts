import type { Pool } from 'pg';
import { silentDeletionRule } from '../../domain/attendance/thresholds';

/**
 * Flags each of these pupils whose registration ended outside a standard transition while no deletion return
 * (SAR24 reg 13(4)) is on record for any of their cases: a possible silent deletion. Once per leaving date, naming the upload that found it.
 */
export async function flagSilentDeletions(pool: Pool, pupilIds: string[], uploadId: string | null): Promise<number> {
  if (pupilIds.length === 0) return 0;
  const { rowCount } = await pool.query(
    `INSERT INTO detection_alert (id, pupil_id, kind, episode, detail, upload_id)
     SELECT gen_random_uuid(), p.id, 'possible_silent_deletion', 'left:' || p.left_on,
       jsonb_build_object('ruleId', '${silentDeletionRule.id}', 'leftOn', p.left_on, 'schoolUrn', p.school_urn), $2::uuid
     FROM unnest($1::uuid[]) AS changed(id) JOIN pupil p ON p.id = changed.id
     WHERE p.left_on IS NOT NULL AND NOT p.standard_transition
       AND NOT EXISTS (SELECT 1 FROM "case" c JOIN audit_entry a ON a.case_id = c.id WHERE c.pupil_id = p.id AND a.action = 'deletion_return_sent')
     ON CONFLICT (pupil_id, kind, episode) DO NOTHING`,
    [pupilIds, uploadId],
  );
  return rowCount ?? 0;
}
