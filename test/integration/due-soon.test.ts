import { createCalendarStore } from '../../db/calendar-store';
import { endOfEnglandDay } from '../../domain/calendar/england-time';
import type { Principal } from '../../domain/principal';
import { caseCalendars } from '../../read-model/case-calendars';
import { dashboardOf } from '../../read-model/dashboard';
import { daysLeftOn } from '../../read-model/days-left';
import { inboxOf } from '../../read-model/inbox';
import { caseListQuery, listCases } from '../../read-model/list-cases';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

// Issue 13 item 5: "due soon" (the inbox section and GET /v1/cases?deadline=due_soon) counts school days on each
// case's calendar, as every clock does: its school's (terms, closures) or, on no roll, its LA's.
// Item 5's dashboard cards link to filtered lists: the breached card's (deadline=breached) lists what it counts.
const LA = '938';
const OAK = '100001';
const ELM = '100002';
/** Thursday 10 December 2026, midday. */
const NOW = new Date('2026-12-10T12:00:00Z');
const TERMS = [
  { name: 'Autumn 2', start: '2026-11-02', end: '2026-12-18' },
  { name: 'Spring 1', start: '2027-01-04', end: '2027-02-12' },
];
const officer: Principal = { userId: 'u-cme', role: 'la_cme_officer', laCode: LA, schoolUrns: [] };

describe('due soon in school days (real database)', () => {
  let database: TestDatabase;
  /** Case id by the clock's last day and calendar, e.g. `oak 18 Dec`. */
  const cases = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await db.school.createMany({ data: [{ urn: OAK, name: 'Oak', laCode: LA }, { urn: ELM, name: 'Elm', laCode: LA }, { urn: '200001', name: 'Far', laCode: '999' }] });
    const calendars = createCalendarStore(db);
    await calendars.replaceTerms(LA, TERMS);
    // Oak's INSET day on Monday 14 December: Oak's fifth school day after the 10th is Friday 18, Elm's Thursday 17.
    await calendars.replaceClosures(OAK, [{ date: '2026-12-14', reason: 'INSET' }]);
    const open = async (name: string, laCode: string, schoolUrn: string | null, nextDeadlineAt: Date, closedAt: Date | null = null) => {
      const pupil = await db.pupil.create({ data: { schoolUrn } });
      const id = `due-soon-${cases.size}`;
      await db.case.create({ data: { id, pupilId: pupil.id, laCode, schoolUrn, stage: closedAt ? 'closed' : 'awaiting_reason', nextDeadlineAt, openedAt: new Date('2026-12-01T09:00:00Z'), closedAt } });
      cases.set(name, id);
    };
    await open('oak 18 Dec', LA, OAK, endOfEnglandDay('2026-12-18'));
    // In the Christmas holiday: still 5 school days away (though 21 calendar days).
    await open('oak 31 Dec', LA, OAK, endOfEnglandDay('2026-12-31'));
    await open('oak 4 Jan', LA, OAK, endOfEnglandDay('2027-01-04'));
    await open('elm 17 Dec', LA, ELM, endOfEnglandDay('2026-12-17'));
    await open('elm 18 Dec', LA, ELM, endOfEnglandDay('2026-12-18'));
    await open('elm ran out', LA, ELM, new Date('2026-12-10T09:00:00Z'));
    // On no roll: the LA's calendar, no closures.
    await open('no roll 17 Dec', LA, null, endOfEnglandDay('2026-12-17'));
    await open('oak closed', LA, OAK, endOfEnglandDay('2026-12-11'), new Date('2026-12-09T09:00:00Z'));
    await open('other LA', '999', '200001', endOfEnglandDay('2026-12-11'));
  });

  afterAll(async () => {
    await database?.drop();
  });

  const names = (ids: string[]) => ids.map((id) => [...cases].find(([, caseId]) => caseId === id)?.[0]);

  it('lists the cases whose clock ends within 5 school days on their own calendar, in deadline order', async () => {
    const listed = await listCases(database.db, officer, caseListQuery.parse({ deadline: 'due_soon' }), NOW);
    expect(names(listed.items.map((row) => row.caseId))).toEqual(['elm 17 Dec', 'no roll 17 Dec', 'oak 18 Dec', 'oak 31 Dec']);
    expect(listed.total).toBe(4);
    // The total counts past the page.
    expect(await listCases(database.db, officer, caseListQuery.parse({ deadline: 'due_soon', pageSize: '1', page: '2' }), NOW)).toMatchObject({ total: 4, items: [{ caseId: cases.get('no roll 17 Dec') }] });
  });

  it('takes dueWithinDays as school days', async () => {
    const six = await listCases(database.db, officer, caseListQuery.parse({ deadline: 'due_soon', dueWithinDays: '6' }), NOW);
    expect(names(six.items.map((row) => row.caseId))).toEqual(['elm 17 Dec', 'no roll 17 Dec', 'oak 18 Dec', 'elm 18 Dec', 'oak 31 Dec', 'oak 4 Jan']);
    const one = await listCases(database.db, officer, caseListQuery.parse({ deadline: 'due_soon', dueWithinDays: '1' }), NOW);
    expect(one.items).toEqual([]);
  });

  it("gives the inbox the same cases, each with at most 5 school days left as its clock's days left says", async () => {
    const inbox = await inboxOf(database.db, officer, NOW);
    expect(names(inbox.dueSoon.map((row) => row.caseId)).sort()).toEqual(['elm 17 Dec', 'no roll 17 Dec', 'oak 18 Dec', 'oak 31 Dec']);
    const daysLeft = daysLeftOn(caseCalendars(database.db), NOW);
    const counted = await Promise.all(
      ['oak 18 Dec', 'oak 31 Dec', 'oak 4 Jan', 'elm 17 Dec', 'elm 18 Dec', 'no roll 17 Dec'].map(async (name) => {
        const row = await database.db.case.findUniqueOrThrow({ where: { id: cases.get(name) } });
        return [name, (await daysLeft(row, row.nextDeadlineAt!)).count];
      }),
    );
    expect(Object.fromEntries(counted)).toEqual({ 'oak 18 Dec': 5, 'oak 31 Dec': 5, 'oak 4 Jan': 6, 'elm 17 Dec': 5, 'elm 18 Dec': 6, 'no roll 17 Dec': 5 });
  });

  it("lists the breached cases the dashboard's card counts: a clock ran out, its step not done, the case open", async () => {
    const step = (name: string) => ({ caseId: cases.get(name)!, kind: 't1_reason', ruleId: 'T1', dueAt: new Date('2026-12-09T00:00:00Z'), unit: 'school_days', escalatedTo: 'la_cme_officer' });
    await database.db.overdueStep.createMany({ data: [step('elm ran out'), step('oak 4 Jan'), step('oak closed'), step('other LA')] });
    const manager: Principal = { ...officer, userId: 'u-manager', role: 'manager' };
    const breached = await listCases(database.db, manager, caseListQuery.parse({ deadline: 'breached' }), NOW);
    expect(names(breached.items.map((row) => row.caseId))).toEqual(['elm ran out', 'oak 4 Jan']);
    expect((await dashboardOf(database.db, manager, NOW)).breached).toBe(breached.total);
  });
});
