import type { Prisma } from '@prisma/client';

/** What a list row reads of a case: the read model and its school's name. */
export const caseRowSelect = {
  id: true,
  laCode: true,
  schoolUrn: true,
  stage: true,
  sendFlag: true,
  openedAt: true,
  nextDeadlineAt: true,
  closedAt: true,
  outcome: true,
  school: { select: { name: true } },
} satisfies Prisma.CaseSelect;

type CaseRowSource = Prisma.CaseGetPayload<{ select: typeof caseRowSelect }>;

/** A case as every list (case list, inbox) shows it: opaque ids, codes and dates only, one shape. */
export function caseRow(row: CaseRowSource) {
  return {
    caseId: row.id,
    laCode: row.laCode,
    schoolUrn: row.schoolUrn,
    schoolName: row.school?.name ?? null,
    stage: row.stage,
    sendFlag: row.sendFlag,
    openedAt: row.openedAt.toISOString(),
    nextDeadlineAt: row.nextDeadlineAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    outcome: row.outcome,
  };
}
