import { demoTerms } from '../../config/demo';
import { targetedSupportList } from '../../read-model/targeted-support';
import { dailyMarks, marksCsv, schoolDaysBetween, testUpn, type Mark } from '../fixtures/register-data';
import { expectDocumented } from '../helpers/contract';
import { startStack, type ApiAgent } from '../helpers/stack';

const LA = '938';
const OAK = '100001';
const ELM = '100002';
const BIRCH = '100003';
const csv = { 'content-type': 'text/csv' };

/** Both sessions of each listed day: [date, AM code, PM code]. */
const sessions = (schoolUrn: string, upn: string, days: [string, string, string][]): Mark[] =>
  days.flatMap(([date, am, pm]) => [
    { schoolUrn, upn, date, session: 'AM' as const, code: am },
    { schoolUrn, upn, date, session: 'PM' as const, code: pm },
  ]);

/** A term's 55 school days (autumn 1 and four weeks of autumn 2): 110 possible sessions when every one is counted. */
const days = schoolDaysBetween('2026-09-07', '2026-11-27');

/** `absent` sessions coded C (authorised: no run of unauthorised absence or sickness opens a case), spread over the 110, the rest present; `exceptional` sessions coded Y1 after them. */
function spread(schoolUrn: string, upn: string, absent: number, exceptional = 0): Mark[] {
  return dailyMarks(schoolUrn, upn, days, () => '/').map((mark, j) => {
    const isAbsent = Math.floor(((j + 1) * absent) / 110) !== Math.floor((j * absent) / 110);
    if (isAbsent) return { ...mark, code: 'C' };
    return j >= 100 && j < 100 + exceptional ? { ...mark, code: 'Y1' } : { ...mark, code: mark.session === 'AM' ? '/' : '\\' };
  });
}

const pupil = {
  charted: testUpn(1701), // Birch, EHC plan: the attendance chart
  at899: testUpn(1702), // 11 of 109 possible sessions missed (one Y1): 89.9% attendance, persistent
  at900: testUpn(1703), // 11 of 110: exactly 10% missed, 90.0% attendance, persistent
  at909: testUpn(1704), // 10 of 110: 90.9%, not persistent
  severe: testUpn(1705), // 55 of 110: exactly 50%, severe
  nearlySevere: testUpn(1706), // 54 of 110: persistent, not severe
  supportCase: testUpn(1707), // always present, open support-first case
  closedCase: testUpn(1708), // always present, support case closed
  elmSevere: testUpn(1709), // another school's pupil, severely absent
  fewSessions: testUpn(1710), // 6 of 10 sessions missed: too few sessions to judge (ABSENCE-RATE-MIN-SESSIONS)
  present: testUpn(1711),
};

const register = [
  'school_urn,upn,sen_status,placed_by_la,given_name,family_name',
  `${BIRCH},${pupil.charted},E,Y,Cora,Charted`,
  `${OAK},${pupil.at899},N,N,Ann,Eightynine`,
  `${OAK},${pupil.at900},N,N,Bea,Ninety`,
  `${OAK},${pupil.at909},N,N,,`,
  `${OAK},${pupil.severe},N,N,Sam,Severe`,
  `${OAK},${pupil.nearlySevere},N,N,,`,
  `${OAK},${pupil.supportCase},K,N,,`,
  `${OAK},${pupil.closedCase},K,N,,`,
  `${ELM},${pupil.elmSevere},N,N,,`,
  `${OAK},${pupil.fewSessions},N,N,,`,
  `${OAK},${pupil.present},N,N,,`,
].join('\n');

/** The charted pupil's register: three weeks by hand, a mark of last school year, and nothing else. */
const chartedMarks = sessions(BIRCH, pupil.charted, [
  ['2026-07-10', 'O', 'O'], // school year 2025/26: not this year's
  ['2026-11-09', '/', '\\'], ['2026-11-10', '/', '\\'], ['2026-11-11', 'I', 'I'], ['2026-11-12', 'L', '\\'], ['2026-11-13', '/', '\\'],
  ['2026-11-16', 'O', 'O'], ['2026-11-17', 'O', 'O'], ['2026-11-18', '/', '\\'], ['2026-11-19', 'Y1', 'Y1'], ['2026-11-20', 'M', '\\'],
  ['2026-11-23', '/', '\\'], ['2026-11-24', '/', '\\'], ['2026-11-25', '/', '\\'], ['2026-11-26', '/', '\\'], ['2026-11-27', '#', '#'],
]);

