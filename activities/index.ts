import type { Db } from '../db/prisma';
import { createRecordCaseEvent } from './case-record';
import { createCalendarStore } from '../db/calendar-store';
import { createAssessDeletion } from './assess-deletion';
import { createLoadCaseContext } from './case-context';
import { createComputeDeadline } from './deadlines';
import type { Notifier } from './notifications/notifier';
import { createNotify } from './notify';

export interface ActivityDeps {
  db: Db;
  notifier: Notifier;
}

/** Every activity the case workflow may call, built over injected dependencies. */
export function createActivities({ db, notifier }: ActivityDeps) {
  const calendars = createCalendarStore(db);
  return {
    computeDeadline: createComputeDeadline(calendars),
    assessDeletion: createAssessDeletion(calendars),
    loadCaseContext: createLoadCaseContext(db),
    recordCaseEvent: createRecordCaseEvent(db),
    notify: createNotify(db, notifier),
  };
}

export type CaseActivities = ReturnType<typeof createActivities>;
