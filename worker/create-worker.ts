import type { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import type { DispatcherOptions } from '../activities/notifications/dispatcher';
import { DEFAULT_MAX_CACHED_WORKFLOWS, DEFAULT_NOTIFY_DISPATCH } from '../config/env';
import { withDispatcher, type CaseWorker } from './case-worker';
import { redactDatabaseErrors } from './redact-database-errors';

export interface WorkerOptions extends ActivityDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /** The payload codec (encryption) shared with the API's client. */
  dataConverter?: DataConverter;
  /** WORKER_MAX_CACHED_WORKFLOWS (config/env.ts); its default unless given. */
  maxCachedWorkflows?: number;
  /** The notification dispatcher's settings (NOTIFY_DISPATCH_*); `databaseUrl` lets it LISTEN for new rows. */
  dispatch?: Partial<DispatcherOptions>;
  log?: (message: string) => void;
}

/** Every case worker's interceptors: database errors leave activities as summaries (no query values). */
export const caseWorkerInterceptors = { activity: [redactDatabaseErrors] };

/** The case worker: workflows bundled from workflows/, activities over the injected dependencies, the outbox's dispatcher. */
export async function createCaseWorker(options: WorkerOptions): Promise<CaseWorker> {
  const worker = await Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath: require.resolve('../workflows'),
    activities: createActivities(options),
    dataConverter: options.dataConverter,
    interceptors: caseWorkerInterceptors,
    // Cases are mostly idle: the cache is bounded on purpose, not by the SDK's share of memory (README, "Sizing the worker").
    maxCachedWorkflows: options.maxCachedWorkflows ?? DEFAULT_MAX_CACHED_WORKFLOWS,
  });
  const { db, notifier, notify, log } = options;
  const dispatch = { ...DEFAULT_NOTIFY_DISPATCH, ...(notify?.publicUrl ? { publicUrl: notify.publicUrl } : {}), ...options.dispatch };
  return withDispatcher(worker, { db, notifier, options: dispatch, ...(log ? { log } : {}) });
}
