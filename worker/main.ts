import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createChannelNotifier } from '../activities/notifications/channel-notifier';
import { createConsoleTransport } from '../activities/notifications/console-notifier';
import { createSmtpTransport } from '../activities/notifications/smtp-transport';
import { createWebhookTransport } from '../activities/notifications/webhook-transport';
import { loadEnv } from '../config/env';
import { parseWebhookSecrets } from '../config/webhook-secrets';
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
  const smtp = env.SMTP_URL ? createSmtpTransport({ url: env.SMTP_URL, from: env.SMTP_FROM }) : undefined;
  const notifier = createChannelNotifier({
    console: createConsoleTransport(logger),
    ...(smtp ? { smtp } : {}),
    webhook: createWebhookTransport(parseWebhookSecrets(env.WEBHOOK_SECRETS)),
  });
  const worker = await createCaseWorker({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    db,
    notifier,
    notify: { publicUrl: env.PUBLIC_URL },
    dataConverter: caseDataConverter(loadPayloadKeys(env)),
    maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
    dispatch: { concurrency: env.NOTIFY_DISPATCH_CONCURRENCY, pollMs: env.NOTIFY_DISPATCH_POLL_MS, databaseUrl: env.DATABASE_URL },
    log: (message) => logger.warn(message),
  });
  logger.info({ taskQueue: env.TEMPORAL_TASK_QUEUE, maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS }, 'worker running');
  try {
    await worker.run();
  } finally {
    smtp?.close();
    await connection.close();
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
