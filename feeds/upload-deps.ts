import type { Pool } from 'pg';
import type { CaseDeps } from '../temporal/case-deps';

export interface UploadDeps extends CaseDeps {
  /** node-postgres pool for COPY: bulk loads never go through Prisma (architecture decision 8). */
  pool: Pool;
  /** The most bytes one upload may have (UPLOAD_MAX_BYTES). */
  uploadMaxBytes: number;
}
