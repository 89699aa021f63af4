import { englandDateOf } from '../../domain/calendar/england-time';
import { dailyMarks, marksCsv, schoolDaysBetween, testUpn } from '../fixtures/register-data';
import { startStack, type ApiAgent } from '../helpers/stack';

const LA = '938';
const OAK = '100001';
const BIRCH = '100003';
const csv = { 'content-type': 'text/csv' };

const pupil = {
  illOnce: testUpn(301), // O throughout, one I
  attestedHalf: testUpn(302), // marks for the first half of the period only
  gated: testUpn(303), // EHC plan, placed at Birch (special) by the LA
  excluded: testUpn(304),
};

// 2 to 27 November 2026: twenty school days, claimed as O throughout.
const period = schoolDaysBetween('2026-11-02', '2026-11-27');
const groundI = { ground: 'I', evidence: { absentFrom: '2026-11-02', absentTo: '2026-11-27', sessionCodes: ['O'], sicknessOrUnavoidableCauseBelieved: false } };

/**
 * Issue 11: a deletion on ground H or I is checked against the marks the attendance feed stored, at the
 * request and again at confirmation; ground O waits for the exclusion process on the school's calendar.
 * Real API, worker, dev server and database.
 */
describe('deletion evidence against the register, and ground O timing (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let officer: ApiAgent;
  let oak: ApiAgent;
  let birch: ApiAgent;
  const today = englandDateOf(new Date());
  const caseOf: Record<string, string> = {};

  const signEnquiries = async (school: ApiAgent, caseId: string) => {
    await school.post(`/v1/cases/${caseId}/joint-enquiries`).send({ outcome: 'found_will_not_return' }).expect(200);
    await officer.post(`/v1/cases/${caseId}/joint-enquiries`).send({ outcome: 'found_will_not_return' }).expect(200);
  };

  beforeAll(async () => {
    stack = await startStack('deletion-register-it');
    const admin = await stack.as('admin');
    [officer, oak, birch] = await Promise.all([stack.as('cmeOfficer'), stack.as('oakSchool'), stack.as('birchSchool')]);
    await admin.post('/v1/register/schools').set(csv).send(`urn,name,la_code,is_special\n${OAK},Oak Primary,${LA},N\n${BIRCH},Birch Special School,${LA},Y\n`).expect(200);
    const register = ['school_urn,upn,sen_status,placed_by_la', `${OAK},${pupil.illOnce},N,N`, `${OAK},${pupil.attestedHalf},N,N`, `${BIRCH},${pupil.gated},E,Y`, `${OAK},${pupil.excluded},N,N`];
    await officer.post('/v1/register/pupils').set(csv).send(register.join('\n') + '\n').expect(200);
    for (const [upn, school, urn] of [[pupil.illOnce, oak, OAK], [pupil.attestedHalf, oak, OAK], [pupil.gated, birch, BIRCH], [pupil.excluded, oak, OAK]] as const) {
      caseOf[upn] = (await school.post('/v1/concerns').send({ schoolUrn: urn, upn, reason: 'intended_deletion' }).expect(201)).body.caseId;
    }
    const marks = [
      ...dailyMarks(OAK, pupil.illOnce, period, (day) => (day === '2026-11-18' ? ['I', 'O'] : 'O')),
      ...dailyMarks(OAK, pupil.attestedHalf, period.slice(0, 10), () => 'O'),
      ...dailyMarks(BIRCH, pupil.gated, period, () => 'O'),
    ];
    await officer.post('/v1/attendance-marks').set(csv).send(marksCsv(marks)).expect(200);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('GROUND-I (SAR24 reg 9(1)(i) [S]): a request claiming O over a period whose stored marks hold an I is refused, naming date, session and code', async () => {
    const caseId = caseOf[pupil.illOnce]!;
    await signEnquiries(oak, caseId);
    const response = await oak.post(`/v1/cases/${caseId}/deletion-requests`).send({ ...groundI, deleteOn: today }).expect(422);
    expect(response.body.error).toMatchObject({
      code: 'refused',
      reasons: ['the register holds I for the AM session of Wed 18 Nov 2026 (2026-11-18): every session of a ground I period must be G, N, O (GROUND-I)'],
    });
    expect(await stack.database.db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ stage: 'deletion_intended' });
  });

  it('GROUND-I: the days the register holds no marks for rest on the attestation, recorded in the timeline and the case export', async () => {
    const caseId = caseOf[pupil.attestedHalf]!;
    await signEnquiries(oak, caseId);
    expect((await oak.post(`/v1/cases/${caseId}/deletion-requests`).send({ ...groundI, deleteOn: today }).expect(200)).body.result.status).toBe('confirmed');
    const attestedOnly = '2026-11-16 to 2026-11-27 (10 school days)';
    const timeline = (await officer.get(`/v1/cases/${caseId}/timeline`).expect(200)).body;
    const entries = (Array.isArray(timeline) ? timeline : timeline.entries) as { what: string; detail?: Record<string, unknown> }[];
    expect(entries.find((entry) => entry.what === 'deletion_return_sent')?.detail).toMatchObject({ ground: 'I', attestedOnly });
    const exported = (await officer.get(`/v1/cases/${caseId}/export`).expect(200)).body;
    expect(exported.audit.find((entry: { action: string }) => entry.action === 'deletion_return_sent').detail).toMatchObject({ attestedOnly });
  });

  it('GROUND-I with GATE-SPECIAL-SCHOOL: marks corrected between request and consent show the pupil present; consent is refused with the reasons and the deletion is not confirmed', async () => {
    const caseId = caseOf[pupil.gated]!;
    await signEnquiries(birch, caseId);
    expect((await birch.post(`/v1/cases/${caseId}/deletion-requests`).send({ ...groundI, deleteOn: today }).expect(200)).body.result.status).toBe('awaiting_la_consent');
    await birch.post('/v1/attendance-marks').send([{ schoolUrn: BIRCH, upn: pupil.gated, date: '2026-11-24', session: 'AM', code: '/' }]).expect(200);

    const send = await stack.as('sendOfficer');
    const refused = await send.post(`/v1/cases/${caseId}/la-consent`).send({ decision: 'grant', reason: 'placement cannot be kept' }).expect(422);
    expect(refused.body.error.code).toBe('refused');
    expect(JSON.stringify(refused.body.error.reasons)).toContain('the register holds / for the AM session of Tue 24 Nov 2026 (2026-11-24)');
    const kase = await stack.database.db.case.findUniqueOrThrow({ where: { id: caseId }, include: { auditEntries: { orderBy: { id: 'asc' } } } });
    expect(kase.stage).toBe('deletion_intended');
    expect(kase.auditEntries.map((e) => e.action)).not.toContain('deletion_confirmed');
    expect(kase.auditEntries.at(-1)).toMatchObject({ action: 'deletion_not_confirmed', ruleId: 'GROUND-I' });
    expect(await stack.database.db.notification.count({ where: { caseId, recipient: `school:${BIRCH}`, template: 'deletion_not_confirmed_register' } })).toBe(1);
    const timeline = (await officer.get(`/v1/cases/${caseId}/timeline`).expect(200)).body;
    const entries = (Array.isArray(timeline) ? timeline : timeline.entries) as { what: string; source: string }[];
    expect(entries.filter((entry) => entry.source === 'temporal').map((entry) => entry.what)).toContain('deletion_register_checked');
  });

  it("GROUND-O, EXCL-REVIEW-APPLICATION [unverified]: before the review window has passed the deletion is refused, naming the first lawful day; on that day it is confirmed", async () => {
    const caseId = caseOf[pupil.excluded]!;
    const { date: earliest } = (await officer.get(`/v1/schools/${OAK}/school-days`).query({ from: today, add: 16 }).expect(200)).body;
    const evidence = { exclusionNotifiedOn: today, boardDecisionOn: today, reviewApplied: false, reconsiderationRequired: false };
    const early = await oak.post(`/v1/cases/${caseId}/deletion-requests`).send({ ground: 'O', deleteOn: today, evidence }).expect(422);
    expect(early.body.error).toMatchObject({ code: 'refused', reasons: [expect.stringContaining(`(${earliest}): the 15 school days to apply for an independent review`)] });
    const onTime = await oak.post(`/v1/cases/${caseId}/deletion-requests`).send({ ground: 'O', deleteOn: earliest, evidence }).expect(200);
    expect(onTime.body.result.status).toBe('confirmed');
  });

  it('GROUND-O: the old evidence shape is malformed (400); impossible combinations of a well-formed body are refused (422), the field named, nothing started', async () => {
    const caseId = caseOf[pupil.illOnce]!;
    const before = await stack.database.db.auditEntry.count({ where: { caseId } });
    const old = await oak.post(`/v1/cases/${caseId}/deletion-requests`).send({ ground: 'O', deleteOn: today, evidence: { permanentlyExcluded: true, reviewProcessConcluded: true } }).expect(400);
    expect(old.body.error.message).toMatch(/unknown field|exclusionNotifiedOn/);
    const mixed = { exclusionNotifiedOn: today, boardDecisionOn: today, reviewApplied: true, noReviewStatementOn: today, reconsiderationRequired: false };
    const wrong = await oak.post(`/v1/cases/${caseId}/deletion-requests`).send({ ground: 'O', deleteOn: today, evidence: mixed }).expect(422);
    expect(wrong.body.error).toMatchObject({ code: 'refused', field: 'evidence.noReviewStatementOn', message: expect.stringMatching(/not with reviewApplied/) });
    const unordered = { exclusionNotifiedOn: today, reviewApplied: true, reviewDecidedOn: today, reconsiderationRequired: true };
    const both = await oak.post(`/v1/cases/${caseId}/deletion-requests`).send({ ground: 'O', deleteOn: today, evidence: unordered }).expect(422);
    expect(both.body.error.reasons).toEqual([expect.stringMatching(/^evidence\.boardDecisionOn: is required/)]);
    expect(await stack.database.db.auditEntry.count({ where: { caseId } })).toBe(before);
    // The published document describes the new evidence.
    expect(JSON.stringify((await officer.get('/v1/openapi.json').expect(200)).body)).toContain('reconsiderationRequired');
  });
});
