import { demoTerms } from '../../config/demo';
import { dailyMarks, marksCsv, schoolDaysBetween, testUpn, type Mark } from '../fixtures/register-data';
import type { UploadProgressBody } from '../../api/response-schemas';
import { deliveredUpload } from '../helpers/upload-progress';
import { startStack, type ApiAgent } from '../helpers/stack';
import { settledOutbox } from '../helpers/outbox';

const LA = '938';
const OAK = '100001';
const ELM = '100002';
const BIRCH = '100003';

/** Seven weeks of autumn 1, the October half term (no marks), four weeks of autumn 2: 55 school days. */
const days = schoolDaysBetween('2026-09-07', '2026-11-27');
const inRange = (from: number, to: number) => (_: string, i: number) => i >= from && i <= to;
const codes = (absent: (day: string, i: number) => boolean, code: string) => (day: string, i: number) => (absent(day, i) ? code : '/');

// Unexplained absences weeks old are coded O here: code N left past 5 school days prompts the school (T1), which
// test/integration/code-n-prompt.test.ts covers; every threshold below counts O as it counts N.
const pupil = {
  acrossHalfTerm: testUpn(1), // 10 days O: 5 before half term, 5 after
  nineDays: testUpn(2), // 9 days O, then present
  twentyDays: testUpn(3), // 20 days O
  brokenByU: testUpn(4), // 25 days unauthorised, one of them U
  sick: testUpn(5), // 10 days I
  ehcpPersistent: testUpn(6), // EHC plan at a special school, ~13% absent
  senSevere: testUpn(7), // SEN support, ~51% absent
  noSenPersistent: testUpn(8), // no SEN, ~13% absent: not a SEND threshold
  halfDays: testUpn(9), // O in the mornings only
  present: testUpn(10),
  sickOften: testUpn(11), // code I every third day: 19 days in all, never 10 in a row
  fewSessions: testUpn(12), // SEN support, 60% absent, but only 10 sessions on record
};

const register = [
  'school_urn,upn,sen_status,placed_by_la,given_name,family_name',
  `${OAK},${pupil.acrossHalfTerm},N,N,Ada,Across`,
  `${OAK},${pupil.nineDays},N,N,,`,
  `${ELM},${pupil.twentyDays},none,N,,`,
  `${ELM},${pupil.brokenByU},N,,,`,
  `${OAK},${pupil.sick},N,N,,`,
  `${BIRCH},${pupil.ehcpPersistent},E,Y,,`,
  `${BIRCH},${pupil.senSevere},K,N,,`,
  `${OAK},${pupil.noSenPersistent},N,N,,`,
  `${OAK},${pupil.halfDays},N,N,,`,
  `${ELM},${pupil.present},N,N,,`,
  `${ELM},${pupil.sickOften},N,N,,`,
  `${ELM},${pupil.fewSessions},K,N,,`,
].join('\n');

const laMarks: Mark[] = [
  ...dailyMarks(OAK, pupil.acrossHalfTerm, days, codes(inRange(30, 39), 'O')),
  ...dailyMarks(OAK, pupil.nineDays, days, codes(inRange(30, 38), 'O')),
  ...dailyMarks(ELM, pupil.twentyDays, days, codes(inRange(25, 44), 'O')),
  ...dailyMarks(ELM, pupil.brokenByU, days, (_, i) => (i === 30 ? 'U' : i >= 20 && i <= 44 ? 'G' : '/')),
  ...dailyMarks(OAK, pupil.sick, days, codes(inRange(40, 49), 'I')),
  ...dailyMarks(BIRCH, pupil.ehcpPersistent, days, codes((_, i) => i % 8 === 0, 'M')),
  ...dailyMarks(BIRCH, pupil.senSevere, days, codes((_, i) => i % 2 === 0, 'C')),
  ...dailyMarks(OAK, pupil.noSenPersistent, days, codes((_, i) => i % 8 === 0, 'M')),
  ...dailyMarks(OAK, pupil.halfDays, days, (_, i) => (i >= 30 && i <= 44 ? ['O', '\\'] : '/')),
  ...dailyMarks(ELM, pupil.present, days, () => '/'),
  ...dailyMarks(ELM, pupil.sickOften, days, codes((_, i) => i % 3 === 0, 'I')),
  ...dailyMarks(ELM, pupil.fewSessions, days.slice(50), codes((_, i) => i < 3, 'C')),
];

