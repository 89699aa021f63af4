import { randomUUID } from 'node:crypto';
import { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';

/** How the child is known: by UPN, or (a child on no roll without one) by the id its first referral gave it. */
export type ChildKey = { upn: string; schoolUrn?: string } | { pupilId: string };

export interface ClaimedCase {
  pupilId: string;
  caseId: string;
  /** The school whose roll the child is on, if any. */
  schoolUrn: string | null;
}

/**
 * Registers the child if new and claims the id of the child's open case, creating one if there is none, in a
 * single statement: concurrent or retried first reports for one child all get the same case id. An existing
 * pupil keeps the school it is on roll at.
 */
export async function claimOpenCase(db: Db, child: ChildKey): Promise<ClaimedCase> {
  const newCaseId = randomUUID();
  const [row] = await db.$queryRaw<{ id: string; open_case_id: string; school_urn: string | null }[]>(
    'upn' in child
      ? Prisma.sql`
          INSERT INTO pupil (id, upn, school_urn, open_case_id)
          VALUES (${randomUUID()}::uuid, ${child.upn}, ${child.schoolUrn ?? null}, ${newCaseId})
          ON CONFLICT (upn) DO UPDATE SET open_case_id = COALESCE(pupil.open_case_id, EXCLUDED.open_case_id)
          RETURNING id, open_case_id, school_urn`
      : Prisma.sql`
          INSERT INTO pupil (id, upn, school_urn, open_case_id)
          VALUES (${child.pupilId}::uuid, NULL, NULL, ${newCaseId})
          ON CONFLICT (id) DO UPDATE SET open_case_id = COALESCE(pupil.open_case_id, EXCLUDED.open_case_id)
          RETURNING id, open_case_id, school_urn`,
  );
  if (!row) throw new Error('claiming the open case returned no row');
  return { pupilId: row.id, caseId: row.open_case_id, schoolUrn: row.school_urn };
}
