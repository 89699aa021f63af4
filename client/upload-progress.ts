import { expectOk, type ApiClient } from './api-client';

/**
 * Follows an upload at GET /v1/uploads/{uploadId} until every alert its detection found is on its case (the
 * API delivers them after the upload has answered), and answers the finished progress.
 */
export async function deliveredUpload(client: ApiClient, uploadId: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const progress = await expectOk(`upload ${uploadId}`, client.GET('/v1/uploads/{uploadId}', { params: { path: { uploadId } } }));
    if (progress.pending === 0) return progress;
    if (Date.now() > deadline) throw new Error(`upload ${uploadId}: ${progress.pending} of ${progress.alerts} alerts still pending (${progress.failures.join('; ')})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
