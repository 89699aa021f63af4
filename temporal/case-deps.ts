import type { Client } from '@temporalio/client';
import type { Db } from '../db/prisma';

/** What code that starts, feeds or reads cases needs: the read model, and Temporal under a deadline. */
export interface CaseDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** Each call into Temporal gets this deadline, so a request never hangs on a missing worker. */
  temporalDeadlineMs: number;
}

/** Runs one call into Temporal under the caller's deadline. */
export function withTemporalDeadline<T>(deps: Pick<CaseDeps, 'temporal' | 'temporalDeadlineMs'>, call: () => Promise<T>): Promise<T> {
  return deps.temporal.withDeadline(Date.now() + deps.temporalDeadlineMs, call);
}
