import type { Db } from '../db/prisma';
import { createRecordCaseEvent } from './case-record';
import { deadlineAfterSchoolDays } from './deadlines';
import type { Notifier } from './notifications/notifier';
import { createNotify } from './notify';

export interface ActivityDeps {
  db: Db;
  notifier: Notifier;
}

/** Every activity the case workflow may call, built over injected dependencies. */
export function createActivities({ db, notifier }: ActivityDeps) {
  return {
    deadlineAfterSchoolDays,
    recordCaseEvent: createRecordCaseEvent(db),
    notify: createNotify(db, notifier),
  };
}

export type CaseActivities = ReturnType<typeof createActivities>;
