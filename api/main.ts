import { loadEnv } from '../config/env';
import { createLogger } from '../config/logger';
import { createBulkPool } from '../db/bulk-pool';
import { createDb } from '../db/prisma';
import { startAlertDeliverer } from '../feeds/attendance/alert-deliverer';
import { connectClient } from '../temporal/client';
import { caseDataConverter } from '../temporal/data-converter';
import { loadPayloadKeys } from '../temporal/payload-keys';
import { createApp } from './app';
import { createAuth } from './auth/setup';
import { createApiServer } from './http-server';

async function main(): Promise<void> {
  const env = loadEnv();
  if (!env.DATABASE_URL || !env.TEMPORAL_ADDRESS) throw new Error('The API needs DATABASE_URL and TEMPORAL_ADDRESS');
  const logger = createLogger('api', env.LOG_LEVEL);
  const db = createDb(env.DATABASE_URL);
  const pool = createBulkPool(env.DATABASE_URL);
  const payloadKeys = loadPayloadKeys(env);
  const temporal = await connectClient({ address: env.TEMPORAL_ADDRESS, namespace: env.TEMPORAL_NAMESPACE, dataConverter: caseDataConverter(payloadKeys) });
  const auth = await createAuth(env);
  const temporalDeadlineMs = env.API_TEMPORAL_DEADLINE_MS;
  const ui = { authMode: env.AUTH_MODE, temporalUiUrl: env.TEMPORAL_UI_URL, namespace: env.TEMPORAL_NAMESPACE };
  const app = createApp({ db, pool, uploadMaxBytes: env.UPLOAD_MAX_BYTES, temporal, logger, auth, ui, payloadKeys, rateLimitPerMinute: env.API_RATE_LIMIT_PER_MINUTE, taskQueue: env.TEMPORAL_TASK_QUEUE, temporalDeadlineMs });
  const deliverer = startAlertDeliverer({ db, pool, temporal, logger, taskQueue: env.TEMPORAL_TASK_QUEUE, temporalDeadlineMs }, { concurrency: env.ALERT_DELIVERY_CONCURRENCY, leaseMs: env.ALERT_DELIVERY_LEASE_MS });
  const server = createApiServer(app).listen(env.API_PORT, env.API_HOST, () => logger.info(`API listening on http://${env.API_HOST}:${env.API_PORT}`));
  const stop = () => {
    server.close(() => {
      void deliverer.stop().then(() => Promise.all([db.$disconnect(), pool.end(), temporal.connection.close()])).then(() => process.exit(0));
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
