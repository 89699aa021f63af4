import { requireRole } from '../../domain/access';
import type { Principal } from '../../domain/principal';
import { deliverAlerts, deliveryFor } from '../attendance/deliver-alerts';
import { detectCrossings } from '../attendance/detect-crossings';
import type { Upload } from '../bulk/read-records';
import type { UploadDeps } from '../upload-deps';
import { uploadScope } from '../upload-scope';
import { importPupils } from './import-pupils';
import { importSchools } from './import-schools';
import { flagSilentDeletions } from './silent-deletions';

/** Who the cases record as having raised a possible silent deletion. */
const registerImporter = 'system:register-import';

export async function receiveSchools(deps: UploadDeps, principal: Principal, upload: Upload) {
  requireRole(principal, ['admin']);
  return importSchools(deps.pool, upload);
}

/**
 * A pupil register: the roll and SEN flags are stored; a leaver with no deletion return opens or feeds the
 * pupil's case (possible silent deletion), and a changed SEN status re-runs absence detection for the pupil.
 */
export async function receivePupils(deps: UploadDeps, principal: Principal, upload: Upload) {
  requireRole(principal, ['school', 'la_cme_officer', 'la_send_officer', 'admin']);
  const { pupilIds, ...pupils } = await importPupils(deps.pool, uploadScope(principal), upload);
  const newAlerts = (await flagSilentDeletions(deps.pool, pupilIds)) + (await detectCrossings(deps.db, deps.pool, pupilIds));
  const delivery = await deliverAlerts(deps, { pupilIds }, registerImporter);
  return { ...pupils, detection: { newAlerts, ...(await deliveryFor(deps.db, principal, delivery)) } };
}
