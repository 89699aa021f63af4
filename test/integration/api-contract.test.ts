import request from 'supertest';
import { startStack, type ApiAgent } from '../helpers/stack';

const LA = '938';
const OAK = '100001';
const UPN = 'B801200005001';

/** Issue 14: an API contract integrators can build on. */
describe('the API contract (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let school: ApiAgent;
  let officer: ApiAgent;
  let caseId: string;

  beforeAll(async () => {
    stack = await startStack('api-contract-it');
    await (await stack.as('admin')).put(`/v1/schools/${OAK}`).send({ name: 'Oak Primary', laCode: LA }).expect(200);
    school = await stack.as('oakSchool');
    officer = await stack.as('cmeOfficer');
    caseId = (await school.post('/v1/concerns').send({ schoolUrn: OAK, upn: UPN, reason: 'unexplained_absence' }).expect(201)).body.caseId;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('a known path with a method it does not serve: 405 with Allow (RFC 9110 15.5.6); an unknown path stays 404', async () => {
    const concerns = await school.delete('/v1/concerns').expect(405);
    expect(concerns.headers.allow).toBe('POST');
    expect(concerns.body.error).toMatchObject({ code: 'method_not_allowed', message: expect.stringContaining('POST') });
    const kase = await officer.put(`/v1/cases/${caseId}`).send({}).expect(405);
    expect(kase.headers.allow).toBe('GET');
    const channel = await (await stack.as('admin')).post(`/v1/notification-channels/school:${OAK}`).send({}).expect(405);
    expect(channel.headers.allow).toBe('GET, PUT, DELETE');
    expect((await request(stack.app).delete('/healthz').expect(405)).headers.allow).toBe('GET');
    const unknown = await officer.delete('/v1/nowhere').expect(404);
    expect(unknown.body.error.code).toBe('not_found');
    expect(unknown.headers.allow).toBeUndefined();
  });
});
