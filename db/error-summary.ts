import { Prisma } from '@prisma/client';
import { adapterCauseOf, type AdapterCause } from './adapter-cause';

/**
 * A database error told without its values: Prisma's messages quote the call's arguments (a validation error
 * prints the whole query, a UPN included) and the source lines around it, so they must not reach a log or
 * Temporal. The summary keeps what an operator needs: the error's class, Prisma's code, the model, and the
 * driver's kind and SQLSTATE. Undefined for anything that is not a database error.
 */
export function summariseDatabaseError(error: unknown): string | undefined {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const model = typeof error.meta?.modelName === 'string' ? ` on ${error.meta.modelName}` : '';
    return `${error.name} ${error.code}${model}${describeCause(adapterCauseOf(error))}`;
  }
  if (
    error instanceof Prisma.PrismaClientValidationError ||
    error instanceof Prisma.PrismaClientUnknownRequestError ||
    error instanceof Prisma.PrismaClientRustPanicError
  ) {
    return error.name;
  }
  if (error instanceof Prisma.PrismaClientInitializationError) return `${error.name}${error.errorCode ? ` ${error.errorCode}` : ''}`;
  if (error instanceof Error && error.name === 'DriverAdapterError') return `${error.name}${describeCause(adapterCauseOf(error))}`;
  return undefined;
}

function describeCause(cause: AdapterCause | undefined): string {
  if (!cause) return '';
  return ` (${[cause.kind, cause.originalCode && `SQLSTATE ${cause.originalCode}`].filter(Boolean).join(', ')})`;
}

/** What may be shown or stored of an error: a database error's summary, otherwise our own message. */
export function safeErrorMessage(error: unknown): string {
  return summariseDatabaseError(error) ?? (error instanceof Error ? error.message : String(error));
}
