import { NativeConnection, Worker } from '@temporalio/worker';
import { caseDataConverter } from '../temporal/data-converter';
import { PayloadKeyRing } from '../temporal/payload-codec';

/**
 * bench:open's worker for the trivial workflow, in its own process as the case worker is, on its own task
 * queue and with the same payload codec, so the two arms differ only in what they run.
 */
export const trivialTaskQueue = 'bench-trivial';

async function main(): Promise<void> {
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: trivialTaskQueue,
    workflowsPath: require.resolve('./trivial-workflows'),
    dataConverter: caseDataConverter(PayloadKeyRing.parse(process.env.PAYLOAD_KEYS ?? '')),
  });
  process.once('SIGTERM', () => worker.shutdown());
  try {
    await worker.run();
  } finally {
    await connection.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
