import { testUpn } from '../fixtures/register-data';
import { expectDocumented } from '../helpers/contract';
import { startStack, type ApiAgent } from '../helpers/stack';

const LA = '938';
const OAK = '100001';
const ELM = '100002';

/**
 * Issue 16: a support plan built by two parties, the school's SENCo and the LA's SEND officer, through the API,
 * with the validators' refusals naming their field and nothing written for them. Real API, worker, dev server and database.
 */
describe('a support plan through the API (dev server, real database)', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let senco: ApiAgent;
  let sendOfficer: ApiAgent;
  let cmeOfficer: ApiAgent;
  let caseId: string;
  const auditOf = async () => (await stack.database.db.auditEntry.findMany({ where: { caseId }, orderBy: { id: 'asc' } })).map((e) => e.action);
  const post = (agent: ApiAgent, path: string, body: object) => agent.post(`/v1/cases/${caseId}/${path}`).send(body);

  beforeAll(async () => {
    stack = await startStack('support-plan-it');
    const admin = await stack.as('admin');
    for (const [urn, name] of [[OAK, 'Oak Primary'], [ELM, 'Elm Academy']]) await admin.put(`/v1/schools/${urn}`).send({ name, laCode: LA }).expect(200);
    [senco, sendOfficer, cmeOfficer] = await Promise.all([stack.as('oakSchool'), stack.as('sendOfficer'), stack.as('cmeOfficer')]);
    caseId = (await senco.post('/v1/concerns').send({ schoolUrn: OAK, upn: testUpn(1601), reason: 'persistent_absence_send' }).expect(201)).body.caseId;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('the SENCo records a barrier and an action, the SEND officer another action; both are on the case, in the export, and each owner is told', async () => {
    const barrier = expectDocumented('post', '/v1/cases/{caseId}/support-barriers', await post(senco, 'support-barriers', { code: 'emotionally_based_school_avoidance' }).expect(200));
    expect(barrier.body.result.barriers).toEqual([expect.objectContaining({ code: 'emotionally_based_school_avoidance', identifiedBy: `school:${OAK}:u-oak` })]);
    const mine = await post(senco, 'support-actions', { owner: 'senco', what: 'Weekly check-in with a trusted adult', dueInSchoolDays: 5 }).expect(200);
    const theirs = await post(sendOfficer, 'support-actions', { owner: 'la_send_team', what: 'Advise the school on reasonable adjustments', dueInSchoolDays: 15 }).expect(200);
    expectDocumented('post', '/v1/cases/{caseId}/support-actions', theirs);
    const [sencoAction, sendAction] = theirs.body.result.actions;
    expect(mine.body.result.actions).toHaveLength(1);
    expect([sencoAction, sendAction]).toMatchObject([
      { owner: 'senco', status: 'open', dueInSchoolDays: 5, assignedBy: `school:${OAK}:u-oak` },
      { owner: 'la_send_team', status: 'open', dueInSchoolDays: 15, assignedBy: 'la_send_officer:u-send' },
    ]);

    const kase = expectDocumented('get', '/v1/cases/{caseId}', await cmeOfficer.get(`/v1/cases/${caseId}`).expect(200));
    expect(kase.body.supportPlan).toEqual(theirs.body.result);
    expect(kase.body.deadlines.filter((d: { kind: string }) => d.kind === 'support_action').map((d: { id: string }) => d.id)).toEqual([`support_action:${sencoAction.actionId}`, `support_action:${sendAction.actionId}`]);

    await post(sendOfficer, 'support-action-status', { actionId: sencoAction.actionId, status: 'done' }).expect(200);
    const review = await post(cmeOfficer, 'support-reviews', { outcomes: [{ actionId: sendAction.actionId, outcome: 'progressing' }], nextStep: 'continue', note: 'Mornings attended this fortnight' }).expect(200);
    expect(review.body.result.reviews).toMatchObject([{ reviewedBy: 'la_cme_officer:u-cme', nextStep: 'continue', outcomes: [{ actionId: sendAction.actionId, outcome: 'progressing' }] }]);

    const exported = expectDocumented('get', '/v1/cases/{caseId}/export', await cmeOfficer.get(`/v1/cases/${caseId}/export`).expect(200));
    expect(exported.body.supportPlan).toEqual(review.body.result);
    const html = await cmeOfficer.get(`/v1/cases/${caseId}/export?format=html`).expect(200);
    expect(html.text).toContain('Advise the school on reasonable adjustments');

    const notified = await stack.database.db.notification.findMany({ where: { caseId, template: { startsWith: 'support_action_assigned' } }, orderBy: { id: 'asc' } });
    expect(notified.map((n) => [n.recipient, n.template])).toEqual([[`school:${OAK}`, 'support_action_assigned:senco'], [`la_send_team:${LA}`, 'support_action_assigned:la_send_team']]);
    expect(await auditOf()).toEqual(expect.arrayContaining(['support_barrier_recorded', 'support_action_added', 'support_action_status_changed', 'support_review_recorded']));
    const timeline = await senco.get(`/v1/cases/${caseId}/timeline`).expect(200);
    expect(timeline.body.entries.filter((e: { what: string }) => e.what.startsWith('support_')).map((e: { what: string }) => e.what)).toEqual(
      expect.arrayContaining(['support_barrier_recorded', 'support_action_added', 'support_review_recorded']),
    );
  });

  it('refuses, naming the field, a barrier not on the list (422), a malformed action (400), a role that is not a party (403), a school not of the case (404); nothing is written', async () => {
    const before = await auditOf();
    const offList = expectDocumented('post', '/v1/cases/{caseId}/support-barriers', await post(senco, 'support-barriers', { code: 'not_on_the_list' }).expect(422));
    expect(offList.body.error).toMatchObject({ field: 'code', message: expect.stringMatching(/SUPPORT-BARRIERS/) });
    const malformed = await post(senco, 'support-actions', { owner: 'senco', what: 'x', dueInSchoolDays: 0 }).expect(400);
    expect(malformed.body.error.field).toBe('dueInSchoolDays');
    expect((await post(senco, 'support-actions', { owner: 'the_head', what: 'x', dueInSchoolDays: 3 }).expect(400)).body.error.field).toBe('owner');
    const manager = await stack.as('manager');
    expect((await post(manager, 'support-actions', { owner: 'school', what: 'Call the family', dueInSchoolDays: 3 }).expect(403)).body.error.field).toBe('actor.role');
    await post(await stack.as('elmSchool'), 'support-barriers', { code: 'bullying' }).expect(404);
    const missing = await post(cmeOfficer, 'support-reviews', { outcomes: [], nextStep: 'continue', note: 'no actions reviewed' }).expect(422);
    expect(missing.body.error.reasons).toEqual([expect.stringMatching(/^outcomes: no outcome for open action/)]);
    expect(await auditOf()).toEqual(before);
  });
});
