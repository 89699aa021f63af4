import { createComputeDeadline, type DeadlineRequest } from '../../activities/deadlines';
import { dayWithin, daysBetween, deadlineWithin } from '../../domain/calendar/held-calendar';
import { endOfEnglandDay, englandDateOf } from '../../domain/calendar/england-time';
import { addCalendarDays } from '../../domain/calendar/iso-date';
import type { Term } from '../../domain/calendar/school-calendar';
import { fixtureCalendar, heldFixtureCalendar, insetDays, laTerms } from '../fixtures/calendar';

// The case workflow counts its clocks from the calendar it holds (workflows/case-calendar.ts, patched:
// deadlines-in-workflow); it must end every clock where the computeDeadline activity did.
describe('a clock counted in the workflow from the held calendar ends where computeDeadline ends it', () => {
  // Every day of the fixture year and past its last term (provisional counts), at the small hours, midday and
  // late evening UTC (the next day in England in summer), both clock changes included.
  const instants: string[] = [];
  for (let day = '2026-08-20'; day <= '2027-09-10'; day = addCalendarDays(day, 1)) {
    for (const time of ['00:30', '12:00', '23:30']) instants.push(`${day}T${time}:00.000Z`);
  }
  const counts = [0, 1, 5, 10, 15, 20, 45];

  async function compareAll(terms: Term[], closures: string[]): Promise<number> {
    const computeDeadline = createComputeDeadline({ calendarOf: async () => fixtureCalendar(terms, closures), laCalendarOf: async () => fixtureCalendar(terms, []) });
    let compared = 0;
    for (const from of instants) {
      const held = heldFixtureCalendar(new Date(from), terms, closures);
      for (const count of counts) {
        for (const unit of ['school_days', 'days'] as const) {
          const request: DeadlineRequest = { from, count, unit, laCode: '938', schoolUrn: '100001' };
          expect({ request, deadline: deadlineWithin(held, Date.parse(from), count, unit) }).toEqual({ request, deadline: await computeDeadline(request) });
          compared += 1;
        }
      }
    }
    return compared;
  }

  it('across terms, half-terms, INSET days, bank holidays and both clock changes of 2026/27', async () => {
    expect(await compareAll(laTerms, insetDays)).toBe(instants.length * counts.length * 2);
  });

  it('with no terms entered (every weekday that is not a bank holiday presumed, provisional)', async () => {
    expect(await compareAll([], [])).toBe(instants.length * counts.length * 2);
  });

  it('held from an earlier day, it still counts a later clock the same', async () => {
    const held = heldFixtureCalendar(new Date('2026-09-01T09:00:00Z'));
    const computeDeadline = createComputeDeadline({ calendarOf: async () => fixtureCalendar(), laCalendarOf: async () => fixtureCalendar() });
    const from = '2027-03-24T16:00:00Z';
    expect(deadlineWithin(held, Date.parse(from), 20, 'school_days')).toEqual(await computeDeadline({ from, count: 20, unit: 'school_days', laCode: '938', schoolUrn: '100001' }));
  });

  it('answers nothing for a clock starting before the held days or ending after them: the workflow reads the calendar again', () => {
    const held = heldFixtureCalendar(new Date('2026-11-30T10:00:00Z'));
    expect(held.from).toBe('2026-11-30');
    expect(deadlineWithin(held, Date.parse('2026-11-29T10:00:00Z'), 5, 'school_days')).toBeUndefined();
    expect(deadlineWithin(held, Date.parse(`${held.to}T10:00:00Z`), 1, 'days')).toBeUndefined();
    expect(deadlineWithin(held, Date.parse(`${addCalendarDays(held.to, -1)}T10:00:00Z`), 1, 'days')).toMatchObject({ lastDay: held.to });
  });
});

// A part-time timetable's review and end dates are clocks to the end of an agreed date (CaseRun.scheduleEndOf).
describe('the end of an agreed date counted from the held calendar', () => {
  it("is England's day of each instant, and a plain-day clock to a date ends where England's day ends, across both clock changes", () => {
    const held = heldFixtureCalendar(new Date('2026-09-01T00:30:00Z'));
    for (let day = '2026-09-01'; day <= '2027-08-31'; day = addCalendarDays(day, 1)) {
      for (const time of ['00:30', '23:30']) {
        const from = Date.parse(`${day}T${time}:00.000Z`);
        const today = dayWithin(held, from);
        expect({ from: `${day}T${time}`, today }).toEqual({ from: `${day}T${time}`, today: englandDateOf(new Date(from)) });
        const agreed = addCalendarDays(day, 30);
        expect(deadlineWithin(held, from, daysBetween(today ?? '', agreed), 'days')?.at).toBe(endOfEnglandDay(agreed).toISOString());
      }
    }
  });

  it('answers no day before the held days', () => {
    const held = heldFixtureCalendar(new Date('2026-11-30T10:00:00Z'));
    expect(dayWithin(held, Date.parse('2026-11-29T10:00:00Z'))).toBeUndefined();
    expect(daysBetween('2026-11-30', '2026-11-29')).toBe(-1);
  });
});
