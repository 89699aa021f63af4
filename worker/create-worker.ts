import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';

export interface WorkerOptions extends ActivityDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
}

/** The case worker: workflows bundled from workflows/, activities over the injected dependencies. */
export function createCaseWorker(options: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath: require.resolve('../workflows'),
    activities: createActivities(options),
    // Cases are mostly idle; bound the cache explicitly (~1 MB each, architecture decision 9).
    maxCachedWorkflows: 500,
  });
}
