import { Prisma } from '@prisma/client';
import { recordRetentionRule } from '../domain/rules/catalogue';
import type { Db } from './prisma';

export interface CasePastRetention {
  caseId: string;
  laCode: string;
  closedAt: Date;
  /** The LA's RECORD-RETENTION setting, or the rule's default. */
  retentionYears: number;
}

/**
 * Closed cases whose closing lies more than their LA's retention back, oldest first. Our retention is ours:
 * Temporal's namespace retention of workflow histories is separate and much shorter.
 */
export async function casesPastRetention(db: Db): Promise<CasePastRetention[]> {
  const years = Prisma.sql`COALESCE((s.value #>> '{}')::integer, ${recordRetentionRule.setting.defaultValue}::integer)`;
  const rows = await db.$queryRaw<{ id: string; la_code: string; closed_at: Date; years: number }[]>`
    SELECT c.id, c.la_code, c.closed_at, ${years} AS years
    FROM "case" c LEFT JOIN la_rule_setting s ON s.la_code = c.la_code AND s.rule_id = ${recordRetentionRule.id}
    WHERE c.closed_at IS NOT NULL AND c.closed_at + make_interval(years => ${years}) <= now()
    ORDER BY c.closed_at, c.id`;
  return rows.map((row) => ({ caseId: row.id, laCode: row.la_code, closedAt: row.closed_at, retentionYears: row.years }));
}

/**
 * Purges one case through the database's own `purge_closed_case`, which checks again that it is closed and past
 * retention, records the purge in `purged_case` and removes the case whole. Returns the audit entries removed.
 */
export async function purgeCase(db: Db, candidate: CasePastRetention, purgedBy: string): Promise<number> {
  const [row] = await db.$queryRaw<{ entries: number }[]>`
    SELECT purge_closed_case(${candidate.caseId}, ${candidate.retentionYears}::integer, ${purgedBy}) AS entries`;
  return row?.entries ?? 0;
}
