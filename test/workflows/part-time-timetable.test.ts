import { toPrincipal } from '../../api/auth/principal';
import { addCalendarDays } from '../../domain/calendar/iso-date';
import { englandDateOf } from '../../domain/calendar/england-time';
import { inboxOf } from '../../read-model/inbox';
import { getCaseState } from '../../workflows/case-messages';
import { agreePartTimeTimetable, reviewPartTimeTimetable } from '../../workflows/part-time-messages';
import { actors, refusal, rejection, withOpenCase } from '../helpers/case-harness';
import { fakeActivities } from '../helpers/fake-activities';
import { recordHistory } from '../helpers/histories';
import { eventually, schoolActor, useRecordedCases } from '../helpers/recorded-cases';
import { useTimeSkippingEnv } from '../helpers/temporal';
import { users } from '../helpers/users';

const DAY = 24 * 60 * 60 * 1000;
const OAK = '100001';
const oakStaff = schoolActor(OAK);
const cmeOfficer = toPrincipal(users.cmeOfficer);
type InboxRow = { caseId: string; overdueSteps: { kind: string }[] };

/** PART-TIME-TIMETABLE (WTISA, inferred) with the real activities and read model: a timetable past its dates is raised. */
describe('a part-time timetable past its end date is raised (time-skipping, real read model)', () => {
  const { env, db, now, withRecordedCase } = useRecordedCases();

  beforeAll(async () => {
    await db().school.create({ data: { urn: OAK, name: 'Oak Primary', laCode: '938' } });
  });

  const skipPast = async (at: string) => env().sleep(Date.parse(at) - (await now()).getTime() + DAY);

  it('T7: the school agrees a timetable with the parent, the LA is told (PART-TIME-NOTIFY); past its review and end dates it is raised to the school and the officer and overdue in the officer\'s inbox until the school reviews it', async () => {
    const pupil = await db().pupil.create({ data: { schoolUrn: OAK } });
    await withRecordedCase({ id: pupil.id, schoolUrn: OAK }, 'part_time_timetable', async (handle, caseId) => {
      const today = englandDateOf(await now());
      const terms = { startDate: today, endDate: addCalendarDays(today, 14), reviewDate: addCalendarDays(today, 7), hoursPerWeek: 15, parentAgreed: true, reason: 'Anxiety: mornings only at first' };
      await expect(handle.executeUpdate(agreePartTimeTimetable, { args: [{ actor: actors.cmeOfficer, timetableId: 't-0', ...terms }] })).rejects.toMatchObject(rejection(/^actor.role/));
      await handle.executeUpdate(agreePartTimeTimetable, { args: [{ actor: oakStaff, timetableId: 't-1', ...terms }] });

      const sent = async () => (await db().notification.findMany({ where: { caseId, template: { startsWith: 'part_time' } }, orderBy: { id: 'asc' } })).map((n) => [n.recipient, n.template]);
      expect(await eventually(sent, (rows) => rows.length > 0)).toEqual([['la_cme_officer:938', 'part_time_timetable_agreed']]);
      const state = await handle.query(getCaseState);
      expect(state.supportPlan?.timetables).toEqual([expect.objectContaining({ timetableId: 't-1', status: 'active', hoursPerWeek: 15, agreedBy: `school:${OAK}:${oakStaff.userId}`, raised: [] })]);
      const clocks = state.deadlines.filter((d) => d.kind.startsWith('part_time'));
      expect(clocks.map((d) => [d.id, d.unit])).toEqual([['part_time_review:t-1', 'days'], ['part_time_end:t-1', 'days']]);
      const [review, end] = clocks;
      if (!review || !end) throw new Error('the timetable clocks are not running');
      expect([englandDateOf(new Date(Date.parse(review.at) - 1)), englandDateOf(new Date(Date.parse(end.at) - 1))]).toEqual([terms.reviewDate, terms.endDate]);

      const officerRow = async () => ((await inboxOf(db(), cmeOfficer, await now())).escalated as InboxRow[]).find((row) => row.caseId === caseId);
      expect(await officerRow()).toBeUndefined();

      // Past the end date with the timetable still in place (the review date passed unrecorded on the way).
      await skipPast(end.at);
      const raised = await eventually(officerRow, (row) => row?.overdueSteps.length === 2);
      expect(raised?.overdueSteps.map((s) => s.kind).sort()).toEqual(['part_time_end', 'part_time_review']);
      const told = await eventually(sent, (rows) => rows.length === 5);
      expect(told.slice(1)).toEqual([
        [`school:${OAK}`, 'part_time_timetable_raised:review'],
        ['la_cme_officer:938', 'part_time_timetable_raised:review'],
        [`school:${OAK}`, 'part_time_timetable_raised:end'],
        ['la_cme_officer:938', 'part_time_timetable_raised:end'],
      ]);
      expect((await handle.query(getCaseState)).supportPlan?.timetables?.[0]?.raised.map((r) => r.lapse)).toEqual(['review', 'end']);
      expect(await db().auditEntry.count({ where: { caseId, action: 'part_time_timetable_raised' } })).toBe(2);

      // Extended with new dates agreed with the parent: no longer overdue, its clocks run again; then ended.
      const later = englandDateOf(await now());
      await expect(handle.executeUpdate(reviewPartTimeTimetable, { args: [{ actor: oakStaff, timetableId: 't-1', outcome: 'extend', note: 'more time', endDate: addCalendarDays(later, 10), reviewDate: addCalendarDays(later, 5), hoursPerWeek: 20 }] }))
        .rejects.toMatchObject(refusal(/^parentAgreed: a part-time timetable needs the agreement of the parent/));
      await handle.executeUpdate(reviewPartTimeTimetable, {
        args: [{ actor: oakStaff, timetableId: 't-1', outcome: 'extend', note: 'afternoons added', endDate: addCalendarDays(later, 10), reviewDate: addCalendarDays(later, 5), hoursPerWeek: 20, parentAgreed: true }],
      });
      expect(await eventually(officerRow, (row) => row === undefined)).toBeUndefined();
      expect((await handle.query(getCaseState)).deadlines.filter((d) => d.kind.startsWith('part_time')).map((d) => d.id)).toEqual(['part_time_review:t-1', 'part_time_end:t-1']);

      await handle.executeUpdate(reviewPartTimeTimetable, { args: [{ actor: oakStaff, timetableId: 't-1', outcome: 'end', note: 'back full time' }] });
      const ended = await handle.query(getCaseState);
      expect(ended.supportPlan?.timetables?.[0]).toMatchObject({ status: 'ended', endDate: addCalendarDays(later, 10), hoursPerWeek: 20, reviews: [{ outcome: 'extend' }, { outcome: 'end' }] });
      expect(ended.deadlines.filter((d) => d.kind.startsWith('part_time'))).toEqual([]);
      await expect(handle.executeUpdate(reviewPartTimeTimetable, { args: [{ actor: oakStaff, timetableId: 't-1', outcome: 'end', note: 'again' }] })).rejects.toMatchObject(rejection(/^timetableId: the timetable has ended/));
      expect((await db().supportPlan.findUnique({ where: { caseId } }))?.plan).toMatchObject({ timetables: [{ timetableId: 't-1', status: 'ended' }] });
      await recordHistory('part-time-timetable-raised', handle);
    });
  });
});

