import type { Prisma } from '@prisma/client';
import { englandDateOf } from '../domain/calendar/england-time';
import { knownYearGroup } from '../domain/collection/year-group';

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
  pupil: { select: { senStatus: true, yearGroup: true, details: { select: { givenName: true, familyName: true, dateOfBirth: true } } } },
} satisfies Prisma.CaseSelect;

type CaseRowSource = Prisma.CaseGetPayload<{ select: typeof caseRowSelect }>;

/**
 * A case as every list (case list, inbox) shows it, one shape. Lists hold only cases the caller may read
 * (caseScope), so the child is named, as on the case page: people work with children, not ids. The year group
 * is today's, as the return would count it.
 */
export function caseRow(row: CaseRowSource) {
  const dateOfBirth = row.pupil.details?.dateOfBirth?.toISOString().slice(0, 10) ?? null;
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
    child: {
      givenName: row.pupil.details?.givenName ?? null,
      familyName: row.pupil.details?.familyName ?? null,
      dateOfBirth,
      yearGroup: knownYearGroup(dateOfBirth, row.pupil.yearGroup, englandDateOf(new Date())) ?? null,
      senStatus: row.pupil.senStatus,
    },
  };
}
