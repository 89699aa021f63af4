import { addCalendarDays } from '../../domain/calendar/iso-date';
import { englandDateOf } from '../../domain/calendar/england-time';
import { testUpn } from '../fixtures/register-data';
import { expectDocumented } from '../helpers/contract';
import { startStack, type ApiAgent } from '../helpers/stack';

const LA = '938';
const OAK = '100001';
const ELM = '100002';

/**
 * Issue 16 item 5: a part-time timetable (T7) through the API, agreed and ended by the school, read by the LA, with
 * every refusal naming its field and nothing written for it. Real API, worker, dev server and database.
 */
describe('a part-time timetable through the API (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let school: ApiAgent;
  let cmeOfficer: ApiAgent;
  let caseId: string;
  const today = englandDateOf(new Date());
  const terms = { startDate: today, endDate: addCalendarDays(today, 28), reviewDate: addCalendarDays(today, 14), hoursPerWeek: 12.5, parentAgreed: true, reason: 'Anxiety: a phased return agreed with the family' };
  const auditOf = async () => (await stack.database.db.auditEntry.findMany({ where: { caseId }, orderBy: { id: 'asc' } })).map((e) => e.action);
  const post = (agent: ApiAgent, path: string, body: object) => agent.post(`/v1/cases/${caseId}/${path}`).send(body);

  beforeAll(async () => {
    stack = await startStack('part-time-it');
    const admin = await stack.as('admin');
    for (const [urn, name] of [[OAK, 'Oak Primary'], [ELM, 'Elm Academy']]) await admin.put(`/v1/schools/${urn}`).send({ name, laCode: LA }).expect(200);
    [school, cmeOfficer] = await Promise.all([stack.as('oakSchool'), stack.as('cmeOfficer')]);
    caseId = (await school.post('/v1/concerns').send({ schoolUrn: OAK, upn: testUpn(1701), reason: 'part_time_timetable' }).expect(201)).body.caseId;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses, naming the field: end before start, review after end, review past PART-TIME-REVIEW, no parent agreement (422), hours out of range (400), an LA role (403), another school (404); nothing is written', async () => {
    const before = await auditOf();
    const reasonsOf = async (body: object) => expectDocumented('post', '/v1/cases/{caseId}/part-time-timetables', await post(school, 'part-time-timetables', { ...terms, ...body }).expect(422)).body.error.reasons;
    expect(await reasonsOf({ endDate: addCalendarDays(today, -1), reviewDate: today })).toEqual([expect.stringMatching(/^endDate: before the start/), expect.stringMatching(/^endDate: already passed/), expect.stringMatching(/^reviewDate: after the end date/)]);
    expect(await reasonsOf({ reviewDate: addCalendarDays(today, 29) })).toEqual([expect.stringMatching(/^reviewDate: after the end date/)]);
    expect(await reasonsOf({ endDate: addCalendarDays(today, 60), reviewDate: addCalendarDays(today, 43) })).toEqual([expect.stringMatching(/^reviewDate: more than 42 days after the start \(PART-TIME-REVIEW\)/)]);
    expect(await reasonsOf({ parentAgreed: false })).toEqual([expect.stringMatching(/^parentAgreed: a part-time timetable needs the agreement of the parent/)]);
    expect((await post(school, 'part-time-timetables', { ...terms, hoursPerWeek: 32.5 }).expect(400)).body.error.field).toBe('hoursPerWeek');
    expect((await post(school, 'part-time-timetables', { ...terms, hoursPerWeek: 0 }).expect(400)).body.error.field).toBe('hoursPerWeek');
    const { parentAgreed: _omitted, ...unagreed } = terms;
    expect((await post(school, 'part-time-timetables', unagreed).expect(400)).body.error.field).toBe('parentAgreed');
    expect((await post(cmeOfficer, 'part-time-timetables', terms).expect(403)).body.error.field).toBe('actor.role');
    await post(await stack.as('elmSchool'), 'part-time-timetables', terms).expect(404);
    expect(await auditOf()).toEqual(before);
  });

  it('the school agrees a timetable: on the case for the LA, in the export and the timeline, the LA told; ended by the school, back to full time', async () => {
    const agreed = expectDocumented('post', '/v1/cases/{caseId}/part-time-timetables', await post(school, 'part-time-timetables', terms).expect(200));
    const [timetable] = agreed.body.result.timetables;
    const { parentAgreed: _agreed, ...held } = terms;
    expect(timetable).toMatchObject({ ...held, status: 'active', agreedBy: `school:${OAK}:u-oak`, raised: [], reviews: [] });
    const second = await post(school, 'part-time-timetables', terms).expect(422);
    expect(second.body.error.field).toBe('timetableId');

    const kase = expectDocumented('get', '/v1/cases/{caseId}', await cmeOfficer.get(`/v1/cases/${caseId}`).expect(200));
    expect(kase.body.supportPlan.timetables).toEqual([timetable]);
    expect(kase.body.deadlines.filter((d: { kind: string }) => d.kind.startsWith('part_time')).map((d: { id: string }) => d.id)).toEqual([
      `part_time_review:${timetable.timetableId}`,
      `part_time_end:${timetable.timetableId}`,
    ]);

    const ended = expectDocumented(
      'post',
      '/v1/cases/{caseId}/part-time-timetable-reviews',
      await post(school, 'part-time-timetable-reviews', { timetableId: timetable.timetableId, outcome: 'end', note: 'Full days attended for two weeks' }).expect(200),
    );
    expect(ended.body.result.timetables).toMatchObject([{ status: 'ended', reviews: [{ outcome: 'end', reviewedBy: `school:${OAK}:u-oak` }] }]);
    expect((await cmeOfficer.get(`/v1/cases/${caseId}`).expect(200)).body.deadlines.filter((d: { kind: string }) => d.kind.startsWith('part_time'))).toEqual([]);

    const exported = expectDocumented('get', '/v1/cases/{caseId}/export', await cmeOfficer.get(`/v1/cases/${caseId}/export`).expect(200));
    expect(exported.body.supportPlan.timetables).toEqual(ended.body.result.timetables);
    expect((await cmeOfficer.get(`/v1/cases/${caseId}/export?format=html`).expect(200)).text).toContain('Anxiety: a phased return agreed with the family');
    const timeline = await cmeOfficer.get(`/v1/cases/${caseId}/timeline`).expect(200);
    expect(timeline.body.entries.map((e: { what: string }) => e.what).filter((what: string) => what.startsWith('part_time'))).toEqual(
      expect.arrayContaining(['part_time_timetable_agreed', 'part_time_timetable_ended']),
    );
    const told = await stack.database.db.notification.findMany({ where: { caseId, template: { startsWith: 'part_time' } }, orderBy: { id: 'asc' } });
    expect(told.map((n) => [n.recipient, n.template])).toEqual([[`la_cme_officer:${LA}`, 'part_time_timetable_agreed'], [`la_cme_officer:${LA}`, 'part_time_timetable_ended']]);
  });
});
