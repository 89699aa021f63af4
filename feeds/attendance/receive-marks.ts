import { requireRole } from '../../domain/access';
import type { Principal } from '../../domain/principal';
import type { Upload } from '../bulk/read-records';
import type { UploadDeps } from '../upload-deps';
import { uploadScope } from '../upload-scope';
import { deliverAlerts, deliveryFor } from './deliver-alerts';
import { detectUnresolvedCodeN } from './detect-code-n';
import { detectCrossings } from './detect-crossings';
import { ingestMarks } from './ingest-marks';

/** Who the cases record as having raised a concern found in the register marks. */
const attendanceDetector = 'system:attendance-detection';

/**
 * A school's (or an LA's) register marks: stored, then every threshold the changed pupils crossed opens or
 * feeds the pupil's case, and code N left past its 5 school days at these schools prompts the school (T1).
 * Re-sending the same marks finds nothing new and sends nothing.
 */
export async function receiveMarks(deps: UploadDeps, principal: Principal, upload: Upload) {
  requireRole(principal, ['school', 'la_cme_officer', 'admin']);
  const { pupilIds, schoolUrns, ...marks } = await ingestMarks(deps.pool, uploadScope(principal), upload);
  const newAlerts = (await detectCrossings(deps.db, deps.pool, pupilIds)) + (await detectUnresolvedCodeN(deps.db, deps.pool, schoolUrns));
  const delivery = await deliverAlerts(deps, { pupilIds, schoolUrns }, attendanceDetector);
  return { ...marks, detection: { newAlerts, ...(await deliveryFor(deps.db, principal, delivery)) } };
}
