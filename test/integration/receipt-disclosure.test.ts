import { demoTerms } from '../../config/demo';
import { englandDateOf } from '../../domain/calendar/england-time';
import { addCalendarDays } from '../../domain/calendar/iso-date';
import { dailyMarks, marksCsv, schoolDaysBetween, testUpn } from '../fixtures/register-data';
import { deliveredUpload } from '../helpers/upload-progress';
import { startStack, type ApiAgent } from '../helpers/stack';
import type { TestUser } from '../helpers/users';

const LA = '938';
const OAK = '100001';
const ELM = '100002';
const csv = { 'content-type': 'text/csv' };

/** Every case below is Oak's: who may read it (domain/access.ts canSeeCase). */
const roles = ['oakSchool', 'elmSchool', 'cmeOfficer', 'sendOfficer', 'manager', 'admin'] as const satisfies readonly TestUser[];
type Role = (typeof roles)[number];
const mayRead: Record<Role, boolean> = { oakSchool: true, elmSchool: false, cmeOfficer: true, sendOfficer: true, manager: true, admin: false };
/** The school each role names in a report: its own; LA roles Oak, in their LA. */
const schoolOf = (role: Role) => (role === 'elmSchool' ? ELM : OAK);

/** What one route does with Oak's child: the request, the status each role gets, and what a 2xx leaves on the case. */
interface RouteCase {
  send(agent: ApiAgent, role: Role, upn: string): Promise<{ status: number; body: unknown; headers: Record<string, string> }>;
  status: Record<Role, number>;
  /** The audit entry the report leaves on the child's one case when it is taken. */
  leaves: string;
}

const tenDaysAbsent = (upn: string) => marksCsv(dailyMarks(OAK, upn, schoolDaysBetween('2026-11-02', '2026-11-27'), (_, i) => (i < 10 ? 'O' : '/')));

const routes: Record<string, RouteCase> = {
  'POST /v1/concerns': {
    send: (agent, role, upn) => agent.post('/v1/concerns').send({ schoolUrn: schoolOf(role), upn, reason: 'unexplained_absence' }),
    status: { oakSchool: 200, elmSchool: 202, cmeOfficer: 200, sendOfficer: 200, manager: 403, admin: 403 },
    leaves: 'concern_attached',
  },
  'POST /v1/referrals': {
    send: (agent, _role, upn) => agent.post('/v1/referrals').send({ laCode: LA, upn, referrer: { kind: 'health' }, child: { givenName: 'Rae', familyName: 'Ferral' } }),
    status: { oakSchool: 200, elmSchool: 202, cmeOfficer: 200, sendOfficer: 200, manager: 403, admin: 403 },
    leaves: 'concern_attached',
  },
  'POST /v1/new-pupil-returns': {
    send: (agent, role, upn) => agent.post('/v1/new-pupil-returns').send({ schoolUrn: schoolOf(role), upn, registeredOn: englandDateOf(new Date()) }),
    // Oak's own return is refused (the child is not on roll elsewhere); Elm's closes Oak's case.
    status: { oakSchool: 422, elmSchool: 202, cmeOfficer: 403, sendOfficer: 403, manager: 403, admin: 403 },
    leaves: 'case_closed',
  },
  'POST /v1/register/pupils': {
    // A leaver with no deletion return: a possible silent deletion reported into the child's case.
    send: (agent, _role, upn) =>
      agent.post('/v1/register/pupils').set(csv).send(`school_urn,upn,leaving_date,standard_transition\n${OAK},${upn},${addCalendarDays(englandDateOf(new Date()), -3)},N\n`),
    status: { oakSchool: 200, elmSchool: 422, cmeOfficer: 200, sendOfficer: 200, manager: 403, admin: 200 },
    leaves: 'concern_attached',
  },
  'POST /v1/attendance-marks': {
    send: (agent, _role, upn) => agent.post('/v1/attendance-marks').set(csv).send(tenDaysAbsent(upn)),
    status: { oakSchool: 200, elmSchool: 422, cmeOfficer: 200, sendOfficer: 403, manager: 403, admin: 200 },
    leaves: 'concern_attached',
  },
};

