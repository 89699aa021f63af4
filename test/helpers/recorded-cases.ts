import type { WorkflowHandle } from '@temporalio/client';
import { createActivities } from '../../activities';
import { DEFAULT_NOTIFY_DISPATCH } from '../../config/env';
import type { Db } from '../../db/prisma';
import type { Notifier } from '../../activities/notifications/notifier';
import type { Actor } from '../../domain/actor';
import type { ConcernReason } from '../../domain/case';
import type { caseWorkflow } from '../../workflows';
import { getCaseState, type CaseWorkflowInput } from '../../workflows/case-messages';
import { withOpenCase } from './case-harness';
import { createTestDatabase, type TestDatabase } from './database';
import { recordingNotifier } from './stack';
import { useTimeSkippingEnv } from './temporal';

/**
 * The time-skipping server with the real activities over a fresh database (and the worker's dispatcher sending to
 * `notifier`, a recorder by default): clocks of weeks fire in moments,
 * and what the case writes lands in the real read model that the inbox and the dashboard query.
 */
export function useRecordedCases(notifier: Notifier = recordingNotifier()) {
  const env = useTimeSkippingEnv();
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  const db = () => {
    if (!database) throw new Error('the test database is not created yet');
    return database.db;
  };

  /**
   * Opens a case of LA 938 for a pupil on the register (`schoolUrn: undefined`: on no roll) and runs `body` while a
   * worker with the real activities serves it.
   */
  const withRecordedCase = (
    pupil: { id: string; schoolUrn: string | undefined },
    reason: ConcernReason,
    body: (handle: WorkflowHandle<typeof caseWorkflow>, caseId: string) => Promise<void>,
    options: Pick<CaseWorkflowInput, 'continueAsNewAt'> = {},
  ) =>
    withOpenCase(
      env(),
      casesWorker(db(), notifier, database?.url),
      async (handle) => body(handle, (await handle.query(getCaseState)).caseId),
      reason,
      { pupilId: pupil.id, schoolUrn: pupil.schoolUrn, ...options },
    );

  /** The server's skipped clock: what "now" is for the case. */
  const now = async () => new Date(await env().currentTimeMs());

  return { env, db, now, withRecordedCase };
}

/** The real activities and, as in production, the dispatcher sending what they enqueue. */
function casesWorker(db: Db, notifier: Notifier, databaseUrl: string | undefined) {
  return { activities: createActivities({ db, notifier }), dispatch: { db, notifier, options: { ...DEFAULT_NOTIFY_DISPATCH, databaseUrl } } };
}

/** A school user acting for `schoolUrn`. */
export const schoolActor = (schoolUrn: string): Actor => ({ role: 'school', userId: `u-school-${schoolUrn}`, schoolUrn });

/** Waits (a bounded number of times) until `check` holds: the activities after a timer finish a moment later. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, attempts = 50): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const value = await read();
    if (check(value) || attempt >= attempts) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
