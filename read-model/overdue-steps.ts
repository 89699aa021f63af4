import type { Prisma } from '@prisma/client';
import type { Db } from '../db/prisma';
import { englandDateOf } from '../domain/calendar/england-time';
import { caseCalendars } from './case-calendars';

const DAY = 24 * 60 * 60 * 1000;

/** What a list reads of a case's overdue steps (clocks that ran out with their step not done). */
export const overdueStepSelect = { kind: true, ruleId: true, dueAt: true, unit: true, escalatedTo: true } satisfies Prisma.OverdueStepSelect;

type OverdueStepRow = Prisma.OverdueStepGetPayload<{ select: typeof overdueStepSelect }>;

/** Open cases with a clock that ran out and whose step is not done: overdue and breached until it is. */
export const hasOverdueStep: Prisma.CaseWhereInput = { overdueSteps: { some: {} } };

/**
 * Shows each overdue step with how long it has been overdue on `now`: in school days on the case's calendar (its
 * school's, or its LA's for a child on no roll) for a clock counted in school days, else in days; with the
 * instant it fell due.
 */
export function overdueStepView(db: Db, now: Date) {
  const calendarOf = caseCalendars(db);
  const today = englandDateOf(now);
  return async (theCase: { laCode: string; schoolUrn: string | null }, step: OverdueStepRow) => {
    // A clock runs out at the end of its last day: overdue counts the days after it.
    const lastDay = englandDateOf(new Date(step.dueAt.getTime() - 1));
    const count =
      step.unit === 'days'
        ? Math.max(0, Math.round((Date.parse(today) - Date.parse(lastDay)) / DAY))
        : (await calendarOf(theCase.laCode, theCase.schoolUrn)).schoolDaysBetween(lastDay, today);
    return { kind: step.kind, ruleId: step.ruleId, dueAt: step.dueAt.toISOString(), escalatedTo: step.escalatedTo, overdueBy: { count, unit: step.unit } };
  };
}
