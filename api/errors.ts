import { WorkflowNotFoundError, WorkflowUpdateFailedError, isGrpcDeadlineError, isGrpcServiceError } from '@temporalio/client';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';

/** The one error shape every route returns: `{ error: { code, message, field? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);

function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof WorkflowNotFoundError) return notFound('case');
  if (error instanceof WorkflowUpdateFailedError) {
    return new ApiError(422, 'rejected', error.cause?.message ?? 'the case rejected this request');
  }
  if (isGrpcDeadlineError(error) || (isGrpcServiceError(error) && error.code === 14)) {
    return new ApiError(503, 'temporal_unavailable', 'the case engine did not answer in time; nothing was lost, try again');
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
      // Log the error's class and message only: a stack or payload could carry a child's details.
      logger.error({ err: { type: (error as Error)?.name, message: (error as Error)?.message } }, 'unhandled API error');
    }
    const apiError = known ?? new ApiError(500, 'internal', 'internal error');
    res.status(apiError.status).json({
      error: { code: apiError.code, message: apiError.message, ...(apiError.field ? { field: apiError.field } : {}) },
    });
  };
}