const marks: Mark[] = [
  ...chartedMarks,
  ...spread(OAK, pupil.at899, 11, 1),
  ...spread(OAK, pupil.at900, 11),
  ...spread(OAK, pupil.at909, 10),
  ...spread(OAK, pupil.severe, 55),
  ...spread(OAK, pupil.nearlySevere, 54),
  ...spread(OAK, pupil.supportCase, 0),
  ...spread(OAK, pupil.closedCase, 0),
  ...spread(ELM, pupil.elmSevere, 55),
  ...sessions(OAK, pupil.fewSessions, [['2026-11-23', 'C', 'C'], ['2026-11-24', 'C', 'C'], ['2026-11-25', 'C', 'C'], ['2026-11-26', '/', '\\'], ['2026-11-27', '/', '\\']]),
  ...spread(OAK, pupil.present, 0),
];

/** The Monday of the week of a date in England, counted here without the engine's helper. */
function mondayOfToday(): string {
  const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/London' }));
  const back = (today.getDay() + 6) % 7;
  const monday = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() - back));
  return monday.toISOString().slice(0, 10);
}

/**
 * Issue 16 items 3 and 6 through the API with the real database (dev server and worker too): a case's attendance
 * series from the feed against one computed by hand, and a school's termly targeted support list holding exactly
 * the pupils it should, the meeting's outcome recorded as plan actions.
 */
