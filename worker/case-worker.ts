import type { Worker } from '@temporalio/worker';
import type { Db } from '../db/prisma';
import type { Notifier } from '../activities/notifications/notifier';
import { startNotificationDispatcher, type DispatcherOptions } from '../activities/notifications/dispatcher';

export interface DispatchDeps {
  db: Db;
  notifier: Notifier;
  options: DispatcherOptions;
  log?: (message: string) => void;
}

/** A case worker and the notification dispatcher beside it: they run, and stop, together. */
export interface CaseWorker {
  readonly worker: Worker;
  run(): Promise<void>;
  runUntil<R>(body: () => Promise<R>): Promise<R>;
  shutdown(): void;
}

/**
 * Every case worker sends the notification outbox the cases write (activities/notifications/dispatcher.ts), in
 * production and in the tests alike; without `dispatch` (workflow tests over fake activities) nothing is written.
 */
export function withDispatcher(worker: Worker, dispatch?: DispatchDeps): CaseWorker {
  const serve = async <R>(run: () => Promise<R>): Promise<R> => {
    const dispatcher = dispatch && startNotificationDispatcher(dispatch.db, dispatch.notifier, dispatch.options, dispatch.log);
    try {
      return await run();
    } finally {
      await dispatcher?.stop();
    }
  };
  return {
    worker,
    run: () => serve(() => worker.run()),
    runUntil: (body) => serve(() => worker.runUntil(body)),
    shutdown: () => worker.shutdown(),
  };
}
