import { englandDateOf } from '../../domain/calendar/england-time';
import { apiProcesses } from '../helpers/api-process';
import { startStack } from '../helpers/stack';
import { bearer, users } from '../helpers/users';

/**
 * Issue #6, faults survived: the API process is killed (SIGKILL) while a consent decision is in flight, then
 * started again; the caller retries with the same decision id. The decision is recorded exactly once. The
 * API runs as `npm start` runs it (`dist/api/main.js`), verifying tokens against a JWKS URL (AUTH_MODE=jwks).
 */
describe('the API killed during a decision (separate process, dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let apis: Awaited<ReturnType<typeof apiProcesses>>;

  beforeAll(async () => {
    stack = await startStack('api-restart-it');
    apis = await apiProcesses(stack, 'api-restart-it');
    await (await stack.as('admin')).put('/v1/schools/100003').send({ name: 'Birch Special School', laCode: '938', isSpecial: true }).expect(200);
  });

  afterAll(async () => {
    await apis?.stop();
    await stack?.stop();
  });

  it('records a decision once when the API dies mid-request and the caller retries', async () => {
    const apiUrl = apis.url;
    const api = await apis.start();
    const as = async (user: keyof typeof users) => ({ authorization: await bearer(stack.auth, users[user]), 'content-type': 'application/json' });
    const post = async (user: keyof typeof users, route: string, body: unknown) => fetch(`${apiUrl}${route}`, { method: 'POST', headers: await as(user), body: JSON.stringify(body) });

    const opened = (await (await post('birchSchool', '/v1/concerns', { schoolUrn: '100003', upn: 'H801200001001', reason: 'ehe_written_notice', send: { status: 'ehc_plan', placedByLa: true } })).json()) as { caseId: string };
    const today = englandDateOf(new Date());
    const requested = await post('birchSchool', `/v1/cases/${opened.caseId}/deletion-requests`, { ground: 'F', deleteOn: today, evidence: { writtenNoticeReceived: true, educationOtherwiseFrom: today, saoInForce: false } });
    expect(requested.status).toBe(200);

    const decision = { decisionId: '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', decision: 'grant', reason: 'EHE suitable' };
    const inFlight = post('sendOfficer', `/v1/cases/${opened.caseId}/la-consent`, decision).then((r) => r.status, () => 'connection lost');
    await new Promise((resolve) => setTimeout(resolve, 30));
    api.kill('SIGKILL');
    await inFlight;

    await apis.start();
    const retried = await post('sendOfficer', `/v1/cases/${opened.caseId}/la-consent`, decision);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ decisionId: decision.decisionId, result: 'deleted_from_roll' });

    const granted = await stack.database.db.auditEntry.count({ where: { caseId: opened.caseId, action: 'la_consent_granted' } });
    expect(granted).toBe(1);
    expect(await stack.database.db.notification.count({ where: { caseId: opened.caseId, template: 'deletion_confirmed' } })).toBe(1);
    // Tokens the API did not see from the configured issuer's keys are still refused after the restart.
    const forged = await fetch(`${apiUrl}/v1/cases`, { headers: { authorization: 'Bearer e30.e30.' } });
    expect(forged.status).toBe(401);
  }, 120_000);
});
