import type { CaseActivities } from '../../activities';
import { createDeletionChecks } from '../../activities/assess-deletion';
import type { CaseEventRecord } from '../../activities/case-record';
import { createComputeDeadline } from '../../activities/deadlines';
import type { NotifyInput } from '../../activities/notify';
import type { Placement } from '../../domain/deletion/consent-gate';
import type { StoredMark } from '../../domain/deletion/register-check';
import { defaultPolicy, type LaPolicy } from '../../domain/rules/policy';
import { fixtureCalendar, heldFixtureCalendar } from '../fixtures/calendar';
import type { SupportPlan } from '../../domain/support/plan';

export const mainstreamPupil: Placement = { isSpecialSchool: false, placedByLa: false, senStatus: 'none' };

/**
 * Typed fakes for workflow tests: the register and LA settings are given, writes and notifications are
 * recorded; deadlines and ground checks run the real rules on the fixture calendar.
 */
export function fakeActivities(options: { placement?: Placement; placementLater?: Placement; policy?: Partial<LaPolicy>; marks?: StoredMark[] } = {}) {
  const events: CaseEventRecord[] = [];
  const projections: Parameters<CaseActivities['projectCase']>[0][] = [];
  const notifications: NotifyInput[] = [];
  const plans: SupportPlan[] = [];
  // The pupil's register marks: a test may correct them while the case runs.
  const marks = options.marks ?? [];
  const calendars = { calendarOf: async () => fixtureCalendar(), laCalendarOf: async () => fixtureCalendar() };
  const markStore = { marksOf: async (_pupilId: string, _schoolUrn: string, from: string, to: string) => marks.filter((m) => from <= m.date && m.date <= to) };
  const activities: CaseActivities = {
    computeDeadline: createComputeDeadline(calendars),
    ...createDeletionChecks(calendars, markStore),
    loadCaseContext: async ({ calendarFrom }) => ({
      placement: options.placement ?? mainstreamPupil,
      policy: { ...defaultPolicy, ...options.policy },
      ...(calendarFrom === undefined ? {} : { calendar: heldFixtureCalendar(new Date(calendarFrom)) }),
    }),
    loadCalendar: async ({ from }) => heldFixtureCalendar(new Date(from)),
    // `placementLater`: what the register says once the case is open (an import or a later concern changed it).
    loadPlacement: async () => options.placementLater ?? options.placement ?? mainstreamPupil,
    recordCaseEvent: async (event) => {
      events.push(event);
    },
    projectCase: async (input) => {
      projections.push(input);
    },
    notify: async (input) => {
      notifications.push(input);
    },
    // Cases since the outbox: what a step enqueued, in order (the dispatcher's own tests send real rows).
    enqueueNotifications: async ({ notifications: enqueued }) => {
      notifications.push(...enqueued);
    },
    recordSupportPlan: async ({ plan }) => {
      plans.push(plan);
    },
  };
  return { activities, events, projections, notifications, marks, plans };
}
