import { requireRole } from '../../domain/access';
import type { Principal } from '../../domain/principal';
import { detectCrossings } from '../attendance/detect-crossings';
import type { Upload } from '../bulk/read-records';
import type { UploadDeps } from '../upload-deps';
import { detectForUpload } from '../upload-progress';
import { uploadScope } from '../upload-scope';
import { importPupils } from './import-pupils';
import { importSchools } from './import-schools';
import { flagSilentDeletions } from './silent-deletions';

export async function receiveSchools(deps: UploadDeps, principal: Principal, upload: Upload) {
  requireRole(principal, ['admin']);
  return importSchools(deps.pool, upload);
}

/**
 * A pupil register: the roll and SEN flags are stored; a leaver with no deletion return (possible silent
 * deletion), and a changed SEN status's absence thresholds, are recorded as alerts that the API's deliverer
 * feeds into the pupil's case after the upload has answered.
 */
export async function receivePupils(deps: UploadDeps, principal: Principal, upload: Upload) {
  requireRole(principal, ['school', 'la_cme_officer', 'la_send_officer', 'admin']);
  const { pupilIds, schoolUrns, ...pupils } = await importPupils(deps.pool, uploadScope(principal), upload);
  const detected = await detectForUpload(deps, principal, 'register_pupils', schoolUrns, async (uploadId) =>
    (await flagSilentDeletions(deps.pool, pupilIds, uploadId)) + (await detectCrossings(deps.db, deps.pool, { pupilIds, since: pupilIds.map(() => null) }, uploadId)));
  return { ...pupils, ...detected };
}
