import { Router, type Response } from 'express';
import { receiveMarks } from '../attendance/receive-marks';
import { principalOf } from '../auth/authenticate';
import { uploadOf, type UploadDeps } from '../bulk/upload-deps';
import { ApiError } from '../errors';
import { receivePupils, receiveSchools } from '../register/receive-register';

/** Paths whose bodies are streamed (CSV or a JSON array), so they are mounted before the JSON body parser. */
export const uploadPaths = ['/v1/attendance-marks', '/v1/register'];

/**
 * 200 with the report when any row was kept; 422 when rows came and every one was refused (nothing written),
 * in the error shape every route uses with the report beside it; 400 for an upload with no rows at all.
 */
function sendReport(res: Response, report: { received: number; inserted: number; changed: number; unchanged: number }): void {
  if (report.received === 0) throw new ApiError(400, 'empty_upload', 'the upload has no rows', 'body');
  if (report.inserted + report.changed + report.unchanged > 0) {
    res.json(report);
    return;
  }
  const error = { code: 'rows_refused', message: 'every row was refused (see rejected.rows: line, field, why); nothing was written', field: 'body' };
  res.status(422).json({ error, ...report });
}

export function uploadsRouter(deps: UploadDeps): Router {
  const router = Router();

  router.post('/attendance-marks', async (req, res) => {
    sendReport(res, await receiveMarks(deps, principalOf(res), uploadOf(req, deps)));
  });

  router.post('/register/schools', async (req, res) => {
    sendReport(res, await receiveSchools(deps, principalOf(res), uploadOf(req, deps)));
  });

  router.post('/register/pupils', async (req, res) => {
    sendReport(res, await receivePupils(deps, principalOf(res), uploadOf(req, deps)));
  });

  return router;
}
