import { WorkflowUpdateRPCTimeoutOrCancelledError, isGrpcServiceError } from '@temporalio/client';

/**
 * The gRPC codes with which Temporal says "not now" rather than "no": out of time (DEADLINE_EXCEEDED), overloaded
 * or rate-limited (RESOURCE_EXHAUSTED), unreachable (UNAVAILABLE).
 */
const notNowCodes = new Set([4, 8, 14]);

/**
 * Whether an error means Temporal could not take the call now, rather than that the request was wrong: the API
 * answers 503 (try again) for these, never 500. The client retries such a call a few times and then throws a
 * `ServiceError` ("Update-With-Start failed") with the last gRPC error as its cause, so the causes are read too.
 */
export function isTemporalUnavailable(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (isGrpcServiceError(cause) && notNowCodes.has(cause.code)) return true;
  }
  return false;
}
