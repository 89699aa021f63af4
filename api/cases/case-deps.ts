import type { Client } from '@temporalio/client';
import type { Db } from '../../db/prisma';
import { ApiError } from '../errors';

export interface CaseDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** Each call into Temporal gets this deadline, so a request never hangs on a missing worker. */
  temporalDeadlineMs: number;
}

/** Runs one call into Temporal under the API's deadline. */
export function withTemporalDeadline<T>(deps: Pick<CaseDeps, 'temporal' | 'temporalDeadlineMs'>, call: () => Promise<T>): Promise<T> {
  return deps.temporal.withDeadline(Date.now() + deps.temporalDeadlineMs, call);
}

/** The school a report names, which must be on the register (422 naming `schoolUrn` otherwise). */
export async function registeredSchool(db: Db, urn: string) {
  const school = await db.school.findUnique({ where: { urn } });
  if (!school) throw new ApiError(422, 'unknown_school', `school ${urn} is not on the register`, 'schoolUrn');
  return school;
}
