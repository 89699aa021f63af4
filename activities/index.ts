import type { Db } from '../db/prisma';
import { createRecordCaseEvent } from './case-record';
import { createProjectCase } from './case-projection';
import { createCalendarStore } from '../db/calendar-store';
import { createMarkStore } from '../db/attendance-marks';
import { createDeletionChecks } from './assess-deletion';
import { createLoadCalendar, createLoadCaseContext, createLoadPlacement } from './case-context';
import { createComputeDeadline } from './deadlines';
import { createEnqueueNotifications } from './notifications/enqueue';
import type { Notifier } from './notifications/notifier';
import { createNotify, type NotifyOptions } from './notify';
import { createRecordSupportPlan } from './support-plan';

export interface ActivityDeps {
  db: Db;
  notifier: Notifier;
  notify?: NotifyOptions;
}

/** Every activity the case workflow may call, built over injected dependencies. */
export function createActivities({ db, notifier, notify }: ActivityDeps) {
  const calendars = createCalendarStore(db);
  return {
    computeDeadline: createComputeDeadline(calendars),
    ...createDeletionChecks(calendars, createMarkStore(db)),
    loadCaseContext: createLoadCaseContext(db, calendars),
    loadCalendar: createLoadCalendar(calendars),
    loadPlacement: createLoadPlacement(db),
    recordCaseEvent: createRecordCaseEvent(db),
    projectCase: createProjectCase(db),
    notify: createNotify(db, notifier, notify),
    enqueueNotifications: createEnqueueNotifications(db),
    recordSupportPlan: createRecordSupportPlan(db),
  };
}

export type CaseActivities = ReturnType<typeof createActivities>;
