import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createConsoleNotifier } from '../activities/notifications/console-notifier';
import { loadEnv } from '../config/env';
import { createLogger } from '../config/logger';
import { createDb } from '../db/prisma';
import { caseDataConverter } from '../temporal/data-converter';
import { loadPayloadKeys } from '../temporal/payload-keys';
import { createCaseWorker } from './create-worker';

async function main(): Promise<void> {
  const env = loadEnv();
  if (!env.DATABASE_URL || !env.TEMPORAL_ADDRESS) throw new Error('The worker needs DATABASE_URL and TEMPORAL_ADDRESS');
  const logger = createLogger('worker', env.LOG_LEVEL);
  // The SDK's own chatter (bundling, state changes) only when debugging.
  Runtime.install({ logger: new DefaultLogger(env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace' ? 'DEBUG' : 'WARN') });
  const db = createDb(env.DATABASE_URL);
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  const worker = await createCaseWorker({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    db,
    notifier: createConsoleNotifier(logger),
    dataConverter: caseDataConverter(loadPayloadKeys(env)),
  });
  logger.info({ taskQueue: env.TEMPORAL_TASK_QUEUE }, 'worker running');
  try {
    await worker.run();
  } finally {
    await connection.close();
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
