import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';

/** The case's activities, retried with backoff until they succeed: each is idempotent. */
export const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * A step's short database work (reading what it needs, recording it, projecting it), run by the worker inside the step's
 * workflow task instead of a round trip through the server each: Temporal's local activities, for short work
 * that needs no heartbeat or task queue of its own (patched: local-step-activities). Retried as the others
 * are, unlimited: an attempt that fails is tried again in the worker, holding the workflow task open, while its
 * backoff is under 10 s (localRetryThreshold); a longer outage backs off on workflow timers instead, so a
 * database down for minutes does not hold a task open for minutes. A worker that dies before the workflow task
 * completes runs the step's local activities again, finished ones included: each is idempotent (reads; a
 * record keyed by its eventId, which replays to the same value). test/workflows/local-steps.test.ts.
 */
export const localActivities = proxyLocalActivities<Pick<CaseActivities, 'loadCaseContext' | 'loadCalendar' | 'recordCaseEvent' | 'projectCase' | 'enqueueNotifications'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
  localRetryThreshold: '10 seconds',
});