describe('attendance on the case and the targeted support meeting (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let officer: ApiAgent;
  let oak: ApiAgent;
  let birch: ApiAgent;
  const caseOf: Record<string, string> = {};
  const concern = async (agent: ApiAgent, schoolUrn: string, upn: string) =>
    (await agent.post('/v1/concerns').send({ schoolUrn, upn, reason: 'persistent_absence_send' }).expect(201)).body.caseId as string;

  beforeAll(async () => {
    stack = await startStack('attendance-tsm-it');
    const admin = await stack.as('admin');
    await admin.post('/v1/register/schools').set(csv).send(`urn,name,la_code,is_special\n${OAK},Oak Primary,${LA},N\n${ELM},Elm Academy,${LA},N\n${BIRCH},Birch Special School,${LA},Y\n`).expect(200);
    await (await stack.as('manager')).put(`/v1/las/${LA}/terms`).send({ terms: demoTerms }).expect(200);
    [officer, oak, birch] = await Promise.all([stack.as('cmeOfficer'), stack.as('oakSchool'), stack.as('birchSchool')]);
    await officer.post('/v1/register/pupils').set(csv).send(register).expect(200);
    caseOf.charted = await concern(birch, BIRCH, pupil.charted);
    caseOf.supportCase = await concern(oak, OAK, pupil.supportCase);
    caseOf.closedCase = await concern(oak, OAK, pupil.closedCase);
    await officer.post(`/v1/cases/${caseOf.closedCase}/close`).send({ outcome: 'located_and_attending', reason: 'Attending every day again' }).expect(200);
    const upload = await officer.post('/v1/attendance-marks').set(csv).send(marksCsv(marks)).expect(200);
    expect(upload.body).toMatchObject({ received: marks.length, inserted: marks.length, rejected: { count: 0 } });
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('the attendance series for a pupil from the feed equals one computed by hand, marked where support changed', async () => {
    await birch.post(`/v1/cases/${caseOf.charted}/support-actions`).send({ owner: 'senco', what: 'Morning meet and greet', dueInSchoolDays: 10 }).expect(200);
    await birch.post(`/v1/cases/${caseOf.charted}/support-barriers`).send({ code: 'emotionally_based_school_avoidance' }).expect(200);
    const answer = expectDocumented('get', '/v1/cases/{caseId}/attendance', await birch.get(`/v1/cases/${caseOf.charted}/attendance`).expect(200));
    // By hand: week 1 has 10 possible sessions, 8 present (/ x3, \ x4, L), 2 sick (I, authorised): 80%. Week 2 has
    // Y1 x2 (exceptional: no possible session), so 8 possible: 3 present, M authorised, O x4 unauthorised: 37.5%.
    // Week 3: # x2 (closed: not counted), 8 possible, all present. The year: 19 of 26, 73.1%. July is last school year.
    expect(answer.body).toMatchObject({
      caseId: caseOf.charted,
      schoolYear: '2026/27',
      from: '2026-09-01',
      weeks: [
        { weekOf: '2026-11-09', possibleSessions: 10, present: 8, authorisedAbsence: 2, unauthorisedAbsence: 0, attendancePercent: 80,
          codes: [{ code: '\\', category: 'present', sessions: 4 }, { code: '/', category: 'present', sessions: 3 }, { code: 'I', category: 'authorised_absence', sessions: 2 }, { code: 'L', category: 'present', sessions: 1 }] },
        { weekOf: '2026-11-16', possibleSessions: 8, present: 3, authorisedAbsence: 1, unauthorisedAbsence: 4, attendancePercent: 37.5,
          codes: [{ code: 'O', category: 'unauthorised_absence', sessions: 4 }, { code: 'Y1', category: 'exceptional', sessions: 2 }, { code: '\\', category: 'present', sessions: 2 }, { code: '/', category: 'present', sessions: 1 }, { code: 'M', category: 'authorised_absence', sessions: 1 }] },
        { weekOf: '2026-11-23', possibleSessions: 8, present: 8, authorisedAbsence: 0, unauthorisedAbsence: 0, attendancePercent: 100,
          codes: [{ code: '/', category: 'present', sessions: 4 }, { code: '\\', category: 'present', sessions: 4 }, { code: '#', category: 'not_counted', sessions: 2 }] },
      ],
      total: { possibleSessions: 26, present: 19, authorisedAbsence: 3, unauthorisedAbsence: 4, attendancePercent: 73.1 },
    });
    expect(answer.body.weeks).toHaveLength(3);
    expect(answer.body.supportChanges).toEqual([
      expect.objectContaining({ weekOf: mondayOfToday(), action: 'support_action_added', actor: `school:${BIRCH}:u-birch`, changed: { owner: 'senco', what: 'Morning meet and greet' } }),
      expect.objectContaining({ weekOf: mondayOfToday(), action: 'support_barrier_recorded', changed: { code: 'emotionally_based_school_avoidance' } }),
    ]);
    // Scoped as the case: another school's staff are told it does not exist; the LA's officers read it.
    await oak.get(`/v1/cases/${caseOf.charted}/attendance`).expect(404);
    await (await stack.as('otherLaOfficer')).get(`/v1/cases/${caseOf.charted}/attendance`).expect(404);
    await officer.get(`/v1/cases/${caseOf.charted}/attendance`).expect(200);
    expect((await officer.get('/v1/cases/not-a-case/attendance').expect(400)).body.error.field).toBe('caseId');
  });

  it('TSM-TERMLY: the targeted-support list for a school holds exactly the pupils it should, each with why (PA-10 and SA-50 at their boundaries, ABSENCE-RATE-MIN-SESSIONS)', async () => {
    const list = expectDocumented('get', '/v1/schools/{urn}/targeted-support', await oak.get(`/v1/schools/${OAK}/targeted-support?term=2026-autumn`).expect(200));
    expect(list.body).toMatchObject({ urn: OAK, term: '2026-autumn', from: '2026-09-02', to: '2026-12-18', ratesFrom: '2026-09-01' });
    const rows = list.body.pupils.map((p: { upn: string; reasons: string[]; possibleSessions: number; absentSessions: number; attendancePercent: number; caseId: string | null }) => [p.upn, p.reasons, p.possibleSessions, p.absentSessions, p.attendancePercent, p.caseId]);
    expect(rows).toEqual([
      [pupil.severe, ['severe_absence'], 110, 55, 50, null],
      [pupil.nearlySevere, ['persistent_absence'], 110, 54, 50.9, null],
      [pupil.at899, ['persistent_absence'], 109, 11, 89.9, null],
      [pupil.at900, ['persistent_absence'], 110, 11, 90, null],
      [pupil.supportCase, ['open_support_case'], 110, 0, 100, caseOf.supportCase],
    ]);
    expect(list.body.pupils[0]).toMatchObject({ name: 'Sam Severe', senStatus: 'none' });
    // Elm's list has its own pupil and none of Oak's; the SEND officer of the LA reads it, Oak's staff may not.
    const elm = await (await stack.as('sendOfficer')).get(`/v1/schools/${ELM}/targeted-support?term=2026-autumn`).expect(200);
    expect(elm.body.pupils.map((p: { upn: string }) => p.upn)).toEqual([pupil.elmSevere]);
  });

  it("records the meeting's outcome as plan actions: on the open case, or on the case the outcome opens through the concern intake", async () => {
    await oak.post(`/v1/cases/${caseOf.supportCase}/support-actions`).send({ owner: 'school', what: 'Daily check-in with the attendance lead', dueInSchoolDays: 1 }).expect(200);
    const opened = await concern(oak, OAK, pupil.at900);
    const action = await oak.post(`/v1/cases/${opened}/support-actions`).send({ owner: 'early_help', what: 'Early help assessment with the family', dueInSchoolDays: 10 }).expect(200);
    expect(action.body.result.actions).toMatchObject([{ owner: 'early_help', status: 'open' }]);

    const after = await officer.get(`/v1/schools/${OAK}/targeted-support?term=2026-autumn`).expect(200);
    const row = (upn: string) => after.body.pupils.find((p: { upn: string }) => p.upn === upn);
    expect(row(pupil.at900)).toMatchObject({ reasons: ['persistent_absence', 'open_support_case'], caseId: opened });
    expect(row(pupil.supportCase)).toMatchObject({ reasons: ['open_support_case'], lapsedActions: [] });

    // Once the action's school day has ended with it still open, it has lapsed and the list says so.
    const plan = await stack.database.db.supportPlan.findUniqueOrThrow({ where: { caseId: caseOf.supportCase } });
    const dueAt = (plan.plan as { actions: { dueAt: string }[] }).actions[0]!.dueAt;
    const later = await targetedSupportList(stack.database.db, { urn: OAK, laCode: LA }, { year: 2026, season: 'autumn' }, new Date(Date.parse(dueAt) + 1));
    expect(later.pupils.find((p) => p.upn === pupil.supportCase)).toMatchObject({ reasons: ['open_support_case', 'lapsed_actions'], lapsedActions: [{ owner: 'school', what: 'Daily check-in with the attendance lead', dueAt }] });
  });

  it('refuses, naming the field, a malformed term (400), a term the LA has no dates for (422), another school or LA (403), an unknown school (404)', async () => {
    expect((await oak.get(`/v1/schools/${OAK}/targeted-support?term=autumn`).expect(400)).body.error.field).toBe('term');
    expect((await oak.get(`/v1/schools/${OAK}/targeted-support`).expect(400)).body.error.field).toBe('term');
    const noDates = expectDocumented('get', '/v1/schools/{urn}/targeted-support', await oak.get(`/v1/schools/${OAK}/targeted-support?term=2025-spring`).expect(422));
    expect(noDates.body.error.reasons).toEqual([expect.stringMatching(/^term: /)]);
    expect((await (await stack.as('elmSchool')).get(`/v1/schools/${OAK}/targeted-support?term=2026-autumn`).expect(403)).body.error.field).toBe('urn');
    expect((await (await stack.as('otherLaOfficer')).get(`/v1/schools/${OAK}/targeted-support?term=2026-autumn`).expect(403)).body.error.field).toBe('urn');
    expect((await (await stack.as('admin')).get(`/v1/schools/${OAK}/targeted-support?term=2026-autumn`).expect(403)).body.error.field).toBe('role');
    await officer.get('/v1/schools/999999/targeted-support?term=2026-autumn').expect(404);
  });
});
