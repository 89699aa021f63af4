import type { CaseActivities } from '../../activities';
import { deadlineAfterSchoolDays } from '../../activities/deadlines';
import type { CaseEventRecord } from '../../activities/case-record';
import type { NotifyInput } from '../../activities/notify';

/** Typed fakes for workflow tests: record what the workflow asked for; deadlines use the real pure rule. */
export function fakeActivities() {
  const events: CaseEventRecord[] = [];
  const notifications: NotifyInput[] = [];
  const activities: CaseActivities = {
    deadlineAfterSchoolDays,
    recordCaseEvent: async (event) => {
      events.push(event);
    },
    notify: async (input) => {
      notifications.push(input);
    },
  };
  return { activities, events, notifications };
}
