import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { createActivities, type CaseActivities } from '../../activities';
import { createComputeDeadline } from '../../activities/deadlines';
import { demoTerms } from '../../config/demo';
import { createCalendarStore } from '../../db/calendar-store';
import type { Db } from '../../db/prisma';
import { defaultPolicy } from '../../domain/rules/policy';
import type { caseWorkflow } from '../../workflows';
import { advanceSupportStage, getCaseState } from '../../workflows/case-messages';
import { actors, withOpenCase } from '../helpers/case-harness';
import { fakeActivities } from '../helpers/fake-activities';
import { recordHistory } from '../helpers/histories';
import { useRecordedCases } from '../helpers/recorded-cases';
import { recordingNotifier } from '../helpers/stack';
import { insetDays } from '../fixtures/calendar';

const DAY = 24 * 60 * 60 * 1000;
const { EventType } = temporal.api.enums.v1;
const LA = '938';
const OAK = '100001';

/** The database, except that its first transaction commits and then fails, as a connection lost before the commit's answer. */
function losingFirstCommit(db: Db): Db {
  let lost = false;
  return new Proxy(db, {
    get(target, property) {
      if (property !== '$transaction') return Reflect.get(target, property);
      const transaction = target.$transaction.bind(target) as (...args: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]) => {
        const result = await transaction(...args);
        if (lost) return result;
        lost = true;
        throw new Error('connection lost after COMMIT');
      };
    },
  });
}

/** The activity types the server scheduled, and the workflow tasks from the one that took the opening concern to its answer. */
async function openingShape(handle: WorkflowHandle<typeof caseWorkflow>) {
  const types = (await handle.fetchHistory()).events!.map((e) => e.eventType);
  const accepted = types.indexOf(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
  const answered = types.indexOf(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED);
  const acceptingTask = types.slice(0, accepted).lastIndexOf(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
  return {
    activities: await scheduledActivities(handle),
    workflowTasksToAnswer: types.slice(acceptingTask, answered + 1).filter((type) => type === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED).length,
  };
}

async function scheduledActivities(handle: WorkflowHandle<typeof caseWorkflow>) {
  const { events } = await handle.fetchHistory();
  return events!.filter((e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED).map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name);
}

/**
 * A step's database work as local activities (patched: local-step-activities) and its clocks counted in the
 * workflow (patched: deadlines-in-workflow), on the time-skipping server over the real database.
 */
describe('the open path: context read and record as local activities, clocks counted in the workflow', () => {
  const { env, db } = useRecordedCases();

  beforeAll(async () => {
    await db().school.create({ data: { urn: OAK, name: 'Oak Primary', laCode: LA } });
    const calendars = createCalendarStore(db());
    await calendars.replaceTerms(LA, demoTerms);
    await calendars.replaceClosures(OAK, insetDays.map((date) => ({ date, reason: 'INSET' })));
  });

  it('retries a context read that failed and a record whose commit was lost, writing the record once; the server schedules no activity', async () => {
    const real = createActivities({ db: losingFirstCommit(db()), notifier: recordingNotifier() });
    const fakes = fakeActivities();
    const attempts = { loadCaseContext: 0, recordCaseEvent: 0, loadCalendar: 0 };
    const activities: CaseActivities = {
      ...fakes.activities,
      loadCaseContext: async (input) => {
        attempts.loadCaseContext += 1;
        if (attempts.loadCaseContext === 1) throw new Error('database restarting');
        return real.loadCaseContext(input);
      },
      loadCalendar: async (input) => {
        attempts.loadCalendar += 1;
        return real.loadCalendar(input);
      },
      recordCaseEvent: async (event) => {
        attempts.recordCaseEvent += 1;
        await real.recordCaseEvent(event);
      },
    };
    const pupil = await db().pupil.create({ data: { schoolUrn: OAK } });
    await withOpenCase(
      env(),
      { activities },
      async (handle) => {
        const state = await handle.query(getCaseState);
        expect(state.stage).toBe('support_first');
        // At least one retry each; more when a slow workflow task timed out and ran its local activities again.
        expect(attempts.loadCaseContext).toBeGreaterThanOrEqual(2);
        expect(attempts.recordCaseEvent).toBeGreaterThanOrEqual(2);
        expect(attempts.loadCalendar).toBe(0);
        const audit = await db().auditEntry.findMany({ where: { caseId: state.caseId }, select: { action: true, eventId: true } });
        expect(audit.map((entry) => entry.action)).toEqual(['case_opened']);
        expect(await db().case.findUniqueOrThrow({ where: { id: state.caseId }, select: { stage: true } })).toEqual({ stage: 'support_first' });

        // The review clock, counted in the workflow, ends where the activity counts it from the same register.
        const opened = state.openedAt!;
        const computeDeadline = createComputeDeadline(createCalendarStore(db()));
        const review = state.deadlines.find((d) => d.kind === 'support_review')!;
        const count = defaultPolicy['SUPPORT-REVIEW'];
        expect(review.at).toBe((await computeDeadline({ from: opened, count, unit: 'school_days', laCode: LA, schoolUrn: OAK })).at);

        const shape = await openingShape(handle);
        // The context read, the clock, the record and the notification's enqueue all ride on the task that took the concern.
        expect(shape).toEqual({ activities: [], workflowTasksToAnswer: 1 });

        // A review weeks later: a later step reads the calendar again (local) and counts its clock the same way.
        await env().sleep(60 * DAY);
        expect(attempts.loadCalendar).toBeGreaterThan(0);
        await handle.executeUpdate(advanceSupportStage, { args: [{ actor: actors.school, to: 'listen_and_understand', reason: 'meeting with family booked' }] });
        const after = await handle.query(getCaseState);
        const since = after.support!.since;
        expect(after.deadlines.find((d) => d.kind === 'support_review')!.at).toBe((await computeDeadline({ from: since, count, unit: 'school_days', laCode: LA, schoolUrn: OAK })).at);
        const actions = (await db().auditEntry.findMany({ where: { caseId: state.caseId }, orderBy: { id: 'asc' }, select: { action: true } })).map((e) => e.action);
        expect(actions.filter((a) => a === 'case_opened')).toHaveLength(1);
        expect(actions.at(-1)).toBe('support_stage_changed');
        expect(await scheduledActivities(handle)).toEqual([]);
        await recordHistory('support-review-local-steps', handle);
      },
      'persistent_absence_send',
      { pupilId: pupil.id, schoolUrn: OAK },
    );
  });

  it('backs a longer outage off on a workflow timer instead of holding the task: the context read fails five times, then the case opens', async () => {
    const fakes = fakeActivities();
    let attempts = 0;
    const activities: CaseActivities = {
      ...fakes.activities,
      loadCaseContext: async (input) => {
        attempts += 1;
        if (attempts <= 5) throw new Error('database restarting');
        return fakes.activities.loadCaseContext(input);
      },
    };
    await withOpenCase(env(), { activities }, async (handle) => {
      expect(attempts).toBeGreaterThanOrEqual(6);
      expect((await handle.query(getCaseState)).stage).toBe('awaiting_reason');
      // Backoffs of 1, 2, 4 and 8 s wait in the worker; the fifth, 16 s, is over the 10 s threshold: a timer.
      const types = (await handle.fetchHistory()).events!.map((e) => e.eventType);
      const answered = types.indexOf(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED);
      expect(types.slice(0, answered).filter((type) => type === EventType.EVENT_TYPE_TIMER_FIRED)).toHaveLength(1);
      expect(fakes.events.map((e) => e.action)).toEqual(['case_opened']);
    });
  });
});
