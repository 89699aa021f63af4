import { Router, type Request, type Response } from 'express';
import { receiveMarks } from '../../feeds/attendance/receive-marks';
import { principalOf } from '../auth/authenticate';
import type { Upload } from '../../feeds/bulk/read-records';
import type { UploadDeps } from '../../feeds/upload-deps';
import { ApiError } from '../errors';
import type { UploadProgressBody, UploadReportBody } from '../response-schemas';
import { uploadIdParams } from '../schemas';
import { parseOr400 } from '../validate';
import { receivePupils, receiveSchools } from '../../feeds/register/receive-register';
import { uploadProgress } from '../../feeds/upload-progress';

/** Paths whose bodies are streamed (CSV or a JSON array), so they are mounted before the JSON body parser. */
export const uploadPaths = ['/v1/attendance-marks', '/v1/register'];

/** The request's body, read as a stream, with its declared type and the most bytes it may have. */
const uploadOf = (req: Request, deps: UploadDeps): Upload => ({ body: req, contentType: req.headers['content-type'], maxBytes: deps.uploadMaxBytes });

/**
 * 200 with the report when any row was kept; 422 when rows came and every one was refused (nothing written),
 * in the error shape every route uses with the report beside it; 400 for an upload with no rows at all.
 */
function sendReport(res: Response, report: UploadReportBody): void {
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

/** An upload's delivery progress; 404 when it is not there or not the caller's to see (never which). */
export function uploadProgressRouter(deps: UploadDeps): Router {
  const router = Router();
  router.get('/uploads/:uploadId', async (req, res) => {
    const progress: UploadProgressBody | null = await uploadProgress(deps, principalOf(res), parseOr400(uploadIdParams, req.params).uploadId);
    if (!progress) throw new ApiError(404, 'not_found', 'no such upload in your scope', 'uploadId');
    res.json(progress);
  });
  return router;
}