describe('a part-time timetable under the LA\'s settings (time-skipping server)', () => {
  const env = useTimeSkippingEnv();

  it('PART-TIME-REVIEW and PART-TIME-NOTIFY (local practice): a review date past the LA\'s limit is refused with every other failing term; an LA that does not ask is not told', async () => {
    const fakes = fakeActivities({ policy: { 'PART-TIME-NOTIFY': false, 'PART-TIME-REVIEW': 14 } });
    await withOpenCase(
      env(),
      fakes,
      async (handle) => {
        const today = new Date(await env().currentTimeMs()).toISOString().slice(0, 10);
        const agree = (terms: object) => handle.executeUpdate(agreePartTimeTimetable, { args: [{ actor: actors.school, timetableId: 't-1', startDate: today, endDate: addCalendarDays(today, 30), reviewDate: addCalendarDays(today, 14), hoursPerWeek: 10, parentAgreed: true, reason: 'Medical advice', ...terms }] });
        await expect(agree({ actor: actors.otherSchool })).rejects.toMatchObject(rejection(/^actor.schoolUrn/));
        const farAhead = addCalendarDays(today, 400);
        await expect(agree({ startDate: farAhead, endDate: farAhead, reviewDate: farAhead })).rejects.toMatchObject(refusal(/^startDate: more than 365 days ahead/));
        await expect(agree({ reviewDate: addCalendarDays(today, 15) })).rejects.toMatchObject(refusal(/^reviewDate: more than 14 days after the start \(PART-TIME-REVIEW\)/));
        await expect(agree({ endDate: addCalendarDays(today, -1), reviewDate: today, hoursPerWeek: 32.5, parentAgreed: false })).rejects.toMatchObject(
          refusal(/^parentAgreed:/, /^hoursPerWeek: from 1 to fewer than 32.5/, /^endDate: before the start/, /^endDate: already passed/, /^reviewDate: after the end date/),
        );
        await agree({});
        await expect(agree({ timetableId: 't-2' })).rejects.toMatchObject(rejection(/^timetableId: timetable t-1 is in place/));
        expect(fakes.events.filter((e) => e.action.startsWith('part_time')).map((e) => e.action)).toEqual(['part_time_timetable_agreed']);
        expect(fakes.notifications.filter((n) => n.template.startsWith('part_time'))).toEqual([]);
        expect(fakes.plans.map((p) => p.timetables?.map((t) => t.timetableId))).toEqual([['t-1']]);
      },
      'part_time_timetable',
    );
  });
});
