import type { UploadProgressBody } from '../../api/response-schemas';
import type { ApiAgent } from './stack';

/**
 * Follows an upload at GET /v1/uploads/{uploadId} until every alert its detection found is on its case (the
 * API delivers them after the upload has answered), and answers the finished progress.
 */
export async function deliveredUpload(agent: ApiAgent, uploadId: string, timeoutMs = 120_000): Promise<UploadProgressBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const progress = (await agent.get(`/v1/uploads/${uploadId}`).expect(200)).body as UploadProgressBody;
    if (progress.pending === 0) return progress;
    if (Date.now() > deadline) throw new Error(`upload ${uploadId}: ${progress.pending} of ${progress.alerts} alerts still pending (${progress.failures.join('; ')})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
