import type { CalendarStore } from '../db/calendar-store';
import type { Db } from '../db/prisma';
import type { HeldCalendar } from '../domain/calendar/held-calendar';
import type { Placement } from '../domain/deletion/consent-gate';
import { resolvePolicy, type LaPolicy } from '../domain/rules/policy';

export interface CaseContext {
  placement: Placement;
  policy: LaPolicy;
  /** The calendar the case's clocks count in, when asked for (`calendarFrom`). */
  calendar?: HeldCalendar;
}

/** Whose calendar a case's clocks count in (the school's; the LA's for a child on no roll), from an instant on. */
export interface CalendarRequest {
  laCode: string;
  schoolUrn?: string;
  /** ISO instant: the calendar is held from its day in England on. */
  from: string;
}

/** Where and how the register says the pupil is placed now (school type, LA placement, SEN status). */
async function readPlacement(db: Db, pupilId: string): Promise<Placement> {
  const pupil = await db.pupil.findUniqueOrThrow({ where: { id: pupilId }, include: { school: { select: { isSpecial: true } } } });
  return {
    isSpecialSchool: pupil.school?.isSpecial ?? false,
    placedByLa: pupil.placedByLa,
    senStatus: pupil.senStatus as Placement['senStatus'],
  };
}

/**
 * What the register and the LA's settings say, read when a case opens and kept in its history; with
 * `calendarFrom`, the calendar its clocks count in too, so opening reads everything it needs at once.
 */
export function createLoadCaseContext(db: Db, calendars: Pick<CalendarStore, 'heldCalendarOf'>) {
  return async function loadCaseContext(input: { pupilId: string; laCode: string; schoolUrn?: string; calendarFrom?: string }): Promise<CaseContext> {
    const { pupilId, laCode, schoolUrn, calendarFrom } = input;
    const [placement, settings, calendar] = await Promise.all([
      readPlacement(db, pupilId),
      db.laRuleSetting.findMany({ where: { laCode } }),
      calendarFrom === undefined ? undefined : calendars.heldCalendarOf({ laCode, schoolUrn }, new Date(calendarFrom)),
    ]);
    return { placement, policy: resolvePolicy(settings), ...(calendar ? { calendar } : {}) };
  };
}

/** The calendar again, for a clock a later step starts: terms and closures may have been entered since. */
export function createLoadCalendar(calendars: Pick<CalendarStore, 'heldCalendarOf'>) {
  return function loadCalendar(input: CalendarRequest): Promise<HeldCalendar> {
    return calendars.heldCalendarOf(input, new Date(input.from));
  };
}

/** The placement again, for a decision that must see the register as it stands (the deletion consent gate). */
export function createLoadPlacement(db: Db) {
  return function loadPlacement(input: { pupilId: string }): Promise<Placement> {
    return readPlacement(db, input.pupilId);
  };
}
