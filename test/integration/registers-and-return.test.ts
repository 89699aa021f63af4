import { randomUUID } from 'node:crypto';
import { createRecordCaseEvent } from '../../activities/case-record';
import { englandDateOf } from '../../domain/calendar/england-time';
import { testUpn } from '../fixtures/register-data';
import { expectDocumented } from '../helpers/contract';
import { startStack, type ApiAgent } from '../helpers/stack';

// Issue 15: the LA's CME and EHE registers and the termly return, driven through the API on the real stack. The
// lists counted by (CME-REASONS, EHE-REASONS, CME-LENGTH-BANDS, SEX-CODES, YEAR-GROUPS) are in domain/collection.

const LA = '938';
const OAK = '100001';
const ELM = '100002';
const csv = { 'content-type': 'text/csv' };
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

interface Figure {
  item: string;
  value: number | null;
  held: boolean;
}

/** Every held figure of the return is the hand count given here, or 0; the figures the engine cannot know are null. */
function expectFigures(items: Figure[], handCounted: Record<string, number>): void {
  const actual = Object.fromEntries(items.map((figure) => [figure.item, figure.value]));
  const expected = Object.fromEntries(items.map((figure) => [figure.item, figure.held ? (handCounted[figure.item] ?? 0) : null]));
  expect(actual).toEqual(expected);
  for (const item of Object.keys(handCounted)) expect(actual).toHaveProperty(item);
}

