import { ActivityFailure, patched, proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import type { NotifyInput } from '../activities/notify';
import { activities } from './activities';
import { patches } from './patches';

/**
 * A notification tried while a decision waits for its answer: a few attempts within a few seconds, so a
 * failing transport (an SMTP relay down, a receiver answering 503) never holds the decision's answer back.
 */
const prompt = proxyActivities<Pick<CaseActivities, 'notify'>>({
  scheduleToCloseTimeout: '5 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '2 seconds' },
});

/** After a prompt attempt failed, others skip theirs for this long: one wait per decision, not one per party. */
const FAILING_FOR_MS = 60_000;

/**
 * Each recipient's notifications, in order. A notification goes out promptly; one that cannot be sent in a few
 * seconds is handed to its recipient's lane, which sends it with the activity's unlimited retries while the
 * case goes on, and every later one to that recipient follows it there (order kept per recipient; other
 * recipients are not held up). Nothing is dropped: the case waits for every lane before it continues as new
 * or ends. The outbox (activities/notify.ts) still makes each (case, step, recipient) one message.
 */
export class NotificationLanes {
  private readonly lanes = new Map<string, NotifyInput[]>();
  private lastPromptFailure = -Infinity;

  async send(input: NotifyInput): Promise<void> {
    // Cases begun before lanes existed replay as they ran: each notification awaited to the end.
    if (!patched(patches.notificationLanes)) return activities.notify(input);
    const lane = this.lanes.get(input.recipient);
    if (lane) {
      lane.push(input);
      return;
    }
    if (Date.now() - this.lastPromptFailure >= FAILING_FOR_MS) {
      try {
        return await prompt.notify(input);
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
        this.lastPromptFailure = Date.now();
      }
    }
    const queued = [input];
    this.lanes.set(input.recipient, queued);
    void this.drain(input.recipient, queued);
  }

  /** Every handed-off notification has been sent (the case waits for this before continue-as-new or its end). */
  get idle(): boolean {
    return this.lanes.size === 0;
  }

  private async drain(recipient: string, queued: NotifyInput[]): Promise<void> {
    for (let next = queued[0]; next; next = queued[0]) {
      await activities.notify(next);
      queued.shift();
    }
    this.lanes.delete(recipient);
  }
}
