import fs from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

/**
 * `RECORD_HISTORIES=1 npm test -- test/workflows` writes the histories of representative cases into
 * test/histories, which the replay test then guards against non-deterministic changes.
 */
export async function recordHistory(name: string, handle: WorkflowHandle): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const file = path.join(__dirname, '..', 'histories', `${name}.json`);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  await fs.promises.writeFile(file, historyToJSON(await handle.fetchHistory()));
}