/**
 * A receipt discloses only what its caller may read: every route that takes a report about a child answers,
 * for each role, either with the case (a caller who may read it) or with nothing of it, not even its id,
 * while the report still joins the child's one case. Real API, worker, dev server and database.
 */
describe('receipts name a case only to those who may read it (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let oak: ApiAgent;
  let serial = 700;

  beforeAll(async () => {
    stack = await startStack('receipt-disclosure-it');
    await (await stack.as('admin')).post('/v1/register/schools').set(csv).send(`urn,name,la_code,is_special\n${OAK},Oak Primary,${LA},N\n${ELM},Elm Academy,${LA},N\n`).expect(200);
    await (await stack.as('manager')).put(`/v1/las/${LA}/terms`).send({ terms: demoTerms }).expect(200);
    oak = await stack.as('oakSchool');
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const cells = Object.entries(routes).flatMap(([route, spec]) => roles.map((role) => [route, role, spec.status[role], mayRead[role] ? 'may read' : 'may not read'] as const));

  it.each(cells)('%s as %s: %i, and the case id only if the caller %s the case', async (route, role, status) => {
    const spec = routes[route]!;
    const upn = testUpn((serial += 1));
    const caseId: string = (await oak.post('/v1/concerns').send({ schoolUrn: OAK, upn, reason: 'no_show' }).expect(201)).body.caseId;

    const agent = await stack.as(role);
    const response = await spec.send(agent, role, upn);
    expect(response.status).toBe(status);
    // An upload's alerts reach the case after it answers: what its uploader is told of them is part of the answer.
    const { uploadId } = response.body as { uploadId?: string };
    const delivery = uploadId ? await deliveredUpload(agent, uploadId) : {};
    const answer = JSON.stringify(response.body) + JSON.stringify(delivery) + (response.headers.location ?? '');
    if (mayRead[role] && status < 300) expect(answer).toContain(caseId);
    else expect(answer).not.toContain(caseId);

    // Taken or not, the report reached only the child's one case.
    const actions = (await stack.database.db.auditEntry.findMany({ where: { caseId } })).map((entry) => entry.action);
    if (status < 300) expect(actions).toContain(spec.leaves);
    else expect(actions).not.toContain(spec.leaves);
    expect(await stack.database.db.case.count({ where: { pupil: { upn } } })).toBe(1);
  });

  it('tells a caller who may not read the case only that the report was received and passed to the LA', async () => {
    const upn = testUpn(799);
    await oak.post('/v1/concerns').send({ schoolUrn: OAK, upn, reason: 'no_show' }).expect(201);
    const elm = await stack.as('elmSchool');
    const concern = await elm.post('/v1/concerns').send({ schoolUrn: ELM, upn, reason: 'unexplained_absence' }).expect(202);
    expect(concern.body).toEqual({ received: true, message: expect.stringMatching(/passed to the local authority/) });
    expect(concern.headers.location).toBeUndefined();
    const admin = await stack.as('admin');
    const upload = await admin.post('/v1/attendance-marks').set(csv).send(tenDaysAbsent(upn)).expect(200);
    expect(await deliveredUpload(admin, upload.body.uploadId)).toMatchObject({ alerts: 1, delivered: [], passedToLa: 1 });
    // An upload is followed by those who could have uploaded its rows: Oak's, not Elm's nor another LA's school.
    expect((await oak.get(`/v1/uploads/${upload.body.uploadId}`).expect(200)).body).toMatchObject({ alerts: 1, pending: 0 });
    await elm.get(`/v1/uploads/${upload.body.uploadId}`).expect(404);
    await (await stack.as('ashHighSchool926')).get(`/v1/uploads/${upload.body.uploadId}`).expect(404);
  });
});
