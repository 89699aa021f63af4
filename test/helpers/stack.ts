import type { TestWorkflowEnvironment } from '@temporalio/testing';
import pino, { type Logger } from 'pino';
import { createConsoleTransport } from '../../activities/notifications/console-notifier';
import request from 'supertest';
import type { Notifier, OutboundNotification } from '../../activities/notifications/notifier';
import type { NotifyOptions } from '../../activities/notify';
import { createApp } from '../../api/app';
import { createApiServer } from '../../api/http-server';
import { createBulkPool } from '../../db/bulk-pool';
import { startAlertDeliverer } from '../../feeds/attendance/alert-deliverer';
import type { CaseWorker } from '../../worker/case-worker';
import { createCaseWorker } from '../../worker/create-worker';
import { freePort } from '../../scripts/devstack/free-port';
import { startTemporalUiProxy } from '../../scripts/devstack/temporal-ui-proxy';
import { createTestDatabase, type TestDatabase } from './database';
import { testDataConverter, testPayloadKeys } from './payload-keys';
import { createDevServerEnv } from './temporal';
import { bearer, testAuth, users, type TestUser } from './users';

export type ApiAgent = ReturnType<typeof request.agent>;

/** Records what would be sent: the transport is the edge; the outbox in front of it is real. */
export function recordingNotifier(): Notifier & { sent: OutboundNotification[] } {
  const sent: OutboundNotification[] = [];
  return { sent, send: async (message) => void sent.push(message) };
}

/** The real system in one process: Temporal dev server, a fresh Postgres database, a worker and the API. */
/**
 * `logger`: where the API and the worker's console transport log (silent by default; the PII test reads it).
 * `inProcessWorker: false`: no worker here; the fault tests run workers as separate processes.
 * `uploadMaxBytes`: the register and attendance upload limit (8 MiB by default).
 * `database`: a database of the test's own (the Postgres fault test runs its own cluster); by default a clone
 * of the suite's template.
 * `temporalUi`: the dev server's web UI on this port as `npm start` serves it: through the proxy that serves the
 * codec of the API at `apiUrl` under the UI's origin.
 * `notifier`, `notify`: the worker's real transports and outbox options instead of the recorder.
 * `rateLimitPerMinute`: the API's per-client limit (a fuzzer sends more than a person would).
 * `alertDeliverer: false`: no background alert delivery here (the test runs API processes that deliver).
 */
export async function startStack(
  taskQueue: string,
  options: {
    logger?: Logger;
    inProcessWorker?: boolean;
    uploadMaxBytes?: number;
    database?: TestDatabase;
    temporalUi?: { port: number; apiUrl: string };
    notifier?: Notifier;
    notify?: NotifyOptions;
    rateLimitPerMinute?: number;
    alertDeliverer?: false;
  } = {},
) {
  // Payloads are encrypted as in production: client and worker share the codec.
  const ui = options.temporalUi && { ...options.temporalUi, innerPort: await freePort() };
  const env: TestWorkflowEnvironment = await createDevServerEnv(testDataConverter, ui && { port: ui.innerPort, codecEndpoint: `http://127.0.0.1:${ui.port}/codec` });
  const uiProxy = ui && (await startTemporalUiProxy({ host: '127.0.0.1', port: ui.port, uiUrl: `http://127.0.0.1:${ui.innerPort}`, apiUrl: ui.apiUrl }));
  const database: TestDatabase = options.database ?? (await createTestDatabase());
  const pool = createBulkPool(database.url);
  const notifier = recordingNotifier();
  const logged = options.logger ? createConsoleTransport(options.logger) : undefined;
  const recordAndLog: Notifier = logged ? { send: async (m, channel) => { await logged.send(m); await notifier.send(m, channel); } } : notifier;
  const worker: CaseWorker | undefined = options.inProcessWorker === false ? undefined : await createCaseWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    db: database.db,
    notifier: options.notifier ?? recordAndLog,
    ...(options.notify ? { notify: options.notify } : {}),
    dataConverter: testDataConverter,
    dispatch: { databaseUrl: database.url },
  });
  const workerRun = worker?.run();
  const auth = await testAuth();
  const logger = options.logger ?? pino({ level: 'silent' });
  const caseDeps = { db: database.db, temporal: env.client, taskQueue, temporalDeadlineMs: 20000 };
  const deliverer = options.alertDeliverer === false ? undefined : startAlertDeliverer({ ...caseDeps, pool, logger }, { concurrency: 4, leaseMs: 60_000, idleMs: 100 });
  const app = createApp({
    auth,
    payloadKeys: testPayloadKeys,
    ui: { authMode: 'dev', temporalUiUrl: `http://127.0.0.1:${options.temporalUi?.port ?? 8233}`, namespace: env.namespace ?? 'default' },
    ...caseDeps,
    pool,
    uploadMaxBytes: options.uploadMaxBytes ?? 8 * 2 ** 20,
    logger,
    ...(options.rateLimitPerMinute ? { rateLimitPerMinute: options.rateLimitPerMinute } : {}),
  });
  // Served as main.ts serves it, so a request Node's parser refuses gets the API's answer too.
  const server = createApiServer(app);
  return {
    env,
    database,
    pool,
    notifier,
    app,
    server,
    auth,
    /** A supertest agent that sends this test user's bearer token with every request. */
    async as(user: TestUser): Promise<ApiAgent> {
      return request.agent(server).set('authorization', await bearer(auth, users[user]));
    },
    async stop() {
      await deliverer?.stop();
      worker?.shutdown();
      await workerRun;
      await uiProxy?.stop();
      await env.teardown();
      await pool.end();
      await database.drop();
    },
  };
}
