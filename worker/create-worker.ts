import type { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { DEFAULT_MAX_CACHED_WORKFLOWS } from '../config/env';
import { redactDatabaseErrors } from './redact-database-errors';

export interface WorkerOptions extends ActivityDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /** The payload codec (encryption) shared with the API's client. */
  dataConverter?: DataConverter;
  /** WORKER_MAX_CACHED_WORKFLOWS (config/env.ts); its default unless given. */
  maxCachedWorkflows?: number;
}

/** Every case worker's interceptors: database errors leave activities as summaries (no query values). */
export const caseWorkerInterceptors = { activity: [redactDatabaseErrors] };

/** The case worker: workflows bundled from workflows/, activities over the injected dependencies. */
export function createCaseWorker(options: WorkerOptions): Promise<Worker> {
  return Worker.create({
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
}
