import { randomUUID } from 'node:crypto';
import { testUpn } from '../fixtures/register-data';
import { expectDocumented } from '../helpers/contract';
import { startStack, type ApiAgent } from '../helpers/stack';

const LA = '938';
const OAK = '100001';

/**
 * Issue 16's SEND link through the API: the school asks the SEND team to consider an early review of a pupil's
 * EHC plan on an unmet-need barrier, the SEND officer sees it in the inbox and answers; a pupil on SEN support has
 * its request for an EHC needs assessment recorded. Refusals name their field and write nothing. Real API, worker,
 * dev server and database.
 */
describe('the SEND link through the API (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let school: ApiAgent;
  let sendOfficer: ApiAgent;
  let cmeOfficer: ApiAgent;
  const auditOf = async (caseId: string) => (await stack.database.db.auditEntry.findMany({ where: { caseId }, orderBy: { id: 'asc' } })).map((e) => e.action);
  const post = (agent: ApiAgent, caseId: string, path: string, body: object) => agent.post(`/v1/cases/${caseId}/${path}`).send(body);
  /** A support-first case for a pupil with this SEN status, with a barrier of each code given; their ids by code. */
  async function supportCase(upn: number, status: 'ehc_plan' | 'sen_support', codes: string[]) {
    const caseId: string = (await school.post('/v1/concerns').send({ schoolUrn: OAK, upn: testUpn(upn), reason: 'persistent_absence_send', send: { status } }).expect(201)).body.caseId;
    const barriers: Record<string, string> = {};
    for (const code of codes) {
      const plan = (await post(school, caseId, 'support-barriers', { code }).expect(200)).body.result;
      barriers[code] = plan.barriers.at(-1).barrierId;
    }
    return { caseId, barriers };
  }

  beforeAll(async () => {
    stack = await startStack('send-link-it');
    await (await stack.as('admin')).put(`/v1/schools/${OAK}`).send({ name: 'Oak Primary', laCode: LA }).expect(200);
    [school, sendOfficer, cmeOfficer] = await Promise.all([stack.as('oakSchool'), stack.as('sendOfficer'), stack.as('cmeOfficer')]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('the school asks for an early EHC plan review; the SEND team is told, sees it in its inbox, answers; it is on the case, in the export and the timeline', async () => {
    const { caseId, barriers } = await supportCase(1701, 'ehc_plan', ['unmet_send_need']);
    const asked = expectDocumented('post', '/v1/cases/{caseId}/send-requests', await post(school, caseId, 'send-requests', { kind: 'early_ehcp_review', barrierId: barriers.unmet_send_need, reason: 'Speech and language provision not in place' }).expect(200));
    const [request] = asked.body.result.sendRequests;
    expect(request).toMatchObject({ kind: 'early_ehcp_review', barrierId: barriers.unmet_send_need, requestedBy: `school:${OAK}:u-oak` });

    const inbox = expectDocumented('get', '/v1/inbox', await sendOfficer.get('/v1/inbox').expect(200));
    expect(inbox.body.sendRequests).toMatchObject([{ caseId, sendRequests: [{ requestId: request.requestId, kind: 'early_ehcp_review', respondBy: request.respondBy, overdue: false }] }]);
    expect((await cmeOfficer.get('/v1/inbox').expect(200)).body.sendRequests).toBeUndefined();
    const kase = expectDocumented('get', '/v1/cases/{caseId}', await cmeOfficer.get(`/v1/cases/${caseId}`).expect(200));
    expect(kase.body.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ id: `send_request:${request.requestId}`, ruleId: 'SEND-EARLY-REVIEW-RESPONSE', at: request.respondBy })]));

    const answered = expectDocumented('post', '/v1/cases/{caseId}/send-request-answers', await post(sendOfficer, caseId, 'send-request-answers', { requestId: request.requestId, decision: 'agreed', note: 'Early review on the 14th' }).expect(200));
    expect(answered.body.result.sendRequests[0].answer).toMatchObject({ decision: 'agreed', answeredBy: 'la_send_officer:u-send' });
    expect((await sendOfficer.get('/v1/inbox').expect(200)).body.sendRequests).toEqual([]);
    const exported = expectDocumented('get', '/v1/cases/{caseId}/export', await cmeOfficer.get(`/v1/cases/${caseId}/export`).expect(200));
    expect(exported.body.supportPlan.sendRequests).toEqual(answered.body.result.sendRequests);
    const printable = await cmeOfficer.get(`/v1/cases/${caseId}/export?format=html`).expect(200);
    expect(printable.text).toContain('Speech and language provision not in place');
    expect(printable.text).toContain('agreed: Early review on the 14th');

    // The SEND team was asked; the school and the LA CME officer are told its answer.
    const told = await stack.database.db.notification.findMany({ where: { caseId, template: { startsWith: 'send_request' } }, orderBy: { id: 'asc' } });
    expect(told.map((n) => [n.recipient, n.template])).toEqual([
      [`la_send_team:${LA}`, 'send_request:early_ehcp_review'],
      [`school:${OAK}`, 'send_request_answered:agreed'],
      [`la_cme_officer:${LA}`, 'send_request_answered:agreed'],
    ]);
    const timeline = await school.get(`/v1/cases/${caseId}/timeline`).expect(200);
    expect(timeline.body.entries.map((e: { what: string }) => e.what)).toEqual(expect.arrayContaining(['send_request_made', 'send_request_answered']));
  });

  it('for a pupil on SEN support, the LA records the request for an EHC needs assessment with its 6-week clock', async () => {
    const { caseId, barriers } = await supportCase(1702, 'sen_support', ['unmet_send_need']);
    const asked = await post(cmeOfficer, caseId, 'send-requests', { kind: 'ehc_needs_assessment', barrierId: barriers.unmet_send_need, reason: 'Two assess-plan-do-review cycles without progress' }).expect(200);
    expect(asked.body.result.sendRequests).toMatchObject([{ kind: 'ehc_needs_assessment', requestedBy: 'la_cme_officer:u-cme' }]);
    expect(await auditOf(caseId)).toContain('send_request_made');
    const entry = await stack.database.db.auditEntry.findFirst({ where: { caseId, action: 'send_request_made' } });
    expect(entry?.ruleId).toBe('EHC-ASSESSMENT-DECISION');
  });

  it('refuses, naming the field: no EHC plan (422 kind), a barrier not of unmet need (422 barrierId), a role that does not ask (403), a malformed body (400); nothing is written or sent', async () => {
    const { caseId, barriers } = await supportCase(1703, 'sen_support', ['unmet_send_need', 'bullying']);
    const before = await auditOf(caseId);
    const noPlan = expectDocumented('post', '/v1/cases/{caseId}/send-requests', await post(school, caseId, 'send-requests', { kind: 'early_ehcp_review', barrierId: barriers.unmet_send_need, reason: 'Needs not met' }).expect(422));
    expect(noPlan.body.error).toMatchObject({ code: 'refused', field: 'kind', message: expect.stringMatching(/no EHC plan/) });
    const notUnmet = await post(school, caseId, 'send-requests', { kind: 'ehc_needs_assessment', barrierId: barriers.bullying, reason: 'Needs not met' }).expect(422);
    expect(notUnmet.body.error).toMatchObject({ code: 'refused', field: 'barrierId', message: expect.stringMatching(/bullying, not an unmet special educational need/) });
    const wrongRole = await post(sendOfficer, caseId, 'send-requests', { kind: 'ehc_needs_assessment', barrierId: barriers.unmet_send_need, reason: 'Needs not met' }).expect(403);
    expect(wrongRole.body.error.field).toBe('actor.role');
    expect((await post(school, caseId, 'send-requests', { kind: 'tribunal', barrierId: barriers.unmet_send_need, reason: 'x' }).expect(400)).body.error.field).toBe('kind');
    expect((await post(school, caseId, 'send-request-answers', { requestId: randomUUID(), decision: 'agreed', note: 'x' }).expect(403)).body.error.field).toBe('actor.role');
    expect(await auditOf(caseId)).toEqual(before);
    expect(await stack.database.db.notification.count({ where: { caseId, template: { startsWith: 'send_request' } } })).toBe(0);
  });
});
