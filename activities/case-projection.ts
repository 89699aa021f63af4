import type { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';
import type { CaseState } from '../domain/case';

/** The case workflow's state after a step, numbered by the workflow (CaseRun) so the newest write wins. */
export interface CaseSnapshot {
  /** Grows by one with each step the case records, across its runs (carried over continue-as-new). */
  version: number;
  state: CaseState;
}

/**
 * Writes the case's projection unless a newer one is there: activities run out of order when a case records two
 * steps at once, and a retried activity writes again what it wrote before.
 */
export async function writeCaseProjection(tx: Prisma.TransactionClient | Db, caseId: string, snapshot: CaseSnapshot): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO case_projection (case_id, state, version, updated_at)
    VALUES (${caseId}, ${JSON.stringify(snapshot.state)}::jsonb, ${snapshot.version}, now())
    ON CONFLICT (case_id) DO UPDATE SET state = EXCLUDED.state, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
    WHERE case_projection.version < EXCLUDED.version`;
}

/** For a step that changes the case's state but records nothing else (a clock that ran out with nothing to do). */
export function createProjectCase(db: Db) {
  return async function projectCase(input: { caseId: string; snapshot: CaseSnapshot }): Promise<void> {
    await writeCaseProjection(db, input.caseId, input.snapshot);
  };
}
