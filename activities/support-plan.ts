import type { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';
import type { SupportPlan } from '../domain/support/plan';

/**
 * Keeps the read model's copy of a case's support plan (for the inbox and the export). The case sends the whole
 * plan with a version; a copy older than the one stored is ignored, so a retried or late write never undoes a newer.
 */
export function createRecordSupportPlan(db: Db) {
  return async function recordSupportPlan({ caseId, plan }: { caseId: string; plan: SupportPlan }): Promise<void> {
    const json = plan as unknown as Prisma.InputJsonObject;
    await db.$executeRaw`
      INSERT INTO support_plan (case_id, version, plan, updated_at) VALUES (${caseId}, ${plan.version}, ${json}::jsonb, now())
      ON CONFLICT (case_id) DO UPDATE SET version = EXCLUDED.version, plan = EXCLUDED.plan, updated_at = now()
      WHERE support_plan.version < EXCLUDED.version`;
  };
}
