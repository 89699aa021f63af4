import { requireRole } from '../../domain/access';
import type { Principal } from '../../domain/principal';
import type { Upload } from '../bulk/read-records';
import type { UploadDeps } from '../upload-deps';
import { detectForUpload } from '../upload-progress';
import { uploadScope } from '../upload-scope';
import { detectUnresolvedCodeN } from './detect-code-n';
import { detectCrossings } from './detect-crossings';
import { ingestMarks } from './ingest-marks';

/**
 * A school's (or an LA's) register marks: stored, then every threshold the changed pupils crossed, and code N
 * left past its 5 school days at these schools (T1), is recorded as an alert that the API's deliverer feeds
 * into the pupil's case after the upload has answered. Re-sending the same marks finds nothing new.
 */
export async function receiveMarks(deps: UploadDeps, principal: Principal, upload: Upload) {
  requireRole(principal, ['school', 'la_cme_officer', 'admin']);
  const { pupilIds, since, schoolUrns, ...marks } = await ingestMarks(deps.pool, uploadScope(principal), upload);
  const detected = await detectForUpload(deps, principal, 'attendance_marks', schoolUrns, async (uploadId) =>
    (await detectCrossings(deps.db, deps.pool, { pupilIds, since }, uploadId)) + (await detectUnresolvedCodeN(deps.db, deps.pool, schoolUrns, uploadId)));
  return { ...marks, ...detected };
}
