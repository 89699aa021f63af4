import { ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { safeErrorMessage } from '../db/error-summary';
import { isDatabaseUnavailable } from '../db/unavailable';
import { Forbidden, Invalid, NotFound, Refused, type InvalidKind } from '../domain/errors';
import { isTemporalUnavailable } from '../temporal/unavailable';

/**
 * The one error shape every route returns: `{ error: { code, message, field?, reasons? } }`; `reasons` lists
 * every condition a refused decision failed.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly reasons?: string[],
  ) {
    super(message);
  }
}

/** A decision the rules refuse: 422 with every failing condition; the field when one reason names it. */
export function refused(reasons: string[]): ApiError {
  const field = reasons.length === 1 ? fieldOf(reasons[0] ?? '') : undefined;
  return new ApiError(422, 'refused', reasons.join('; ') || 'the rules refuse this request', field, reasons);
}

/** A case refusal reads "field: why" (workflows/reject.ts). */
const fieldOf = (message: string) => /^([A-Za-z][\w.]*): /.exec(message)?.[1];

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);

/**
 * How the case refused an update (workflows/reject.ts): `refuse(reasons)` is 422 with its reasons; of a
 * validator's "field: why", the wrong person is 403, the wrong moment (the case's stage, or a decision already
 * taken) is 409, anything else the rules refuse is 422 with that one reason.
 */
function caseRefusal(cause: Error | undefined): ApiError {
  if (cause instanceof ApplicationFailure && cause.type === 'CaseRequestRefused') {
    const [detail] = cause.details ?? [];
    return refused((detail as { reasons?: string[] } | undefined)?.reasons ?? [cause.message]);
  }
  const message = cause?.message ?? '';
  const field = fieldOf(message);
  if (field === 'actor.role' || field === 'actor.schoolUrn') return new ApiError(403, 'forbidden', message, field);
  if (field === 'stage' || /already/.test(message)) return new ApiError(409, 'conflict', message, field);
  return refused([message || 'the case refused this request']);
}

/** The status each kind of unusable input answers with; the kind is the error's code. */
const invalidStatus: Record<InvalidKind, number> = {
  invalid_file: 400,
  malformed_json: 400,
  too_large: 413,
  unsupported_media_type: 415,
  unknown_school: 422,
};

/** What the rooms below raise (domain/errors.ts), as the API answers it. */
function fromDomain(error: unknown): ApiError | undefined {
  if (error instanceof NotFound) return notFound(error.what);
  if (error instanceof Forbidden) return new ApiError(403, 'forbidden', error.message, error.field);
  if (error instanceof Refused) return refused(error.reasons);
  if (error instanceof Invalid) return new ApiError(invalidStatus[error.kind], error.kind, error.message, error.field);
  return undefined;
}

function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  const fromRoom = fromDomain(error);
  if (fromRoom) return fromRoom;
  if (error instanceof WorkflowNotFoundError) return notFound('case');
  if (error instanceof WorkflowUpdateFailedError) return caseRefusal(error.cause);
  if (isTemporalUnavailable(error)) {
    return new ApiError(503, 'temporal_unavailable', 'the case engine did not answer in time; nothing was lost, try again');
  }
  if (isDatabaseUnavailable(error)) {
    return new ApiError(503, 'database_unavailable', 'the case register is unavailable for a moment; nothing was lost, try again');
  }
  const body = error as { type?: string; status?: number };
  if (body.type === 'entity.parse.failed') return new ApiError(400, 'malformed_json', 'request body is not valid JSON');
  if (body.type === 'entity.too.large') return new ApiError(413, 'too_large', 'request body is too large');
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const known = toApiError(error);
    if (!known) {
      // The error's class and message only (a database error's summary): a stack, a payload or Prisma's
      // message quoting the query could carry a child's details.
      logger.error({ err: { type: (error as Error)?.name, message: safeErrorMessage(error) } }, 'unhandled API error');
    }
    const apiError = known ?? new ApiError(500, 'internal', 'internal error');
    res.status(apiError.status).json({
      error: {
        code: apiError.code,
        message: apiError.message,
        ...(apiError.field ? { field: apiError.field } : {}),
        ...(apiError.reasons ? { reasons: apiError.reasons } : {}),
      },
    });
  };
}
