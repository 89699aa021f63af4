import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { runLoad } from '../../bench/load';
import { upload } from '../../scripts/upload';
import { serialUpn } from '../helpers/children';
import { expectDocumented } from '../helpers/contract';
import { startStack, type ApiAgent } from '../helpers/stack';
import { bearer, users } from '../helpers/users';

const LA = '938';
const OAK = '100001';
const ELM = '100002';
const UPN = 'B801200005001';

/** Issue 14: an API contract integrators can build on. */
describe('the API contract (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let school: ApiAgent;
  let officer: ApiAgent;
  let caseId: string;

  beforeAll(async () => {
    stack = await startStack('api-contract-it');
    const admin = await stack.as('admin');
    await admin.put(`/v1/schools/${OAK}`).send({ name: 'Oak Primary', laCode: LA }).expect(200);
    await admin.put(`/v1/schools/${ELM}`).send({ name: 'Elm Primary', laCode: LA }).expect(200);
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

  /** Each response is held to the document: a status, content type or body it does not declare fails here. */
  it('the typed routes answer as the document declares, success and error', async () => {
    const concern = (body: object) => ({ schoolUrn: OAK, upn: UPN, reason: 'no_show', ...body });
    const joined = expectDocumented('post', '/v1/concerns', await school.post('/v1/concerns').send(concern({})).expect(200));
    expect(joined.body).toMatchObject({ caseId, attached: true });
    // Elm may not read Oak's case: received and passed to the LA, nothing of the case.
    const elm = await stack.as('elmSchool');
    const passed = expectDocumented('post', '/v1/concerns', await elm.post('/v1/concerns').send(concern({ schoolUrn: ELM })).expect(202));
    expect(passed.body).toEqual({ received: true, message: expect.any(String) });
    expectDocumented('post', '/v1/concerns', await school.post('/v1/concerns').send({}).expect(400));
    expectDocumented('post', '/v1/concerns', await request(stack.app).post('/v1/concerns').send(concern({})).expect(401));
    expectDocumented('post', '/v1/concerns', await officer.post('/v1/concerns').send(concern({ schoolUrn: '199999' })).expect(422));
    expectDocumented('post', '/v1/concerns', await school.post('/v1/concerns').send(concern({ child: { givenName: 'x'.repeat(200_000), familyName: 'y' } })).expect(413));

    const referral = { laCode: LA, referrer: { kind: 'public' }, child: { givenName: 'Ada', familyName: 'Lovelace' } };
    const opened = expectDocumented('post', '/v1/referrals', await officer.post('/v1/referrals').send(referral).expect(201));
    expect(opened.headers.location).toBe(`/v1/cases/${opened.body.caseId}`);

    expectDocumented('post', '/v1/new-pupil-returns', await elm.post('/v1/new-pupil-returns').send({ schoolUrn: ELM, upn: serialUpn('93812340', 99), registeredOn: '2026-11-30' }).expect(202));
    expectDocumented('post', '/v1/new-pupil-returns', await elm.post('/v1/new-pupil-returns').send({ schoolUrn: ELM, upn: UPN, registeredOn: '2199-01-01' }).expect(422));
    expectDocumented('post', '/v1/new-pupil-returns', await officer.post('/v1/new-pupil-returns').send({ schoolUrn: ELM, upn: UPN, registeredOn: '2026-11-30' }).expect(403));

    const list = expectDocumented('get', '/v1/cases', await officer.get('/v1/cases').expect(200));
    expect(list.body.items.map((row: { caseId: string }) => row.caseId)).toContain(caseId);
    expectDocumented('get', '/v1/cases', await officer.get('/v1/cases').query({ page: 'x' }).expect(400));
    const schools = expectDocumented('get', '/v1/schools', await school.get('/v1/schools').expect(200));
    expect(schools.body.schools).toEqual([{ urn: OAK, name: 'Oak Primary', laCode: LA, isSpecial: false }]);
    expectDocumented('get', '/v1/schools', await request(stack.app).get('/v1/schools').expect(401));
    expectDocumented('get', '/v1/cases/{caseId}', await officer.get(`/v1/cases/${caseId}`).expect(200));
    expectDocumented('get', '/v1/cases/{caseId}', await officer.get('/v1/cases/00000000-0000-4000-8000-000000000000').expect(404));
    expectDocumented('get', '/v1/cases/{caseId}/export', await officer.get(`/v1/cases/${caseId}/export`).expect(200));
    const page = expectDocumented('get', '/v1/cases/{caseId}/export', await officer.get(`/v1/cases/${caseId}/export`).query({ format: 'html' }).expect(200));
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expectDocumented('get', '/v1/cases/{caseId}/export', await school.get(`/v1/cases/${caseId}/export`).expect(403));
    expectDocumented('get', '/v1/inbox', await officer.get('/v1/inbox').expect(200));
    expectDocumented('get', '/v1/inbox', await school.get('/v1/inbox').expect(200));

    const decided = expectDocumented('post', '/v1/cases/{caseId}/contact-attempts', await school.post(`/v1/cases/${caseId}/contact-attempts`).send({ method: 'home_visit', outcome: 'address_vacant' }).expect(200));
    expect(decided.body).toMatchObject({ caseId, decisionId: expect.any(String) });
    // Consent is asked for only once a deletion awaits it: the wrong stage.
    expectDocumented('post', '/v1/cases/{caseId}/la-consent', await (await stack.as('sendOfficer')).post(`/v1/cases/${caseId}/la-consent`).send({ decision: 'grant', reason: 'plan reviewed' }).expect(409));

    expectDocumented('get', '/v1/cases/{caseId}/timeline', await officer.get(`/v1/cases/${caseId}/timeline`).expect(200));

    const admin = await stack.as('admin');
    const register = (csv: string) => admin.post('/v1/register/schools').set('content-type', 'text/csv').send(csv);
    expectDocumented('post', '/v1/register/schools', await register('urn,name,la_code,is_special\n100003,Birch Primary,938,N').expect(200));
    expectDocumented('post', '/v1/register/schools', await register('urn,name,la_code,is_special\n10003,Short URN,938,N').expect(422));
    expectDocumented('post', '/v1/attendance-marks', await school.post('/v1/attendance-marks').set('content-type', 'text/plain').send('x').expect(415));
  });

  it('the operational, calendar, rule and directory routes answer as documented too', async () => {
    const admin = await stack.as('admin');
    const manager = await stack.as('manager');
    const anonymous = request(stack.app);
    expectDocumented('get', '/healthz', await anonymous.get('/healthz').expect(200));
    expectDocumented('get', '/v1/ui-config', await anonymous.get('/v1/ui-config').expect(200));
    expectDocumented('get', '/v1/dev/users', await anonymous.get('/v1/dev/users').expect(200));
    expectDocumented('post', '/v1/dev/token', await anonymous.post('/v1/dev/token').send({ userId: 'nobody' }).expect(422));
    expectDocumented('put', '/v1/schools/{urn}', await admin.put(`/v1/schools/${OAK}`).send({ name: 'Oak Primary', laCode: LA }).expect(200));
    expectDocumented('get', '/v1/cases/{caseId}/child', await officer.get(`/v1/cases/${caseId}/child`).expect(200));
    expectDocumented('get', '/v1/dashboard', await manager.get('/v1/dashboard').expect(200));
    expectDocumented('put', '/v1/las/{laCode}/terms', await manager.put(`/v1/las/${LA}/terms`).send({ terms: [{ name: 'Autumn', start: '2026-09-01', end: '2026-12-18' }] }).expect(200));
    expectDocumented('get', '/v1/las/{laCode}/terms', await manager.get(`/v1/las/${LA}/terms`).expect(200));
    expectDocumented('put', '/v1/schools/{urn}/closures', await manager.put(`/v1/schools/${OAK}/closures`).send({ closures: [{ date: '2026-11-02', reason: 'INSET' }] }).expect(200));
    expectDocumented('get', '/v1/schools/{urn}/closures', await manager.get(`/v1/schools/${OAK}/closures`).expect(200));
    expectDocumented('get', '/v1/schools/{urn}/school-days', await manager.get(`/v1/schools/${OAK}/school-days`).query({ from: '2026-11-30', add: 2 }).expect(200));
    expectDocumented('get', '/v1/schools/{urn}/school-days', await manager.get(`/v1/schools/${OAK}/school-days`).query({ from: '2026-11-30', to: '2026-12-04' }).expect(200));
    expectDocumented('get', '/v1/schools/{urn}/school-days', await manager.get(`/v1/schools/${OAK}/school-days`).query({ from: '2026-11-30', add: 2, to: '2026-12-04' }).expect(422));
    expectDocumented('get', '/v1/las/{laCode}/rules', await manager.get(`/v1/las/${LA}/rules`).expect(200));
    expectDocumented('put', '/v1/las/{laCode}/rules/{ruleId}', await manager.put(`/v1/las/${LA}/rules/NO-SUCH-RULE`).send({ value: 1 }).expect(422));
    const recipient = `/v1/notification-channels/school:${OAK}`;
    expectDocumented('put', '/v1/notification-channels/{recipient}', await admin.put(recipient).send({ transport: 'smtp', email: 'office+cme@oak.example' }).expect(200));
    expectDocumented('get', '/v1/notification-channels/{recipient}', await admin.get(recipient).expect(200));
    expectDocumented('get', '/v1/notification-channels', await admin.get('/v1/notification-channels').expect(200));
    expectDocumented('delete', '/v1/notification-channels/{recipient}', await admin.delete(recipient).expect(200));
    expectDocumented('get', '/v1/notification-channels/{recipient}', await admin.get(recipient).expect(404));
    expectDocumented('put', '/v1/notification-channels/{recipient}', await admin.put('/v1/notification-channels/police:100001').send({ transport: 'console' }).expect(400));
  });

  /** Our own callers go through the client generated from the document (client/api-client.ts). */
  it('the typed client drives the upload and the load bench against the listening API', async () => {
    await new Promise<void>((resolve) => stack.server.listen(0, '127.0.0.1', resolve));
    try {
      const apiUrl = `http://127.0.0.1:${(stack.server.address() as AddressInfo).port}`;
      const token = async (user: keyof typeof users) => (await bearer(stack.auth, users[user])).replace(/^Bearer /, '');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cme-upload-'));
      const file = path.join(dir, 'schools.csv');
      fs.writeFileSync(file, 'urn,name,la_code\n100004,Hazel Primary,938\n');
      const uploaded = await upload('schools', file, apiUrl, await token('admin'));
      fs.rmSync(dir, { recursive: true, force: true });
      expect(uploaded).toEqual({ status: 200, report: expect.objectContaining({ received: 1, inserted: 1 }) });
      const load = await runLoad({ apiUrl, clients: 1, seconds: 1, schoolUrn: OAK, laCode: LA, tokens: { school: await token('oakSchool'), officer: await token('cmeOfficer') }, runTag: '777' });
      expect(load.errors).toEqual([]);
      expect(load.casesOpened).toBeGreaterThan(0);
    } finally {
      await new Promise((resolve) => stack.server.close(resolve));
    }
  });

  it('the document declares what the API enforces: required bodies, identifier patterns with examples that pass', async () => {
    const document = (await request(stack.app).get('/v1/openapi.json').expect(200)).body;
    const report = document.paths['/v1/concerns'].post;
    expect(report.requestBody.required).toBe(true);
    expect(Object.keys(report.responses)).toEqual(expect.arrayContaining(['200', '201', '202', '400', '401', '403', '409', '413', '422', '429', '503']));
    expect(Object.keys(document.paths['/v1/attendance-marks'].post.responses)).toEqual(expect.arrayContaining(['413', '415', '422']));
    expect(document.components.responses.MethodNotAllowed.headers.Allow).toBeDefined();
    const { schoolUrn, upn } = report.requestBody.content['application/json'].schema.properties;
    expect(schoolUrn).toMatchObject({ pattern: '^\\d{6}$', examples: [OAK] });
    expect(upn.pattern).toBeDefined();
    // The examples a person pastes are accepted: the UPN's check letter is right.
    const [exampleUpn] = upn.examples;
    expect(new RegExp(upn.pattern).test(exampleUpn)).toBe(true);
    expectDocumented('post', '/v1/concerns', await school.post('/v1/concerns').send({ schoolUrn: OAK, upn: exampleUpn, reason: 'no_show' }).expect(200));
    expect(document.paths['/v1/referrals'].post.requestBody.content['application/json'].schema.properties.laCode).toMatchObject({ pattern: '^\\d{3}$', examples: [LA] });
    expect(document.paths['/v1/new-pupil-returns'].post.requestBody.content['application/json'].schema.properties.registeredOn).toMatchObject({ format: 'date' });
    expect(document.paths['/v1/cases/{caseId}/export'].get.responses['200'].content['text/html']).toBeDefined();
  });
});
