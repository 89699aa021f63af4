import type { HeldCalendar, HeldDeadline } from '../domain/calendar/held-calendar';
import { deadlineWithin } from '../domain/calendar/held-calendar';
import type { ClockUnit } from '../domain/case';
import { localActivities } from './activities';

/** Long enough for every clock one step starts; a later step reads the calendar again, as terms and closures change. */
const HELD_FOR_MS = 60_000;

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
  async deadline(place: { laCode: string; schoolUrn?: string }, count: number, unit: ClockUnit): Promise<HeldDeadline> {
    const now = Date.now();
    const held = this.held && now - this.held.readAtMs < HELD_FOR_MS ? deadlineWithin(this.held.calendar, now, count, unit) : undefined;
    if (held) return held;
    const from = new Date(now).toISOString();
    this.hold(await localActivities.loadCalendar({ ...place, from }), from);
    const deadline = deadlineWithin(this.held!.calendar, now, count, unit);
    // A calendar held from today runs three years on, past every count SchoolCalendar accepts.
    if (!deadline) throw new Error(`a clock of ${count} ${unit} from ${from} ends past the calendar read for it`);
    return deadline;
  }
}
