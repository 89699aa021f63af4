import type { CaseActivities } from '../../activities';
import { createAssessDeletion } from '../../activities/assess-deletion';
import type { CaseEventRecord } from '../../activities/case-record';
import { createComputeDeadline } from '../../activities/deadlines';
import type { NotifyInput } from '../../activities/notify';
import type { Placement } from '../../domain/deletion/consent-gate';
import { defaultPolicy, type LaPolicy } from '../../domain/rules/policy';
import { fixtureCalendar } from '../fixtures/calendar';

export const mainstreamPupil: Placement = { isSpecialSchool: false, placedByLa: false, senStatus: 'none' };

/**
 * Typed fakes for workflow tests: the register and LA settings are given, writes and notifications are
 * recorded; deadlines and ground checks run the real rules on the fixture calendar.
 */
export function fakeActivities(options: { placement?: Placement; placementLater?: Placement; policy?: Partial<LaPolicy> } = {}) {
  const events: CaseEventRecord[] = [];
  const notifications: NotifyInput[] = [];
  const calendars = { calendarOf: async () => fixtureCalendar(), laCalendarOf: async () => fixtureCalendar() };
  const activities: CaseActivities = {
    computeDeadline: createComputeDeadline(calendars),
    assessDeletion: createAssessDeletion(calendars),
    loadCaseContext: async () => ({ placement: options.placement ?? mainstreamPupil, policy: { ...defaultPolicy, ...options.policy } }),
    // `placementLater`: what the register says once the case is open (an import or a later concern changed it).
    loadPlacement: async () => options.placementLater ?? options.placement ?? mainstreamPupil,
    recordCaseEvent: async (event) => {
      events.push(event);
    },
    notify: async (input) => {
      notifications.push(input);
    },
  };
  return { activities, events, notifications };
}
