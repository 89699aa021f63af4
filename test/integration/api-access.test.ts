import { randomUUID } from 'node:crypto';
import { SignJWT, generateKeyPair, UnsecuredJWT } from 'jose';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../api/app';
import { englandDateOf } from '../../domain/calendar/england-time';
import { yearGroupOn } from '../../domain/collection/year-group';
import { upnCheckLetter } from '../../domain/identifiers';
import { testPayloadKeys } from '../helpers/payload-keys';
import { startStack, type ApiAgent } from '../helpers/stack';
import { users } from '../helpers/users';

const LA = '938';
const OAK = '100001';
const ELM = '100002';
const BIRCH = '100003';

/** Roles and scope through the real API, worker and dev server: who may see and decide what. */
describe('authentication, roles and decisions through the API (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let oak: ApiAgent;
  let elm: ApiAgent;
  let officer: ApiAgent;
  let sendOfficer: ApiAgent;
  let manager: ApiAgent;
  let oakCaseId: string;

  beforeAll(async () => {
    stack = await startStack('api-access-it');
    const admin = await stack.as('admin');
    for (const [urn, name, isSpecial] of [[OAK, 'Oak Primary', false], [ELM, 'Elm Academy', false], [BIRCH, 'Birch Special School', true]] as const) {
      await admin.put(`/v1/schools/${urn}`).send({ name, laCode: LA, isSpecial }).expect(200);
    }
    [oak, elm, officer, sendOfficer, manager] = await Promise.all([stack.as('oakSchool'), stack.as('elmSchool'), stack.as('cmeOfficer'), stack.as('sendOfficer'), stack.as('manager')]);
    oakCaseId = (await oak.post('/v1/concerns').send({ schoolUrn: OAK, upn: 'B801200005001', reason: 'unexplained_absence' }).expect(201)).body.caseId;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe('tokens', () => {
    const claims = { role: 'manager', la: LA };
    const signWith = async (build: (jwt: SignJWT) => SignJWT) => {
      const { privateKey } = await generateKeyPair('ES256');
      return build(new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).setSubject('intruder').setIssuer('test-issuer').setAudience('cme-case-engine').setExpirationTime('1h')).sign(privateKey);
    };

    it.each([
      ['no token', () => Promise.resolve(undefined), /bearer token is required/],
      ['a token signed by another key', () => signWith((jwt) => jwt), /token rejected/],
      ['an unsigned token (alg: none)', () => Promise.resolve(new UnsecuredJWT(claims).setSubject('x').setIssuer('test-issuer').setAudience('cme-case-engine').encode()), /token rejected/],
      ['an expired token', () => stack.auth.devIssuer!.sign(users.manager, { expiresIn: Math.floor(Date.now() / 1000) - 120 }), /expired/],
      ['a token for another audience', () => stack.auth.devIssuer!.sign(users.manager, { audience: 'someone-else' }), /token rejected/],
      ['a token from another issuer (same key)', () => stack.auth.devIssuer!.sign(users.manager, { issuer: 'https://idp.elsewhere' }), /token rejected/],
      ['a school token without its schools', () => stack.auth.devIssuer!.sign({ sub: 'u-x', role: 'school' }), /schools/],
      ['an unknown role', () => stack.auth.devIssuer!.sign({ sub: 'u-x', role: 'superuser' as 'admin' }), /role/],
    ])('refuses %s with 401', async (_name, token, message) => {
      const value = await token();
      const call = request(stack.app).get('/v1/cases');
      const response = await (value ? call.set('authorization', `Bearer ${value}`) : call).expect(401);
      expect(response.body.error).toMatchObject({ code: 'unauthenticated', field: 'authorization', message: expect.stringMatching(message) });
      expect(response.headers['www-authenticate']).toBe('Bearer');
    });
  });

  describe('scope', () => {
    it("a school cannot read or act on another school's case: 404, as if it did not exist", async () => {
      await elm.get(`/v1/cases/${oakCaseId}`).expect(404);
      await elm.post(`/v1/cases/${oakCaseId}/safeguarding-concerns`).send({ concern: 'risk_of_harm' }).expect(404);
      await (await stack.as('otherLaOfficer')).get(`/v1/cases/${oakCaseId}`).expect(404);
      await (await stack.as('admin')).get(`/v1/cases/${oakCaseId}`).expect(404);
      await oak.get(`/v1/cases/${oakCaseId}`).expect(200);
      await manager.get(`/v1/cases/${oakCaseId}`).expect(200);
    });

    it('refuses attempts to act as someone else: the acting user comes from the token, never the body', async () => {
      const impersonation = await oak
        .post(`/v1/cases/${oakCaseId}/close`)
        .send({ outcome: 'located_and_attending', reason: 'x', actor: { role: 'manager', userId: 'u-manager' } })
        .expect(400);
      expect(impersonation.body.error).toMatchObject({ code: 'invalid_request', field: 'actor' });
      const asOfficer = await oak.post(`/v1/cases/${oakCaseId}/close`).send({ outcome: 'located_and_attending', reason: 'x' }).expect(403);
      expect(asOfficer.body.error.field).toBe('actor.role');
      // Oak may refer a child on no roll to any LA, but may not read the case the referral opens.
      const referred = await oak.post('/v1/referrals').send({ laCode: '926', referrer: { kind: 'public' }, child: { givenName: 'A', familyName: 'B' } }).expect(202);
      expect(referred.body).toEqual({ received: true, message: expect.any(String) });
      await officer.post('/v1/referrals').send({ laCode: '926', referrer: { kind: 'public' }, child: { givenName: 'A', familyName: 'B' } }).expect(403);
    });

    it('a school reports only for its own schools', async () => {
      const response = await elm.post('/v1/concerns').send({ schoolUrn: OAK, upn: 'D93812340012A', reason: 'no_show' }).expect(403);
      expect(response.body.error).toMatchObject({ code: 'forbidden', field: 'schoolUrn' });
      expect(await stack.database.db.pupil.count({ where: { upn: 'D93812340012A' } })).toBe(0);
    });

    it('lists only the cases in scope, filtered and paged', async () => {
      const elmCase = (await elm.post('/v1/concerns').send({ schoolUrn: ELM, upn: 'P207000016049', reason: 'permanent_exclusion' }).expect(201)).body.caseId;
      const oakList = await oak.get('/v1/cases').expect(200);
      expect(oakList.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([oakCaseId]);
      const all = await manager.get('/v1/cases').query({ pageSize: 1 }).expect(200);
      expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
      expect(all.body.items).toHaveLength(1);
      const excluded = await manager.get('/v1/cases').query({ stage: 'exclusion_process' }).expect(200);
      expect(excluded.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([elmCase]);
      const bad = await manager.get('/v1/cases').query({ pageSize: 1000 }).expect(400);
      expect(bad.body.error.field).toBe('pageSize');
      await (await stack.as('admin')).get('/v1/cases').expect(403);
    });
  });

  describe('decisions', () => {
    it('GATE-SPECIAL-SCHOOL (PRR06 reg 8(2) [P]): only the SEND officer decides consent, with a reason, once; the deletion then completes', async () => {
      const birch = await stack.as('birchSchool');
      const opened = await birch
        .post('/v1/concerns')
        .send({ schoolUrn: BIRCH, upn: 'H801200001001', reason: 'ehe_written_notice', send: { status: 'ehc_plan', placedByLa: true } })
        .expect(201);
      const caseId: string = opened.body.caseId;
      const today = englandDateOf(new Date());
      const requested = await birch
        .post(`/v1/cases/${caseId}/deletion-requests`)
        .send({ ground: 'F', deleteOn: today, evidence: { writtenNoticeReceived: true, educationOtherwiseFrom: today, saoInForce: false } })
        .expect(200);
      expect(requested.body.result).toMatchObject({ status: 'awaiting_la_consent' });

      const bySchool = await birch.post(`/v1/cases/${caseId}/la-consent`).send({ decision: 'grant', reason: 'we agree' }).expect(403);
      expect(bySchool.body.error).toMatchObject({ code: 'forbidden', field: 'actor.role' });
      await officer.post(`/v1/cases/${caseId}/la-consent`).send({ decision: 'grant', reason: 'x' }).expect(403);
      const noReason = await sendOfficer.post(`/v1/cases/${caseId}/la-consent`).send({ decision: 'grant' }).expect(400);
      expect(noReason.body.error.field).toBe('reason');
      const closing = await officer.post(`/v1/cases/${caseId}/close`).send({ outcome: 'elective_home_education', reason: 'EHE' }).expect(409);
      expect(closing.body.error).toMatchObject({ code: 'conflict', field: 'stage' });

      const granted = await sendOfficer.post(`/v1/cases/${caseId}/la-consent`).send({ decision: 'grant', reason: 'EHE suitable; plan reviewed' }).expect(200);
      expect(granted.body.result).toBe('deleted_from_roll');
      await sendOfficer.post(`/v1/cases/${caseId}/la-consent`).send({ decision: 'refuse', reason: 'changed mind' }).expect(409);

      const audit = await stack.database.db.auditEntry.findMany({ where: { caseId }, orderBy: { id: 'asc' } });
      expect(audit.find((e) => e.action === 'la_consent_granted')).toMatchObject({ actor: 'la_send_officer:u-send', ruleId: 'GATE-SPECIAL-SCHOOL' });
      const listed = await manager.get('/v1/cases').query({ stage: 'deleted_from_roll', send: 'true' }).expect(200);
      expect(listed.body.items.map((c: { caseId: string }) => c.caseId)).toContain(caseId);

      // The timeline a manager reads: our audit entries and the engine's own events, decoded, in order.
      const timeline = await manager.get(`/v1/cases/${caseId}/timeline`).expect(200);
      const entries: { source: string; what: string; actor?: string; ruleId?: string; at: string }[] = timeline.body.entries;
      expect(entries.find((e) => e.source === 'audit' && e.what === 'la_consent_granted')).toMatchObject({ actor: 'la_send_officer:u-send', ruleId: 'GATE-SPECIAL-SCHOOL' });
      expect(entries.find((e) => e.what === 'decision_received:grantLaConsent')).toMatchObject({ source: 'temporal', actor: 'la_send_officer:u-send' });
      expect(entries.find((e) => e.source === 'outbox' && e.ruleId === 'DELETION-RETURN')).toBeDefined();
      expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort());
      expect(JSON.stringify(timeline.body)).not.toContain('H801200001001');
      await (await stack.as('oakSchool')).get(`/v1/cases/${caseId}/timeline`).expect(404);
    });

    it('every other decision through its route: joint enquiries, contact attempts, support stages, trace steps, s437, refusal and SoS direction', async () => {
      const upn = (body: string) => `${upnCheckLetter(body)}${body}`;
      const missing = (await oak.post('/v1/concerns').send({ schoolUrn: OAK, upn: upn('801200002001'), reason: 'continuous_unauthorised_absence' }).expect(201)).body.caseId;
      const contact = await oak.post(`/v1/cases/${missing}/contact-attempts`).send({ method: 'home_visit', outcome: 'address_vacant' }).expect(200);
      expect(contact.body.result).toEqual([expect.objectContaining({ method: 'home_visit', outcome: 'address_vacant', by: 'u-oak' })]);
      await oak.post(`/v1/cases/${missing}/joint-enquiries`).send({ outcome: 'not_found' }).expect(200);
      const signed = await officer.post(`/v1/cases/${missing}/joint-enquiries`).send({ outcome: 'not_found' }).expect(200);
      expect(signed.body.result).toMatchObject({ outcome: 'not_found', schoolSignedBy: 'u-oak', laSignedBy: 'u-cme' });
      await officer.post(`/v1/cases/${missing}/joint-enquiries`).send({ outcome: 'not_found' }).expect(409);
      await officer.post(`/v1/cases/${missing}/trace-steps`).send({ step: 'home_visit_made' }).expect(409);
      const notice = await officer.post(`/v1/cases/${missing}/s437-notices`).send({ noticeId: 'N-1' }).expect(200);
      expect(notice.body.result).toMatchObject({ servedAt: expect.any(String), respondBy: expect.any(String) });

      const supported = (await elm.post('/v1/concerns').send({ schoolUrn: ELM, upn: upn('801200002002'), reason: 'persistent_absence_send', send: { status: 'sen_support', placedByLa: false } }).expect(201)).body.caseId;
      const moved = await elm.post(`/v1/cases/${supported}/support-stage`).send({ to: 'listen_and_understand', reason: 'meeting with the family' }).expect(200);
      expect(moved.body.result).toMatchObject({ stage: 'listen_and_understand' });
      const enforce = await elm.post(`/v1/cases/${supported}/support-stage`).send({ to: 'enforce', reason: 'no engagement' }).expect(403);
      expect(enforce.body.error.field).toBe('actor.role');

      const birch = await stack.as('birchSchool');
      const gated = (await birch.post('/v1/concerns').send({ schoolUrn: BIRCH, upn: upn('801200002003'), reason: 'ehe_written_notice', send: { status: 'ehc_plan', placedByLa: true } }).expect(201)).body.caseId;
      const today = englandDateOf(new Date());
      await birch.post(`/v1/cases/${gated}/deletion-requests`).send({ ground: 'F', deleteOn: today, evidence: { writtenNoticeReceived: true, educationOtherwiseFrom: today, saoInForce: false } }).expect(200);
      const refused = await sendOfficer.post(`/v1/cases/${gated}/la-consent`).send({ decision: 'refuse', reason: 'EHE plan not yet suitable' }).expect(200);
      expect(refused.body.result).toBe('consent_refused');
      await birch.post(`/v1/cases/${gated}/sos-direction`).send({ reference: 'SoS-1' }).expect(403);
      const directed = await manager.post(`/v1/cases/${gated}/sos-direction`).send({ reference: 'DfE/2026/001' }).expect(200);
      expect(directed.body.result).toBe('deleted_from_roll');
    });

    it('a retried decision with the same id is recorded once; a malformed decision names its field', async () => {
      const decisionId = '6f1c0b8e-6a43-4a4e-8f0e-2d6c2f6d8a11';
      const first = await oak.post(`/v1/cases/${oakCaseId}/safeguarding-concerns`).send({ referralId: decisionId, concern: 'risk_of_harm' }).expect(200);
      const retry = await oak.post(`/v1/cases/${oakCaseId}/safeguarding-concerns`).send({ referralId: decisionId, concern: 'risk_of_harm' }).expect(200);
      expect(retry.body).toEqual(first.body);
      expect(await stack.database.db.auditEntry.count({ where: { caseId: oakCaseId, action: 'safeguarding_referral' } })).toBe(1);

      const wrongGround = await oak.post(`/v1/cases/${oakCaseId}/deletion-requests`).send({ ground: 'Z', deleteOn: '2026-12-01', evidence: {} }).expect(400);
      expect(wrongGround.body.error.field).toBe('ground');
      const missingEvidence = await oak.post(`/v1/cases/${oakCaseId}/deletion-requests`).send({ ground: 'K', deleteOn: '2026-12-01', evidence: {} }).expect(400);
      expect(missingEvidence.body.error.field).toBe('evidence.died');
      const unknownField = await officer.post(`/v1/cases/${oakCaseId}/trace-steps`).send({ step: 'home_visit_made', note: 'x' }).expect(400);
      expect(unknownField.body.error.field).toBe('note');
    });
  });

  describe('the OpenAPI document and reference page', () => {
    it('serves the document without a token, and every documented route exists', async () => {
      const document = (await request(stack.app).get('/v1/openapi.json').expect(200)).body;
      expect(document.openapi).toBe('3.1.0');
      const paths = Object.entries(document.paths as Record<string, Record<string, unknown>>);
      expect(paths.length).toBeGreaterThan(20);
      for (const [path, methods] of paths) {
        for (const method of Object.keys(methods)) {
          const url = path.replace('{caseId}', oakCaseId).replace('{urn}', OAK).replace('{laCode}', LA).replace('{ruleId}', 'CONSENT-REMINDER');
          const response = await manager[method as 'get' | 'post' | 'put'](url).send({});
          expect({ route: `${method} ${path}`, missing: response.body?.error?.message === 'no such route' }).toEqual({ route: `${method} ${path}`, missing: false });
        }
      }
      expect(document.paths['/v1/cases/{caseId}/la-consent'].post.requestBody.content['application/json'].schema).toBeDefined();
      // As the API answers: a refused decision lists its reasons; a report into a case the caller may not read is 202.
      expect(document.components.schemas.Error.properties.error.properties.reasons).toMatchObject({ type: 'array' });
      expect(document.paths['/v1/cases/{caseId}/deletion-requests'].post.responses['422'].description).toMatch(/refused.*reasons/);
      for (const report of ['/v1/concerns', '/v1/referrals', '/v1/new-pupil-returns']) {
        expect(document.paths[report].post.responses['202'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/PassedToLa' });
      }
      expect(document.paths['/v1/concerns'].post.responses['422'].description).toMatch(/unknown_school.*schoolUrn/);
    });

    it('serves the interactive reference page and its assets', async () => {
      const page = await request(stack.app).get('/docs/').expect(200);
      expect(page.text).toContain('swagger-ui-bundle.js');
      await request(stack.app).get('/docs/swagger-ui/swagger-ui-bundle.js').expect(200);
      await request(stack.app).get('/docs/reference.js').expect(200);
    });
  });

  describe('what the web UI reads', () => {
    it("inbox: the SEND officer's consents, the school's own cases only", async () => {
      const birch = await stack.as('birchSchool');
      const opened = await birch
        .post('/v1/concerns')
        .send({ schoolUrn: BIRCH, upn: `${upnCheckLetter('801200001002')}801200001002`, reason: 'ehe_written_notice', send: { status: 'ehc_plan', placedByLa: true } })
        .expect(201);
      const today = englandDateOf(new Date());
      await birch
        .post(`/v1/cases/${opened.body.caseId}/deletion-requests`)
        .send({ ground: 'F', deleteOn: today, evidence: { writtenNoticeReceived: true, educationOtherwiseFrom: today, saoInForce: false } })
        .expect(200);
      const inbox = (await sendOfficer.get('/v1/inbox').expect(200)).body;
      expect(inbox.consentsToDecide.map((c: { caseId: string }) => c.caseId)).toContain(opened.body.caseId);
      expect(inbox.consentsToDecide[0]).toMatchObject({ stage: 'awaiting_la_consent', schoolName: 'Birch Special School', sendFlag: true });
      // The inbox's rows have the case list's shape, with the case's overdue steps.
      const listed = (await sendOfficer.get('/v1/cases').query({ stage: 'awaiting_la_consent' }).expect(200)).body.items;
      expect(Object.keys(inbox.consentsToDecide[0]).sort()).toEqual([...Object.keys(listed[0]), 'overdueSteps'].sort());
      expect(inbox.consentsToDecide[0].overdueSteps).toEqual([]);
      // Only the SEND officer may decide it (GATE-SPECIAL-SCHOOL): the manager's inbox does not ask them to.
      const managerInbox = (await manager.get('/v1/inbox').expect(200)).body;
      expect(managerInbox.consentsToDecide).toBeUndefined();
      // Its clock is in the manager's scope, so it may be due soon there; no section asks the manager to decide it.
      const { dueSoon: _dueSoon, overdue: _overdue, ...asked } = managerInbox as Record<string, { caseId: string }[]>;
      expect(Object.values(asked).flat().map((c) => c.caseId)).not.toContain(opened.body.caseId);
      const oakInbox = (await oak.get('/v1/inbox').expect(200)).body;
      const oakIds = Object.values(oakInbox as Record<string, { caseId: string }[]>).flat().map((c) => c.caseId);
      expect(oakIds).not.toContain(opened.body.caseId);
    });

    it("inbox: each role's sections are the decisions its validators let it take", async () => {
      const sections = async (agent: ApiAgent) => Object.keys((await agent.get('/v1/inbox').expect(200)).body).sort();
      const always = ['dueSoon', 'escalated', 'overdue'];
      expect(await sections(sendOfficer)).toEqual([...always, 'consentsToDecide', 'directionsToRecord', 'sendRequests', 'supportActionsLapsed'].sort());
      expect(await sections(manager)).toEqual([...always, 'directionsToRecord'].sort());
      expect(await sections(officer)).toEqual([...always, 'childrenToTrace', 'directionsToRecord', 'enquiriesToSign', 'supportActionsLapsed', 'unresolvedNMarks'].sort());
      expect(await sections(oak)).toEqual([...always, 'enquiriesToSign', 'supportActionsLapsed', 'unresolvedNMarks'].sort());
    });

    it('dashboard: figures for LA roles only', async () => {
      const figures = (await manager.get('/v1/dashboard').expect(200)).body;
      const open = figures.openByStage.reduce((sum: number, row: { count: number }) => sum + row.count, 0);
      expect(open).toBe(await stack.database.db.case.count({ where: { closedAt: null, laCode: LA } }));
      expect(figures.weekly).toHaveLength(13);
      expect(figures.weekly.at(-1).opened).toBeGreaterThan(0);
      expect(figures.undeliveredAlerts).toEqual([]);
      await oak.get('/v1/dashboard').expect(403);
    });

    it('dashboard: attendance alerts no case has taken yet, for the LA they belong to', async () => {
      const db = stack.database.db;
      await db.school.upsert({ where: { urn: '200001' }, create: { urn: '200001', name: 'Far School', laCode: '926' }, update: {} });
      const [ours, theirs] = await Promise.all([db.pupil.create({ data: { schoolUrn: OAK } }), db.pupil.create({ data: { schoolUrn: '200001' } })]);
      const detectedAt = new Date('2026-11-20T16:00:00Z');
      await db.detectionAlert.createMany({
        data: [
          { id: randomUUID(), pupilId: ours.id, kind: 'continuous_unauthorised_absence', episode: 'run:2026-11-09', detectedAt },
          { id: randomUUID(), pupilId: ours.id, kind: 'continuous_absence_20_days', episode: 'run:2026-11-09', detectedAt: new Date(), caseId: oakCaseId, deliveredAt: new Date() },
          { id: randomUUID(), pupilId: theirs.id, kind: 'continuous_unauthorised_absence', episode: 'run:2026-11-09', detectedAt },
        ],
      });
      expect((await manager.get('/v1/dashboard').expect(200)).body.undeliveredAlerts).toEqual([{ kind: 'continuous_unauthorised_absence', count: 1, oldestDetectedAt: detectedAt.toISOString() }]);
      await db.detectionAlert.deleteMany({ where: { pupilId: { in: [ours.id, theirs.id] } } });
      await db.pupil.deleteMany({ where: { id: { in: [ours.id, theirs.id] } } });
    });

    it("the child's details: for those who may see the case, from the register, never from Temporal", async () => {
      const opened = await oak
        .post('/v1/concerns')
        .send({ schoolUrn: OAK, upn: 'B801200005001', reason: 'no_show', child: { givenName: 'Ottoline', familyName: 'Brackwater' } })
        .expect(200);
      const child = (await officer.get(`/v1/cases/${opened.body.caseId}/child`).expect(200)).body;
      expect(child).toMatchObject({ upn: 'B801200005001', yearGroup: null, details: { givenName: 'Ottoline', familyName: 'Brackwater' } });
      // No date of birth held: the year group is the one the school last reported (the census field).
      await stack.database.db.pupil.updateMany({ where: { upn: 'B801200005001' }, data: { yearGroup: '5' } });
      expect((await officer.get(`/v1/cases/${opened.body.caseId}/child`).expect(200)).body.yearGroup).toBe('5');
      const listed = (await officer.get('/v1/cases').query({ pageSize: 100 }).expect(200)).body.items.find((item: { caseId: string }) => item.caseId === opened.body.caseId);
      expect(listed.child).toMatchObject({ givenName: 'Ottoline', dateOfBirth: null, yearGroup: '5' });
      await elm.get(`/v1/cases/${opened.body.caseId}/child`).expect(404);
      const config = (await request(stack.app).get('/v1/ui-config').expect(200)).body;
      expect(config).toMatchObject({ authMode: 'dev', namespace: expect.any(String) });
      const page = await request(stack.app).get('/ui/').expect(200);
      expect(page.text).toContain('/ui/app.js');
      await request(stack.app).get('/ui/vendor/preact.module.js').expect(200);
      // GOV.UK Frontend as the package ships it, under /ui/govuk/.
      const css = await request(stack.app).get('/ui/govuk/govuk-frontend.min.css').expect(200);
      expect(css.headers['content-type']).toMatch(/text\/css/);
    });

    it('lists name the child, for those who may see the case only', async () => {
      const opened = await oak
        .post('/v1/concerns')
        .send({ schoolUrn: OAK, upn: `${upnCheckLetter('801200005077')}801200005077`, reason: 'no_show', child: { givenName: 'Perpetua', familyName: 'Lumley', dateOfBirth: '2016-02-29' }, send: { status: 'sen_support' } })
        .expect(201);
      const row = (agentItems: { caseId: string }[]) => agentItems.find((item) => item.caseId === opened.body.caseId);
      // The year group from the date of birth, on today's date in England (as the termly return counts it).
      const yearGroup = yearGroupOn('2016-02-29', englandDateOf(new Date()));
      expect(yearGroup).toBeDefined();
      const child = { givenName: 'Perpetua', familyName: 'Lumley', dateOfBirth: '2016-02-29', yearGroup, senStatus: 'sen_support' };
      expect(row((await officer.get('/v1/cases').query({ pageSize: 100 }).expect(200)).body.items)).toMatchObject({ schoolName: 'Oak Primary', child });
      expect(row((await oak.get('/v1/cases').query({ pageSize: 100 }).expect(200)).body.items)).toMatchObject({ child });
      expect(row((await elm.get('/v1/cases').query({ pageSize: 100 }).expect(200)).body.items)).toBeUndefined();
    });

    it("schools by name: a school's own, its LA's for LA staff", async () => {
      const names = async (agent: ApiAgent) => (await agent.get('/v1/schools').expect(200)).body.schools.map((school: { name: string }) => school.name);
      expect(await names(oak)).toEqual(['Oak Primary']);
      expect(await names(officer)).toEqual(expect.arrayContaining(['Birch Special School', 'Elm Academy', 'Oak Primary']));
      expect(await names(officer)).not.toContain('Far School');
    });

    it("each clock with the days left to it, counted on the case's calendar; due soon means within 5 school days", async () => {
      const { caseId } = (await oak.post('/v1/concerns').send({ schoolUrn: OAK, upn: `${upnCheckLetter('801200005078')}801200005078`, reason: 'unexplained_absence' }).expect(201)).body;
      const state = (await officer.get(`/v1/cases/${caseId}`).expect(200)).body;
      const clock = state.deadlines.find((deadline: { ruleId: string }) => deadline.ruleId === 'T1');
      // The same count through the school's calendar route: school days after today up to the clock's last day.
      const lastDay = englandDateOf(new Date(Date.parse(clock.at) - 1));
      const today = englandDateOf(new Date());
      const counted = (await officer.get(`/v1/schools/${OAK}/school-days`).query({ from: today, to: lastDay }).expect(200)).body.schoolDays;
      expect(clock.daysLeft).toEqual({ count: counted, unit: 'school_days' });
      const inbox = (await officer.get('/v1/inbox').expect(200)).body;
      expect(inbox.dueSoon.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    });
  });

  describe('disclosure', () => {
    it("exports a case's full record with its verified audit chain, as JSON and as a printable page, to LA roles", async () => {
      const exported = await manager.get(`/v1/cases/${oakCaseId}/export`).expect(200);
      expect(exported.headers['content-disposition']).toContain(`case-${oakCaseId}.json`);
      expect(exported.body).toMatchObject({ case: { caseId: oakCaseId, laCode: LA }, auditChain: { intact: true, problems: [] }, child: { upn: 'B801200005001' } });
      expect(exported.body.audit[0]).toMatchObject({ action: 'case_opened', prevHash: '', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(exported.body.notifications.length).toBeGreaterThan(0);
      const page = await officer.get(`/v1/cases/${oakCaseId}/export`).query({ format: 'html' }).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('Audit chain: <strong>intact</strong>');
      await oak.get(`/v1/cases/${oakCaseId}/export`).expect(403);
      await manager.get(`/v1/cases/${oakCaseId}/export`).query({ format: 'pdf' }).expect(400);
    });
  });

  describe('hardening', () => {
    it('sends security headers, with a content policy that allows only our own scripts and the import map', async () => {
      const page = await request(stack.app).get('/ui/').expect(200);
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      expect(page.headers['x-powered-by']).toBeUndefined();
    });

    it('limits requests per client and answers 429 in the error shape', async () => {
      const limited = createApp({ db: stack.database.db, pool: stack.pool, uploadMaxBytes: 2 ** 20, temporal: stack.env.client, logger: pino({ level: 'silent' }), auth: stack.auth, payloadKeys: testPayloadKeys, ui: { authMode: 'dev', namespace: 'default' }, taskQueue: 'x', temporalDeadlineMs: 2000, rateLimitPerMinute: 3 });
      for (let i = 0; i < 3; i += 1) await request(limited).get('/v1/openapi.json').expect(200);
      const refused = await request(limited).get('/v1/openapi.json').expect(429);
      expect(refused.body.error).toMatchObject({ code: 'rate_limited' });
    });
  });
});
