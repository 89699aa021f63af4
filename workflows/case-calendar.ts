import type { HeldCalendar, HeldDeadline } from '../domain/calendar/held-calendar';
import { dayWithin, daysBetween, deadlineWithin } from '../domain/calendar/held-calendar';
import type { IsoDate } from '../domain/calendar/iso-date';
import type { ClockUnit } from '../domain/case';
import { localActivities } from './activities';

/** Long enough for every clock one step starts; a later step reads the calendar again, as terms and closures change. */
const HELD_FOR_MS = 60_000;

type Place = { laCode: string; schoolUrn?: string };

/**
 * The calendar a case's clocks count in (patched: deadlines-in-workflow): held from the read of the step that
 * starts them (the case context at opening), counted here by the domain's own calendar code, the same count
 * computeDeadline makes. A clock a later step starts, or one that ends past the held days, reads it again.
 */
export class CaseCalendar {
  private held?: { calendar: HeldCalendar; readAtMs: number };

  hold(calendar: HeldCalendar, readAt: string): void {
    this.held = { calendar, readAtMs: Date.parse(readAt) };
  }

  /** The end of a clock of `count` school days (or days) started now, in the calendar of `place`. */
  async deadline(place: Place, count: number, unit: ClockUnit): Promise<HeldDeadline> {
    return this.counted(place, (calendar, now) => deadlineWithin(calendar, now, count, unit), `a clock of ${count} ${unit}`);
  }

  /** The end of `date` in England, as a clock of plain days from today (no earlier than the end of today). */
  async endOf(place: Place, date: IsoDate): Promise<HeldDeadline> {
    return this.counted(
      place,
      (calendar, now) => {
        const today = dayWithin(calendar, now);
        return today === undefined ? undefined : deadlineWithin(calendar, now, Math.max(daysBetween(today, date), 0), 'days');
      },
      `the end of ${date}`,
    );
  }

  /** Counts in the calendar held if fresh and long enough, else in one read again now. */
  private async counted(place: Place, count: (calendar: HeldCalendar, nowMs: number) => HeldDeadline | undefined, what: string): Promise<HeldDeadline> {
    const now = Date.now();
    const held = this.held && now - this.held.readAtMs < HELD_FOR_MS ? count(this.held.calendar, now) : undefined;
    if (held) return held;
    const from = new Date(now).toISOString();
    this.hold(await localActivities.loadCalendar({ ...place, from }), from);
    const deadline = count(this.held!.calendar, now);
    // A calendar held from today runs three years on, past every count SchoolCalendar accepts.
    if (!deadline) throw new Error(`${what} from ${from} ends past the calendar read for it`);
    return deadline;
  }
}
