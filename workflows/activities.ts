import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';

/** The case's activities, retried with backoff until they succeed: each is idempotent. */
export const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
