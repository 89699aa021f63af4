import fc from 'fast-check';
import { openApiDocument } from '../../api/openapi/document';
import { concernReasons } from '../../domain/case';
import { startStack, type ApiAgent } from '../helpers/stack';
import type { TestUser } from '../helpers/users';

const LA = '938';
const OAK = '100001';
const VALID_UPN = 'B801200005001';

/** Strings an attacker or a broken MIS might send. */
const hostile = fc.constantFrom(
  "'; DROP TABLE pupil; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '${jndi:ldap://x}',
  '\u0000',
  'A'.repeat(5000),
  '1e309',
  '2026-02-30',
  '9999-99-99',
  'B801200005002', // a UPN with a wrong check letter
  '10000', // a URN one digit short
);
const anyValue = fc.oneof(fc.jsonValue(), hostile);

/**
 * Issue #6: bad input is refused with a clear 4xx, never a 5xx, and nothing is started or written. Generated
 * bodies mix valid fields with wrong types, hostile strings, unknown fields and missing ones.
 */
describe('bad input, generated (fast-check; dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let school: ApiAgent;
  let officer: ApiAgent;
  let caseId: string;

  beforeAll(async () => {
    stack = await startStack('bad-input-it');
    await (await stack.as('admin')).put(`/v1/schools/${OAK}`).send({ name: 'Oak Primary', laCode: LA }).expect(200);
    school = await stack.as('oakSchool');
    officer = await stack.as('cmeOfficer');
    caseId = (await school.post('/v1/concerns').send({ schoolUrn: OAK, upn: VALID_UPN, reason: 'unexplained_absence' }).expect(201)).body.caseId;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const counts = async () => {
    const db = stack.database.db;
    const [pupils, details, cases, audit, notifications, workflows] = await Promise.all([
      db.pupil.count(), db.childDetails.count(), db.case.count(), db.auditEntry.count(), db.notification.count(), stack.env.client.workflow.count(),
    ]);
    const [schools, terms, closures, ruleSettings, channels, marks, alerts] = await Promise.all([
      db.school.count(), db.laTerm.count(), db.schoolClosure.count(), db.laRuleSetting.count(), db.notificationChannel.count(), db.attendanceMark.count(), db.detectionAlert.count(),
    ]);
    return { pupils, details, cases, audit, notifications, workflows: workflows.count, schools, terms, closures, ruleSettings, channels, marks, alerts };
  };

  /** Sends each generated body; a refusal is a 4xx in the error shape and leaves every count as it was. */
  async function refusesCleanly<T>(send: (body: T) => PromiseLike<{ status: number; body: { error?: { code?: string } } }>, body: fc.Arbitrary<T>, numRuns = 60) {
    await fc.assert(
      fc.asyncProperty(body, async (generated) => {
        const before = await counts();
        const response = await send(generated);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.body.error?.code).toEqual(expect.any(String));
          expect(await counts()).toEqual(before);
        }
      }),
      { numRuns },
    );
  }

  it('POST /v1/concerns', async () => {
    const body = fc.record(
      { schoolUrn: fc.oneof(fc.constant(OAK), anyValue), upn: fc.oneof(fc.constant('D93812340012A'), anyValue), reason: fc.oneof(fc.constantFrom(...concernReasons), anyValue), child: anyValue, extra: anyValue },
      { requiredKeys: [] },
    );
    // A body that happens to be valid may open a case (2xx); the property holds for every refusal.
    await refusesCleanly((b) => school.post('/v1/concerns').send(b), body);
  });

  it('POST /v1/referrals', async () => {
    const body = fc.record({ laCode: fc.oneof(fc.constant(LA), anyValue), referrer: anyValue, child: fc.oneof(fc.record({ givenName: anyValue, familyName: anyValue }), anyValue), upn: anyValue }, { requiredKeys: [] });
    await refusesCleanly((b) => officer.post('/v1/referrals').send(b), body);
  });

  it('decision routes on a live case', async () => {
    const paths = ['deletion-requests', 'la-consent', 'joint-enquiries', 'safeguarding-concerns', 'support-stage', 'trace-steps', 'contact-attempts', 's437-notices', 'close', 'sos-direction', 'cme-reason'];
    const fields = ['ground', 'deleteOn', 'evidence', 'decision', 'reason', 'outcome', 'concern', 'to', 'step', 'method', 'noticeId', 'reference', 'decisionId', 'primaryReason', 'circumstances', 'knownToSocialCare'];
    const body = fc.tuple(fc.constantFrom(...paths), fc.dictionary(fc.constantFrom(...fields), anyValue));
    await refusesCleanly(([path, b]) => school.post(`/v1/cases/${caseId}/${path}`).send(b), body);
  });

  it('every route of the OpenAPI document, and the codec: hostile path parameters, queries and bodies from any role', async () => {
    const roles: TestUser[] = ['admin', 'manager', 'cmeOfficer', 'sendOfficer', 'oakSchool'];
    const agents = Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await stack.as(role)] as const))) as Record<TestUser, ApiAgent>;
    const operations = Object.entries(openApiDocument().paths ?? {}).flatMap(([path, item]) =>
      (['get', 'post', 'put', 'delete'] as const).filter((method) => item[method]).map((method) => ({ method, path })),
    );
    operations.push({ method: 'post', path: '/codec/decode' }, { method: 'post', path: '/codec/encode' });
    expect(operations.length).toBeGreaterThanOrEqual(40);
    // Real identifiers as well as hostile ones, so bodies also meet existing schools, cases and rules.
    const parameter = fc.oneof(fc.constantFrom(caseId, OAK, LA, `police:${LA}`, 'CONSENT-REMINDER'), hostile, fc.string({ minLength: 1 }));
    const query = fc.dictionary(fc.constantFrom('stage', 'schoolUrn', 'format', 'from', 'days', 'page', 'other'), fc.oneof(fc.string(), hostile));
    const csv = fc.array(fc.oneof(fc.string(), hostile), { minLength: 1, maxLength: 4 }).map((lines) => ['school_urn,upn,date,session,code', ...lines].join('\n'));
    const body = fc.oneof(fc.dictionary(fc.string(), anyValue), fc.array(anyValue, { maxLength: 3 }), csv);
    for (const { method, path } of operations) {
      // The route is part of the generated value, so a counterexample names it.
      const request = fc.record({ route: fc.constant(`${method} ${path}`), role: fc.constantFrom(...roles), params: fc.array(parameter, { minLength: 3, maxLength: 3 }), query, body });
      await refusesCleanly(({ role, params, query: q, body: b }) => {
        let n = 0;
        const url = path.replace(/\{\w+\}/g, () => encodeURIComponent(String(params[n++])));
        const call = agents[role][method](url).query(q);
        if (method === 'get' || method === 'delete') return call;
        return typeof b === 'string' ? call.set('content-type', 'text/csv').send(b) : call.send(b);
      }, request, 12);
    }
  }, 300_000);

  it('query strings, path parameters and raw bodies', async () => {
    await refusesCleanly((q) => officer.get('/v1/cases').query(q), fc.dictionary(fc.constantFrom('stage', 'schoolUrn', 'send', 'status', 'deadline', 'page', 'pageSize', 'other'), fc.oneof(fc.string(), hostile)));
    await refusesCleanly((id) => officer.get(`/v1/cases/${encodeURIComponent(String(id))}`), fc.oneof(fc.string({ minLength: 1 }), hostile));
    await refusesCleanly((raw) => school.post('/v1/concerns').set('content-type', 'application/json').send(String(raw)), fc.oneof(fc.string().map((s) => `{${s}`), fc.constant('{"schoolUrn":'), fc.constant('[1,2')));
    const huge = await school.post('/v1/concerns').send({ schoolUrn: OAK, upn: VALID_UPN, reason: 'no_show', child: { givenName: 'x'.repeat(200_000), familyName: 'y' } });
    expect(huge.status).toBe(413);
    // A request line past Node's 16 KB limit is refused by its parser, before Express: still in the error shape.
    const longUrl = await officer.get('/v1/cases').query({ stage: 'A'.repeat(20_000) });
    expect(longUrl.status).toBe(431);
    expect(longUrl.body.error).toMatchObject({ code: 'headers_too_large' });
  });

  it('a school not on the register, in a report or a new-pupil return: 422 unknown_school naming schoolUrn, nothing written', async () => {
    const manager = await stack.as('manager');
    const before = await counts();
    const concern = await officer.post('/v1/concerns').send({ schoolUrn: '199999', upn: 'D93812340012A', reason: 'no_show' }).expect(422);
    expect(concern.body.error).toMatchObject({ code: 'unknown_school', field: 'schoolUrn' });
    // A school user naming it (it cannot act for it) and a return: the same answer.
    const elsewhere = await school.post('/v1/new-pupil-returns').send({ schoolUrn: '199999', upn: VALID_UPN, registeredOn: '2026-11-30' }).expect(422);
    expect(elsewhere.body.error).toMatchObject({ code: 'unknown_school', field: 'schoolUrn' });
    // In a path, an unregistered school is not found.
    await manager.get('/v1/schools/199999/closures').expect(404);
    expect(await counts()).toEqual(before);
  });
});
