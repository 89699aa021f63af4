import { englandDateOf } from '../../domain/calendar/england-time';
import { addCalendarDays } from '../../domain/calendar/iso-date';
import type { DecisionPath } from '../../api/decision-schemas';
import { testUpn } from '../fixtures/register-data';
import { startStack, type ApiAgent } from '../helpers/stack';

const LA = '938';
const OAK = '100001';
const ELM = '100002';

type Answer = { status: number; body: { error?: { code?: string; message?: string; field?: string; reasons?: unknown } } };

/** The one answer a refused decision has: 422, code `refused`, every failing condition among `reasons`. */
function expectRefused(response: Answer, ...reasons: RegExp[]) {
  expect(response.status).toBe(422);
  expect(response.body.error).toMatchObject({ code: 'refused', message: expect.any(String) });
  expect(response.body.error?.reasons).toEqual(reasons.map((reason) => expect.stringMatching(reason)));
}

/**
 * Decisions the rules refuse answer 422 `refused` with every reason, on every route where the rules can refuse
 * (the other decision routes check only the request's shape, 400; the caller's role, 403; or the case's stage
 * and the decisions already taken, 409). Real API, worker, dev server and database.
 */
describe('refused decisions: one answer, every reason (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let oak: ApiAgent;
  let elm: ApiAgent;
  let officer: ApiAgent;
  let serial = 800;
  const today = englandDateOf(new Date());
  const tomorrow = addCalendarDays(today, 1);

  const openOakCase = async () => {
    const upn = testUpn((serial += 1));
    const caseId: string = (await oak.post('/v1/concerns').send({ schoolUrn: OAK, upn, reason: 'unexplained_absence' }).expect(201)).body.caseId;
    return { upn, caseId };
  };
  const auditOf = async (caseId: string) => (await stack.database.db.auditEntry.findMany({ where: { caseId }, orderBy: { id: 'asc' } })).map((e) => e.action);

  beforeAll(async () => {
    stack = await startStack('refused-decisions-it');
    const admin = await stack.as('admin');
    for (const [urn, name] of [[OAK, 'Oak Primary'], [ELM, 'Elm Academy']]) await admin.put(`/v1/schools/${urn}`).send({ name, laCode: LA }).expect(200);
    [oak, elm, officer] = await Promise.all([stack.as('oakSchool'), stack.as('elmSchool'), stack.as('cmeOfficer')]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe('NEW-PUPIL-RETURN (SAR24 reg 13(1) [P]): a return means the child is on roll elsewhere', () => {
    it("refuses the case's own school, pointing to the school's back-in-school step; nothing is sent", async () => {
      const { upn, caseId } = await openOakCase();
      const own = await oak.post('/v1/new-pupil-returns').send({ schoolUrn: OAK, upn, registeredOn: today });
      expectRefused(own, /^schoolUrn: 100001 is the school of the child's open case.*recorded by the school on the case \(POST \/v1\/cases\/\{caseId\}\/back-in-school\)$/);
      expect(own.body.error.field).toBe('schoolUrn');
      expect(await stack.database.db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ closedAt: null, outcome: null });
      expect(await auditOf(caseId)).not.toContain('case_closed');
      expect(stack.notifier.sent.map((n) => n.template)).not.toContain('child_on_roll_elsewhere');

      // The step the refusal names: the school records the child back in school.
      await oak.post(`/v1/cases/${caseId}/back-in-school`).send({ returnedOn: today }).expect(200);
      expect(await stack.database.db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ outcome: 'located_and_attending' });
    });

    it('refuses a registration in the future (England\'s date), naming registeredOn, with every reason at once', async () => {
      const { upn, caseId } = await openOakCase();
      const future = await elm.post('/v1/new-pupil-returns').send({ schoolUrn: ELM, upn, registeredOn: tomorrow });
      expectRefused(future, /^registeredOn: .* is in the future/);
      expect(future.body.error.field).toBe('registeredOn');
      expectRefused(await oak.post('/v1/new-pupil-returns').send({ schoolUrn: OAK, upn, registeredOn: tomorrow }), /^schoolUrn: /, /^registeredOn: /);
      expect(await auditOf(caseId)).not.toContain('case_closed');

      // Registered today at another school: the case closes, on roll elsewhere.
      await elm.post('/v1/new-pupil-returns').send({ schoolUrn: ELM, upn, registeredOn: today }).expect(202);
      expect(await stack.database.db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ stage: 'closed', outcome: 'on_roll_elsewhere' });
    });
  });

  it('GROUND-F (SAR24 reg 9(1)(f)) and NO-BACKDATING (DfE guidance [S]): a deletion whose ground fails lists every reason, is on the audit log once, and a retry answers the same', async () => {
    const { caseId } = await openOakCase();
    const request = { requestId: '3f1e0c55-8a0b-4b53-9d62-0f1c9a2b7e01', ground: 'F', deleteOn: addCalendarDays(today, -1), evidence: { writtenNoticeReceived: false, educationOtherwiseFrom: today, saoInForce: true } };
    const refused = await oak.post(`/v1/cases/${caseId}/deletion-requests`).send(request);
    expectRefused(refused, /deletions are never backdated/, /in writing/, /school attendance order is in force/, /has not yet passed/);
    const retried = await oak.post(`/v1/cases/${caseId}/deletion-requests`).send(request);
    expect(retried.body).toEqual(refused.body);
    expect((await auditOf(caseId)).filter((action) => action === 'deletion_refused')).toHaveLength(1);
  });

  /** A request the rules refuse on each decision route where they can refuse one (see above for the rest). */
  const refusable: Partial<Record<DecisionPath, { prepare: (caseId: string) => Promise<void>; send: (caseId: string) => PromiseLike<Answer>; reasons: RegExp[] }>> = {
    'deletion-requests': {
      prepare: async () => undefined,
      send: (caseId) => oak.post(`/v1/cases/${caseId}/deletion-requests`).send({ ground: 'K', deleteOn: today, evidence: { died: false } }),
      reasons: [/^the death of the pupil must be confirmed$/],
    },
    'joint-enquiries': {
      // Grounds H and I rest on one outcome both sides sign.
      prepare: async (caseId) => void (await oak.post(`/v1/cases/${caseId}/joint-enquiries`).send({ outcome: 'not_found' }).expect(200)),
      send: (caseId) => officer.post(`/v1/cases/${caseId}/joint-enquiries`).send({ outcome: 'found_may_return' }),
      reasons: [/^outcome: differs from the outcome the other side signed \(not_found\)/],
    },
    'trace-steps': {
      prepare: async () => undefined,
      // CME-OPEN (EA96 s436A): the enquiry goes to another LA, whose code the step names.
      send: (caseId) => officer.post(`/v1/cases/${caseId}/trace-steps`).send({ step: 'other_la_contacted', otherLaCode: LA }),
      reasons: [/^otherLaCode: 938 is this case's own LA/],
    },
  };

  it.each(Object.entries(refusable))('POST /v1/cases/{caseId}/%s: 422 refused with its reasons', async (path, spec) => {
    const caseId: string =
      path === 'trace-steps'
        ? (await officer.post('/v1/referrals').send({ laCode: LA, referrer: { kind: 'public' }, child: { givenName: 'Tam', familyName: 'Trace' } }).expect(201)).body.caseId
        : (await openOakCase()).caseId;
    await spec!.prepare(caseId);
    expectRefused(await spec!.send(caseId), ...spec!.reasons);
  });
});