const csv = { 'content-type': 'text/csv' };

/**
 * Issue #5, "done means": a few weeks of an LA's register marks, across a half term, open exactly the cases the
 * thresholds call for, each telling its parties once; the same upload again changes nothing; a corrected mark
 * is recomputed. Real API, worker, dev server and database.
 */
describe('attendance feed: thresholds open cases (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let officer: ApiAgent;
  let oak: ApiAgent;
  let first: { status: number; body: { uploadId: string; detection?: unknown } };
  let firstDelivered: UploadProgressBody;

  const casesByUpn = async () => {
    const pupils = await stack.database.db.pupil.findMany({ include: { cases: { include: { auditEntries: { orderBy: { id: 'asc' } } } } } });
    const byUpn = new Map(pupils.map((p) => [p.upn, p.cases]));
    return (upn: string) => byUpn.get(upn) ?? [];
  };

  beforeAll(async () => {
    stack = await startStack('attendance-detection-it');
    const admin = await stack.as('admin');
    await admin.post('/v1/register/schools').set(csv).send(`urn,name,la_code,is_special\n${OAK},Oak Primary,${LA},N\n${ELM},Elm Academy,${LA},N\n${BIRCH},Birch Special School,${LA},Y\n`).expect(200);
    await (await stack.as('manager')).put(`/v1/las/${LA}/terms`).send({ terms: demoTerms }).expect(200);
    officer = await stack.as('cmeOfficer');
    oak = await stack.as('oakSchool');
    await officer.post('/v1/register/pupils').set(csv).send(register).expect(200);
    const response = await officer.post('/v1/attendance-marks').set(csv).send(marksCsv(laMarks));
    first = { status: response.status, body: response.body };
    // The upload answers once its marks are detected; the cases below are opened after, in the background.
    firstDelivered = await deliveredUpload(officer, first.body.uploadId);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('stores every mark of the LA upload (CSV, three schools, 55 school days across the half term)', () => {
    expect(days).toHaveLength(55);
    expect(days).not.toContain('2026-10-28');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ received: laMarks.length, inserted: laMarks.length, changed: 0, unchanged: 0, rejected: { count: 0, rows: [] } });
  });

  it('ATTENDANCE-RETURN-10 and TRIGGER-T2: 10 continuous school days of unauthorised absence open a case, counted across the half term', async () => {
    const cases = await casesByUpn();
    expect(cases(pupil.acrossHalfTerm).map((c) => c.stage)).toEqual(['whereabouts_check']);
    const opened = cases(pupil.acrossHalfTerm)[0]?.auditEntries.find((e) => e.action === 'case_opened');
    expect(opened).toMatchObject({ actor: 'system:attendance-detection', ruleId: 'TRIGGER-T2' });
    expect(cases(pupil.nineDays)).toEqual([]);
  });

  it('GROUND-I and TRIGGER-T2-20: 20 continuous school days coded G, N or O feed the same case (one case per child)', async () => {
    const cases = await casesByUpn();
    expect(cases(pupil.twentyDays)).toHaveLength(1);
    const actions = cases(pupil.twentyDays)[0]!.auditEntries.map((e) => [e.action, e.ruleId]);
    expect(actions).toEqual(expect.arrayContaining([['case_opened', 'TRIGGER-T2-20'], ['concern_attached', 'TRIGGER-T2']]));
    // A U (late after the register closed) breaks ground I's run but not the attendance return's.
    const brokenByU = cases(pupil.brokenByU);
    expect(brokenByU).toHaveLength(1);
    expect(brokenByU[0]!.auditEntries.filter((e) => e.ruleId?.startsWith('TRIGGER')).map((e) => e.ruleId)).toEqual(['TRIGGER-T2']);
  });

  it('SICKNESS-ALERT-RUN and TRIGGER-T3: a run of 10 days of code I heading for 15 opens a health-needs case', async () => {
    const cases = await casesByUpn();
    expect(cases(pupil.sick).map((c) => c.stage)).toEqual(['health_needs_s19']);
    const alert = await stack.database.db.detectionAlert.findFirstOrThrow({ where: { pupil: { upn: pupil.sick } } });
    expect(alert.detail).toMatchObject({ ruleId: 'SICKNESS-ALERT-RUN', schoolDays: 10 });
  });

  it('SICKNESS-RETURN-15: 15 school days of code I in the school year, never in a long run, also call for the sickness return', async () => {
    const cases = await casesByUpn();
    expect(cases(pupil.sickOften).map((c) => c.stage)).toEqual(['health_needs_s19']);
    const alert = await stack.database.db.detectionAlert.findFirstOrThrow({ where: { pupil: { upn: pupil.sickOften } } });
    expect(alert).toMatchObject({ episode: 'year:2026', detail: { ruleId: 'SICKNESS-RETURN-15', sessions: 38 } });
  });

  it('PA-10 and SA-50: persistent and severe absence open support cases for pupils with an EHC plan or SEN support only', async () => {
    const cases = await casesByUpn();
    expect(cases(pupil.ehcpPersistent).map((c) => [c.stage, c.sendFlag])).toEqual([['support_first', true]]);
    const severe = cases(pupil.senSevere)[0]!.auditEntries.filter((e) => e.ruleId?.startsWith('TRIGGER')).map((e) => e.ruleId);
    expect(severe).toEqual(['TRIGGER-T4', 'TRIGGER-T5']);
    const rate = (await stack.database.db.detectionAlert.findFirstOrThrow({ where: { pupil: { upn: pupil.ehcpPersistent }, kind: 'persistent_absence_send' } })).detail;
    expect(rate).toMatchObject({ ruleId: 'PA-10', possibleSessions: 110, absentSessions: 14 });
    expect(cases(pupil.noSenPersistent)).toEqual([]);
    // ABSENCE-RATE-MIN-SESSIONS: 6 of 10 sessions is no rate to act on yet.
    expect(cases(pupil.fewSessions)).toEqual([]);
    expect(cases(pupil.halfDays)).toEqual([]);
    expect(cases(pupil.present)).toEqual([]);
  });

  it('opens exactly the seven cases the rules call for, each party told once', async () => {
    expect(first.body.detection).toMatchObject({ newAlerts: 9, alerts: 9 });
    expect(firstDelivered).toMatchObject({ uploadId: first.body.uploadId, kind: 'attendance_marks', alerts: 9, pending: 0, failed: 0, passedToLa: 0 });
    expect(firstDelivered.delivered).toHaveLength(9);
    expect(await stack.database.db.case.count()).toBe(7);
    const outbox = await settledOutbox(stack.database.db, {});
    const sent = stack.notifier.sent.map((m) => `${m.caseId}|${m.template}|${m.recipient}`);
    expect(new Set(sent).size).toBe(sent.length);
    expect(outbox.length).toBe(sent.length);
    expect(outbox.every((n) => n.status === 'sent')).toBe(true);
    expect(sent.filter((s) => s.includes('la_send_team:938')).length).toBeGreaterThanOrEqual(2);
  });

  it('the same upload again changes nothing: no mark, no alert, no case, no notification', async () => {
    const notifications = await stack.database.db.notification.count();
    const audit = await stack.database.db.auditEntry.count();
    const again = await officer.post('/v1/attendance-marks').set(csv).send(marksCsv(laMarks)).expect(200);
    expect(again.body).toMatchObject({ received: laMarks.length, inserted: 0, changed: 0, unchanged: laMarks.length, detection: { newAlerts: 0, alerts: 0, delivered: [] } });
    expect(await stack.database.db.case.count()).toBe(7);
    expect(await stack.database.db.notification.count()).toBe(notifications);
    expect(await stack.database.db.auditEntry.count()).toBe(audit);
  });

  it('a corrected mark is recomputed: the tenth day of absence turns up and the case opens (JSON upload by the school)', async () => {
    const tenth = days[39]!;
    const correction = [{ schoolUrn: OAK, upn: pupil.nineDays, date: tenth, session: 'AM', code: 'O' }, { schoolUrn: OAK, upn: pupil.nineDays, date: tenth, session: 'PM', code: 'O' }];
    const corrected = await oak.post('/v1/attendance-marks').send(correction).expect(200);
    expect(corrected.body).toMatchObject({ received: 2, inserted: 0, changed: 2, detection: { newAlerts: 1, alerts: 1 } });
    expect(await deliveredUpload(oak, corrected.body.uploadId)).toMatchObject({ alerts: 1, delivered: [{ reason: 'continuous_unauthorised_absence', attached: false }] });
    const cases = await casesByUpn();
    expect(cases(pupil.nineDays).map((c) => c.stage)).toEqual(['whereabouts_check']);
    expect(await stack.database.db.case.count()).toBe(8);
  });
});
