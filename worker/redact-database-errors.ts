import { ApplicationFailure } from '@temporalio/common';
import type { ActivityInterceptors } from '@temporalio/worker';
import { summariseDatabaseError } from '../db/error-summary';

/**
 * An activity's database error leaves the worker as its summary only (class, code, model, SQLSTATE): the
 * failure Temporal records, and the SDK logs, would otherwise carry Prisma's message with the query's
 * values. Still retryable, as the original was; other errors pass unchanged.
 */
export function redactDatabaseErrors(): ActivityInterceptors {
  return {
    inbound: {
      async execute(input, next) {
        try {
          return await next(input);
        } catch (error) {
          const summary = summariseDatabaseError(error);
          if (summary === undefined) throw error;
          throw ApplicationFailure.create({ message: summary, type: (error as Error).name });
        }
      },
    },
  };
}
