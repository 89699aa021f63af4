import { Prisma } from '@prisma/client';

/** What the pg driver adapter says of a failed query: its kind and PostgreSQL's SQLSTATE. */
export interface AdapterCause {
  kind?: string;
  code?: string;
  originalCode?: string;
}

/** The driver's cause, from a Prisma request error's meta or from a bare DriverAdapterError. */
export function adapterCauseOf(error: unknown): AdapterCause | undefined {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return (error.meta?.driverAdapterError as { cause?: AdapterCause } | undefined)?.cause;
  if (error instanceof Error && error.name === 'DriverAdapterError') return (error as Error & { cause?: AdapterCause }).cause;
  return undefined;
}
