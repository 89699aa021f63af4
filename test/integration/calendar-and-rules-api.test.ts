import { englandDateOf } from '../../domain/calendar/england-time';
import { laTerms } from '../fixtures/calendar';
import { startStack, type ApiAgent } from '../helpers/stack';

const URN = '100003';
const LA = '938';

describe('calendars and LA rule settings through the API (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let manager: ApiAgent;

  beforeAll(async () => {
    stack = await startStack('calendar-api-it');
    manager = await stack.as('manager');
    await (await stack.as('admin')).put(`/v1/schools/${URN}`).send({ name: 'Birch Special School', laCode: LA, isSpecial: true }).expect(200);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('stores and returns an LA\'s term dates, refusing overlapping or reversed terms with the term named', async () => {
    const saved = await manager.put(`/v1/las/${LA}/terms`).send({ terms: laTerms }).expect(200);
    expect(saved.body.terms).toEqual(laTerms);
    expect((await manager.get(`/v1/las/${LA}/terms`).expect(200)).body.terms).toEqual(laTerms);

    const overlapping = await manager
      .put(`/v1/las/${LA}/terms`)
      .send({ terms: [laTerms[0], { ...laTerms[1], start: '2026-10-01' }] })
      .expect(422);
    expect(overlapping.body.error).toMatchObject({ code: 'invalid_terms', field: 'terms.1' });
    const badDate = await manager.put(`/v1/las/${LA}/terms`).send({ terms: [{ name: 'x', start: '2026-02-30', end: '2026-03-01' }] }).expect(400);
    expect(badDate.body.error.field).toBe('terms.0.start');
    expect((await manager.get(`/v1/las/${LA}/terms`).expect(200)).body.terms).toEqual(laTerms);
  });

  it("stores a school's INSET days and counts school days on its own calendar, both ways", async () => {
    await manager.put(`/v1/schools/${URN}/closures`).send({ closures: [{ date: '2027-01-04', reason: 'INSET' }] }).expect(200);
    const forward = await manager.get(`/v1/schools/${URN}/school-days`).query({ from: '2026-12-18', add: 1 }).expect(200);
    expect(forward.body).toMatchObject({ date: '2027-01-05', endsAt: '2027-01-06T00:00:00.000Z', provisional: false });
    const back = await manager.get(`/v1/schools/${URN}/school-days`).query({ from: '2026-12-18', to: '2027-01-05' }).expect(200);
    expect(back.body.schoolDays).toBe(1);

    const twice = await manager.put(`/v1/schools/${URN}/closures`).send({ closures: [{ date: '2027-01-04', reason: 'a' }, { date: '2027-01-04', reason: 'b' }] }).expect(422);
    expect(twice.body.error.field).toBe('closures.1.date');
    const neither = await manager.get(`/v1/schools/${URN}/school-days`).query({ from: '2026-12-18' }).expect(422);
    expect(neither.body.error.field).toBe('add');
    await manager.get('/v1/schools/999998/school-days').query({ from: '2026-12-18', add: 1 }).expect(404);
  });

  it('a new case sets its T1 deadline from the school\'s calendar', async () => {
    const opened = await (await stack.as('cmeOfficer')).post('/v1/concerns').send({ schoolUrn: URN, upn: 'B801200005001', reason: 'unexplained_absence' }).expect(201);
    const today = englandDateOf(new Date());
    const expected = await manager.get(`/v1/schools/${URN}/school-days`).query({ from: today, add: 5 }).expect(200);
    expect(opened.body.nextDeadline).toMatchObject({ ruleId: 'T1', at: expected.body.endsAt });
  });

  it('lists every rule with its source, and lets an LA set only the configurable ones', async () => {
    const before = await manager.get(`/v1/las/${LA}/rules`).expect(200);
    const reminder = before.body.rules.find((r: { id: string }) => r.id === 'CONSENT-REMINDER');
    expect(reminder).toMatchObject({ confidence: 'local', setting: { value: 5, isDefault: true } });
    expect(before.body.rules.find((r: { id: string }) => r.id === 'T1')).not.toHaveProperty('setting');

    await manager.put(`/v1/las/${LA}/rules/CONSENT-REMINDER`).send({ value: 3 }).expect(200);
    const after = await manager.get(`/v1/las/${LA}/rules`).expect(200);
    expect(after.body.rules.find((r: { id: string }) => r.id === 'CONSENT-REMINDER').setting).toMatchObject({ value: 3, isDefault: false });

    const constant = await manager.put(`/v1/las/${LA}/rules/T1`).send({ value: 10 }).expect(422);
    expect(constant.body.error.message).toMatch(/not a configurable rule/);
    const wrong = await manager.put(`/v1/las/${LA}/rules/GATE-SPECIAL-SCHOOL`).send({ value: ['Z'] }).expect(422);
    expect(wrong.body.error.field).toBe('value');
  });

  it('records who set a rule from the token, and lets only managers and admins of the LA set it', async () => {
    await manager.put(`/v1/las/${LA}/rules/CONSENT-ESCALATION`).send({ value: 12 }).expect(200);
    const row = await stack.database.db.laRuleSetting.findUniqueOrThrow({ where: { laCode_ruleId: { laCode: LA, ruleId: 'CONSENT-ESCALATION' } } });
    expect(row.updatedBy).toBe('manager:u-manager');
    const officer = await (await stack.as('cmeOfficer')).put(`/v1/las/${LA}/rules/CONSENT-ESCALATION`).send({ value: 2 }).expect(403);
    expect(officer.body.error).toMatchObject({ code: 'forbidden', field: 'role' });
    await (await stack.as('otherLaOfficer')).put(`/v1/las/${LA}/terms`).send({ terms: laTerms }).expect(403);
    await (await stack.as('oakSchool')).put(`/v1/schools/${URN}/closures`).send({ closures: [] }).expect(403);
    await (await stack.as('manager')).put(`/v1/schools/${URN}`).send({ name: 'x', laCode: LA }).expect(403);
  });
});
