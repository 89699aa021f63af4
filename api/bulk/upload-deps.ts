import type { Request } from 'express';
import type { Pool } from 'pg';
import type { CaseDeps } from '../cases/case-deps';
import type { Upload } from './read-records';

export interface UploadDeps extends CaseDeps {
  /** node-postgres pool for COPY: bulk loads never go through Prisma (architecture decision 8). */
  pool: Pool;
  /** The most bytes one upload may have (UPLOAD_MAX_BYTES). */
  uploadMaxBytes: number;
}

export const uploadOf = (req: Request, deps: UploadDeps): Upload => ({ body: req, contentType: req.headers['content-type'], maxBytes: deps.uploadMaxBytes });
