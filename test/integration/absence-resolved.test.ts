import { englandDateOf } from '../../domain/calendar/england-time';
import { addCalendarDays } from '../../domain/calendar/iso-date';
import { testUpn } from '../fixtures/register-data';
import { eventually } from '../helpers/recorded-cases';
import { startStack, type ApiAgent } from '../helpers/stack';

const LA = '938';
const OAK = '100001';
const ELM = '100002';

/**
 * The school's answers to an absence through the HTTP API: the reason established (T1) and the child back in
 * school. Real API, worker, dev server and database.
 */
describe('reason established and back in school (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let oak: ApiAgent;
  let elm: ApiAgent;
  let serial = 900;
  const today = englandDateOf(new Date());

  const openOakCase = async () => {
    const upn = testUpn((serial += 1));
    return (await oak.post('/v1/concerns').send({ schoolUrn: OAK, upn, reason: 'unexplained_absence' }).expect(201)).body.caseId as string;
  };
  const auditOf = async (caseId: string) => (await stack.database.db.auditEntry.findMany({ where: { caseId }, orderBy: { id: 'asc' } })).map((e) => [e.action, e.ruleId]);

  beforeAll(async () => {
    stack = await startStack('absence-resolved-it');
    const admin = await stack.as('admin');
    for (const [urn, name] of [[OAK, 'Oak Primary'], [ELM, 'Elm Academy']]) await admin.put(`/v1/schools/${urn}`).send({ name, laCode: LA }).expect(200);
    [oak, elm] = await Promise.all([stack.as('oakSchool'), stack.as('elmSchool')]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('T1 (SAR24 reg 10(7)-(9) [S]): the school records the code that replaced N; the T1 clock stops and the audit log names T1', async () => {
    const caseId = await openOakCase();
    const bad = await oak.post(`/v1/cases/${caseId}/reason-established`).send({ reasonCode: 'N' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('reasonCode');
    // Z (not yet on roll) cannot be one pupil's reason (WTISA 2024 code list [S]): the case refuses it, naming the field.
    const notOnRoll = await oak.post(`/v1/cases/${caseId}/reason-established`).send({ reasonCode: 'Z' });
    expect(notOnRoll.status).toBe(422);
    expect(JSON.stringify(notOnRoll.body)).toContain('reasonCode: Z is for a child not yet on the admission register');
    expect((await elm.post(`/v1/cases/${caseId}/reason-established`).send({ reasonCode: 'I' })).status).toBe(404);

    const answer = await oak.post(`/v1/cases/${caseId}/reason-established`).send({ reasonCode: 'I' }).expect(200);
    expect(answer.body).toMatchObject({ caseId, result: 'support_first' });
    const kase = await eventually(() => stack.database.db.case.findUniqueOrThrow({ where: { id: caseId } }), (row) => row.stage === 'support_first');
    expect(kase.stage).toBe('support_first');
    expect((await oak.get(`/v1/cases/${caseId}`).expect(200)).body.deadlines.map((d: { ruleId: string }) => d.ruleId)).not.toContain('T1');
    expect(await auditOf(caseId)).toContainEqual(['reason_established', 'T1']);
    // A second answer finds the case moved on: 409.
    expect((await oak.post(`/v1/cases/${caseId}/reason-established`).send({ reasonCode: 'M' })).status).toBe(409);
  });

  it('the school records the child back in school: a future date is refused 422 naming returnedOn; then the case closes located and attending and the LA CME officer is told', async () => {
    const caseId = await openOakCase();
    const future = await oak.post(`/v1/cases/${caseId}/back-in-school`).send({ returnedOn: addCalendarDays(today, 7) });
    expect(future.status).toBe(422);
    expect(future.body.error).toMatchObject({ code: 'refused', reasons: [expect.stringMatching(/^returnedOn: .* is in the future/)] });
    expect((await stack.database.db.case.findUniqueOrThrow({ where: { id: caseId } })).closedAt).toBeNull();

    await oak.post(`/v1/cases/${caseId}/back-in-school`).send({ returnedOn: today }).expect(200);
    const kase = await eventually(() => stack.database.db.case.findUniqueOrThrow({ where: { id: caseId } }), (row) => row.outcome !== null);
    expect(kase).toMatchObject({ stage: 'closed', outcome: 'located_and_attending' });
    const told = await eventually(
      async () => stack.notifier.sent.filter((n) => n.caseId === caseId).map((n) => [n.recipient, n.template]),
      (sent) => sent.some(([, template]) => template === 'child_back_in_school'),
    );
    expect(told).toContainEqual([`la_cme_officer:${LA}`, 'child_back_in_school']);
  });
});
