import { ApplicationFailure } from '@temporalio/common';

/**
 * A notification that can never be delivered as it stands (a receiver's 4xx, a channel without its transport
 * configured, a message its recipient may not receive): not retried; the outbox row becomes `failed`. The
 * message is kept as the row's `last_error`, so it names codes and statuses, never personal data.
 */
export function refused(message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, 'NotificationRefused');
}

export function isRefusal(error: unknown): error is ApplicationFailure {
  return error instanceof ApplicationFailure && error.nonRetryable === true;
}