describe('CME and EHE registers and the termly return (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let officer: ApiAgent;
  const upns = { p1: testUpn(501), p2: testUpn(502), p3: testUpn(503), p4: testUpn(504) };
  const pupilId = async (upn: string) => (await stack.database.db.pupil.findUniqueOrThrow({ where: { upn } })).id;
  // A census date in this term whose figures must not move: the engine's own writer records a CME episode before
  // it and its end after it (time on the dev server cannot be moved back).
  const censusDate = englandDateOf(daysAgo(20));
  let censusSnapshot: unknown;

  beforeAll(async () => {
    stack = await startStack('registers-return-it');
    officer = await stack.as('cmeOfficer');
    const admin = await stack.as('admin');
    await admin.put(`/v1/schools/${OAK}`).send({ name: 'Oak Primary', laCode: LA }).expect(200);
    await admin.put(`/v1/schools/${ELM}`).send({ name: 'Elm Academy', laCode: LA }).expect(200);
    const register = [
      'school_urn,upn,sex,year_group,given_name,family_name',
      `${OAK},${upns.p1},F,4,Ada,One`,
      `${OAK},${upns.p2},m,6,Ben,Two`,
      `${ELM},${upns.p3},M,9,Cal,Three`,
      `${ELM},${upns.p4},F,10,Dee,Four`,
    ].join('\n');
    await officer.post('/v1/register/pupils').set(csv).send(register).expect(200);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('takes sex and year group from the register, refusing values off the census lists with the field named', async () => {
    expect(await stack.database.db.pupil.findUniqueOrThrow({ where: { upn: upns.p2 } })).toMatchObject({ sex: 'M', yearGroup: '6' });
    const bad = await officer.post('/v1/register/pupils').set(csv).send(`school_urn,upn,sex,year_group\n${OAK},${testUpn(509)},X,4\n${OAK},${testUpn(510)},F,12\n`).expect(422);
    expect(bad.body.error.code).toBe('rows_refused');
    const rejected = await officer.post('/v1/register/pupils').set(csv).send(`school_urn,upn,sex,year_group\n${OAK},${testUpn(509)},X,4\n${OAK},${testUpn(511)},F,3\n`).expect(200);
    expect(rejected.body.rejected.rows).toEqual([{ line: 2, field: 'sex', message: 'must be M, F or U' }]);
    const referral = await officer.post('/v1/referrals').send({ laCode: LA, referrer: { kind: 'public' }, child: { givenName: 'X', familyName: 'Y', yearGroup: '13' } }).expect(400);
    expect(referral.body.error.field).toBe('child.yearGroup');
  });

  it('reproduces a past census date exactly after later changes (the status history is append-only)', async () => {
    const record = createRecordCaseEvent(stack.database.db);
    const caseId = randomUUID();
    const base = { caseId, pupilId: await pupilId(upns.p2), laCode: LA, schoolUrn: OAK, nextDeadlineAt: null, openedAt: daysAgo(31).toISOString(), actor: 'system' };
    await record({ ...base, eventId: randomUUID(), stage: 'awaiting_reason', occurredAt: daysAgo(31).toISOString(), action: 'case_opened', detail: { reason: 'unexplained_absence' } });
    await record({ ...base, eventId: randomUUID(), stage: 'cme_tracing', occurredAt: daysAgo(30).toISOString(), action: 'cme_opened' });
    const before = await officer.get(`/v1/las/${LA}/returns/${censusDate}`).expect(200);
    expectFigures(before.body.items, {
      cme_census_total: 1,
      cme_census_sex_M: 1,
      cme_census_year_group_6: 1,
      cme_census_length_up_to_12_weeks: 1,
      cme_census_reason_whereabouts_unknown: 1,
    });
    censusSnapshot = before.body;

    await record({ ...base, eventId: randomUUID(), stage: 'closed', occurredAt: daysAgo(10).toISOString(), action: 'case_closed', outcome: 'elective_home_education', detail: { outcome: 'elective_home_education' } });
    expect((await officer.get(`/v1/las/${LA}/returns/${censusDate}`).expect(200)).body).toEqual(censusSnapshot);
    await expect(stack.database.db.$executeRaw`UPDATE education_status SET status = 'on_roll'`).rejects.toThrow(/append-only/);
  });

  it('counts a term of cases and register changes driven through the API: every figure equals the hand count', async () => {
    const oak = await stack.as('oakSchool');
    const elm = await stack.as('elmSchool');
    const close = async (caseId: string, outcome: string, primaryReason?: string) =>
      officer.post(`/v1/cases/${caseId}/close`).send({ outcome, reason: 'term test', ...(primaryReason ? { primaryReason } : {}) }).expect(200);
    // P1 (Oak, F, year 4) and P4 (Elm, F, year 10) go into home education, each with the EHE reason captured at
    // close (EHE-REASONS); P3 is found attending: on roll.
    await close((await oak.post('/v1/concerns').send({ schoolUrn: OAK, upn: upns.p1, reason: 'unexplained_absence' }).expect(201)).body.caseId, 'elective_home_education', 'bullying');
    await close((await elm.post('/v1/concerns').send({ schoolUrn: ELM, upn: upns.p4, reason: 'ehe_written_notice' }).expect(201)).body.caseId, 'elective_home_education', 'philosophical');
    await close((await elm.post('/v1/concerns').send({ schoolUrn: ELM, upn: upns.p3, reason: 'unexplained_absence' }).expect(201)).body.caseId, 'located_and_attending');
    // Two children on no roll referred (T15): R1 (F, year 7) stays missing; R2 (M, year 3) is found to have moved abroad.
    const refer = (child: object) => officer.post('/v1/referrals').send({ laCode: LA, referrer: { kind: 'health' }, child }).expect(201);
    const r1 = (await refer({ givenName: 'Eve', familyName: 'Five', sex: 'F', yearGroup: '7' })).body.caseId as string;
    await close((await refer({ givenName: 'Fin', familyName: 'Six', sex: 'M', yearGroup: '3' })).body.caseId, 'moved_abroad');

    const today = englandDateOf(new Date());
    const ret = expectDocumented('get', '/v1/las/{laCode}/returns/{censusDate}', await officer.get(`/v1/las/${LA}/returns/${today}`).expect(200));
    // By hand: CME now R1 only; EHE now P1, P4 and P2 (from the earlier test, EHE ten days ago).
    expectFigures(ret.body.items, {
      cme_census_total: 1,
      cme_census_sex_F: 1,
      cme_census_year_group_7: 1,
      cme_census_length_up_to_12_weeks: 1,
      cme_census_reason_not_known: 1,
      ehe_census_total: 3,
      ehe_census_sex_F: 2,
      ehe_census_sex_M: 1,
      ehe_census_year_group_4: 1,
      ehe_census_year_group_6: 1,
      ehe_census_year_group_10: 1,
      // P2's EHE came from the earlier test's own events, with no reason; P1's and P4's were captured at close.
      ehe_census_reason_bullying: 1,
      ehe_census_reason_philosophical: 1,
      ehe_census_reason_not_known: 1,
    });
    expect(ret.body.items.find((figure: Figure) => figure.item === 'ehe_census_education_unsuitable')).toMatchObject({ value: null, held: false, note: expect.stringMatching(/not recorded/) });

    const drill = expectDocumented('get', '/v1/las/{laCode}/returns/{censusDate}/items/{item}', await officer.get(`/v1/las/${LA}/returns/${today}/items/ehe_census_sex_F`).expect(200));
    expect(drill.body.children.map((child: { pupilId: string }) => child.pupilId).sort()).toEqual([await pupilId(upns.p1), await pupilId(upns.p4)].sort());
    const cmeDrill = await officer.get(`/v1/las/${LA}/returns/${today}/items/cme_census_total`).expect(200);
    expect(cmeDrill.body).toMatchObject({ value: 1, children: [{ givenName: 'Eve', sex: 'F', yearGroup: '7' }] });
    await officer.get(`/v1/las/${LA}/returns/${today}/items/no_such_item`).expect(404);

    const cme = expectDocumented('get', '/v1/las/{laCode}/registers/cme', await officer.get(`/v1/las/${LA}/registers/cme`).expect(200));
    expect(cme.body).toMatchObject({ total: 1, items: [{ caseId: r1, givenName: 'Eve', schoolUrn: null, stage: 'cme_tracing', reason: null, lengthBand: 'up_to_12_weeks', weeksMissing: 0, traceSteps: 0 }] });
    const ehe = expectDocumented('get', '/v1/las/{laCode}/registers/ehe', await officer.get(`/v1/las/${LA}/registers/ehe`).query({ schoolUrn: OAK }).expect(200));
    expect(ehe.body.items.map((row: { givenName: string; fromSchoolUrn: string }) => [row.givenName, row.fromSchoolUrn]).sort()).toEqual([['Ada', OAK], ['Ben', OAK]]);
    expect((await officer.get(`/v1/las/${LA}/registers/ehe`).query({ pageSize: 2, page: 2 }).expect(200)).body).toMatchObject({ total: 3, items: [expect.anything()] });

    // The past census date is unchanged by the whole term since.
    expect((await officer.get(`/v1/las/${LA}/returns/${censusDate}`).expect(200)).body).toEqual(censusSnapshot);
  });

  it('scopes the registers as cases: a school its own former pupils, another LA not found, the return LA roles only', async () => {
    const today = englandDateOf(new Date());
    const oakEhe = await (await stack.as('oakSchool')).get(`/v1/las/${LA}/registers/ehe`).expect(200);
    expect(oakEhe.body.items.map((row: { givenName: string }) => row.givenName).sort()).toEqual(['Ada', 'Ben']);
    expect((await (await stack.as('elmSchool')).get(`/v1/las/${LA}/registers/ehe`).expect(200)).body.items.map((row: { givenName: string }) => row.givenName)).toEqual(['Dee']);
    expect((await (await stack.as('oakSchool')).get(`/v1/las/${LA}/registers/cme`).expect(200)).body.total).toBe(0);
    const other = await stack.as('otherLaOfficer');
    await other.get(`/v1/las/${LA}/registers/cme`).expect(404);
    await other.get(`/v1/las/${LA}/returns/${today}`).expect(404);
    await (await stack.as('oakSchool')).get(`/v1/las/${LA}/returns/${today}`).expect(403);
    await (await stack.as('admin')).get(`/v1/las/${LA}/registers/ehe`).expect(403);
    expect((await (await stack.as('sendOfficer')).get(`/v1/las/${LA}/registers/ehe`).expect(200)).body.total).toBe(3);
  });

  it('exports the registers and the return as CSV with a header row, and names the field of a bad request', async () => {
    const today = englandDateOf(new Date());
    const register = expectDocumented('get', '/v1/las/{laCode}/registers/ehe', await officer.get(`/v1/las/${LA}/registers/ehe`).query({ format: 'csv' }).expect(200));
    expect(register.headers['content-type']).toMatch(/^text\/csv/);
    const lines = register.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('pupilId,caseId,upn,givenName,familyName,dateOfBirth,sex,yearGroup,senStatus,fromSchoolUrn,since,reason,reasonLabel');
    expect(lines).toHaveLength(4);
    const ret = await officer.get(`/v1/las/${LA}/returns/${today}`).query({ format: 'csv' }).expect(200);
    const rows = ret.text.trimEnd().split('\r\n');
    expect(rows[0]).toBe('item,label,value,held,note');
    expect(rows).toContain('ehe_census_sex_F,EHE on the census date by sex: Female,2,true,');
    expect(rows).toHaveLength((await officer.get(`/v1/las/${LA}/returns/${today}`).expect(200)).body.items.length + 1);

    expect((await officer.get(`/v1/las/${LA}/returns/2026-02-30`).expect(400)).body.error.field).toBe('censusDate');
    expect((await officer.get(`/v1/las/${LA}/registers/cme`).query({ reason: 'Not A Code' }).expect(400)).body.error.field).toBe('reason');
    expect((await officer.get(`/v1/las/${LA}/registers/cme`).query({ pageSize: 0 }).expect(400)).body.error.field).toBe('pageSize');
  });

  it("shows each collection list's source and the day it was checked on the rules endpoint", async () => {
    const rules = expectDocumented('get', '/v1/las/{laCode}/rules', await officer.get(`/v1/las/${LA}/rules`).expect(200)).body.rules as { id: string; source: string; setting?: { value: unknown } }[];
    const reasons = rules.find((rule) => rule.id === 'CME-REASONS');
    expect(reasons?.source).toMatch(/Children missing education.*checked \d{4}-\d{2}-\d{2}/);
    expect(reasons?.setting?.value).toEqual(expect.arrayContaining(['whereabouts_unknown', 'not_known']));
    // The codes in force with their labels, which the case's reason forms offer.
    expect((reasons as { codes?: unknown }).codes).toEqual(expect.arrayContaining([{ code: 'moved_out_of_country', label: 'Believed to have moved out of the country' }]));
    expect(rules.find((rule) => rule.id === 'EHE-REASONS')?.source).toMatch(/checked \d{4}-\d{2}-\d{2}/);
  });
  it('captures reasons through the API: inferred where unambiguous, required where the return needs one, refused off the list naming the field', async () => {
    const refer = async (givenName: string) =>
      (await officer.post('/v1/referrals').send({ laCode: LA, referrer: { kind: 'public' }, child: { givenName, familyName: 'Reason', sex: 'M', yearGroup: '5' } }).expect(201)).body.caseId as string;
    const auditOf = async (caseId: string) => stack.database.db.auditEntry.findMany({ where: { caseId }, orderBy: { id: 'asc' }, select: { action: true, detail: true } });
    const today = englandDateOf(new Date());
    const figure = async (item: string) => (await officer.get(`/v1/las/${LA}/returns/${today}`).expect(200)).body.items.find((candidate: Figure) => candidate.item === item)?.value;
    const gus = await refer('Gus');

    // CME-REASONS and CME-RISK-CIRCUMSTANCES are the LA's lists: a code off them is refused (422) naming the field; nothing is written.
    expect((await officer.post(`/v1/cases/${gus}/cme-reason`).send({ primaryReason: 'lost_at_sea' }).expect(422)).body.error).toMatchObject({ code: 'refused', field: 'primaryReason' });
    expect((await officer.post(`/v1/cases/${gus}/cme-reason`).send({ primaryReason: 'not_known', circumstances: ['unlucky'] }).expect(422)).body.error).toMatchObject({ field: 'circumstances' });
    expect((await officer.post(`/v1/cases/${gus}/cme-reason`).send({ primaryReason: 'Not a code' }).expect(400)).body.error.field).toBe('primaryReason');
    expect((await auditOf(gus)).map((entry) => entry.action)).not.toContain('cme_reason_recorded');

    const recorded = { primaryReason: 'application_not_made', circumstances: ['temporary_accommodation', 'frequent_moves'], knownToSocialCare: false };
    expectDocumented('post', '/v1/cases/{caseId}/cme-reason', await officer.post(`/v1/cases/${gus}/cme-reason`).send(recorded).expect(200));
    expect((await auditOf(gus)).at(-1)).toEqual({ action: 'cme_reason_recorded', detail: { primaryReason: 'application_not_made', circumstances: 'temporary_accommodation,frequent_moves', knownToSocialCare: 'false' } });
    const register = await officer.get(`/v1/las/${LA}/registers/cme`).query({ reason: 'application_not_made' }).expect(200);
    expect(register.body.items).toEqual([expect.objectContaining({ caseId: gus, reason: 'application_not_made', reasonLabel: 'No school application made' })]);
    expect(await figure('cme_census_reason_application_not_made')).toBe(1);

    // Into home education: the return counts EHE by primary reason, so the close asks for one (EHE-REASONS).
    expect((await officer.post(`/v1/cases/${gus}/close`).send({ outcome: 'elective_home_education', reason: 'notice' }).expect(422)).body.error).toMatchObject({ code: 'refused', field: 'primaryReason' });
    expect((await officer.post(`/v1/cases/${gus}/close`).send({ outcome: 'elective_home_education', reason: 'notice', primaryReason: 'application_not_made' }).expect(422)).body.error.field).toBe('primaryReason');
    await officer.post(`/v1/cases/${gus}/close`).send({ outcome: 'elective_home_education', reason: 'notice', primaryReason: 'mental_health' }).expect(200);
    expect(await figure('ehe_census_reason_mental_health')).toBe(1);
    expect(await figure('cme_census_reason_application_not_made')).toBe(0);

    // A CME case closed as moved abroad: why the child was missing is inferred, and a contradicting code refused.
    const hal = await refer('Hal');
    expect((await officer.post(`/v1/cases/${hal}/close`).send({ outcome: 'moved_abroad', reason: 'left for Spain', primaryReason: 'health_needs' }).expect(422)).body.error).toMatchObject({ field: 'primaryReason' });
    await officer.post(`/v1/cases/${hal}/close`).send({ outcome: 'moved_abroad', reason: 'left for Spain' }).expect(200);
    expect((await auditOf(hal)).slice(-2).map((entry) => entry.action)).toEqual(['cme_reason_recorded', 'case_closed']);
    const { pupilId: halPupil } = await stack.database.db.case.findUniqueOrThrow({ where: { id: hal } });
    const history = await stack.database.db.educationStatus.findMany({ where: { pupilId: halPupil }, orderBy: { id: 'asc' }, select: { status: true, reason: true } });
    expect(history).toEqual([{ status: 'cme', reason: null }, { status: 'cme', reason: 'moved_out_of_country' }, { status: 'moved_abroad', reason: null }]);
  });
});
