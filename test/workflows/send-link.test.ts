import { toPrincipal } from '../../api/auth/principal';
import { inboxOf } from '../../read-model/inbox';
import { getCaseState } from '../../workflows/case-messages';
import { answerSendRequest, requestSendReview, type RequestSendInput } from '../../workflows/send-link-messages';
import { recordBarrier } from '../../workflows/support-plan-messages';
import { actors, refusal, rejection } from '../helpers/case-harness';
import { recordHistory } from '../helpers/histories';
import { eventually, schoolActor, useRecordedCases } from '../helpers/recorded-cases';
import { users } from '../helpers/users';

const DAY = 24 * 60 * 60 * 1000;
const BIRCH = '100003';
const senco = schoolActor(BIRCH);
const sendOfficer = toPrincipal(users.sendOfficer);
const cmeOfficer = toPrincipal(users.cmeOfficer);

/** SEND-EARLY-REVIEW-RESPONSE (local, default 10 school days) and EHC-ASSESSMENT-DECISION (6 weeks) with the real activities and read model. */
describe('the SEND link (time-skipping, real read model)', () => {
  const { env, db, now, withRecordedCase } = useRecordedCases();

  beforeAll(async () => {
    await db().school.create({ data: { urn: BIRCH, name: 'Birch Special School', laCode: '938', isSpecial: true } });
  });

  it('SEND-EARLY-REVIEW-RESPONSE: an early EHCP review request runs its clock; the SEND team is told at request and at lapse, and its inbox shows it overdue until answered', async () => {
    const pupil = await db().pupil.create({ data: { schoolUrn: BIRCH, senStatus: 'ehc_plan', placedByLa: true } });
    await withRecordedCase({ id: pupil.id, schoolUrn: BIRCH }, 'persistent_absence_send', async (handle, caseId) => {
      await handle.executeUpdate(recordBarrier, { args: [{ actor: senco, barrierId: 'b-anxiety', code: 'mental_health' }] });
      await handle.executeUpdate(recordBarrier, { args: [{ actor: senco, barrierId: 'b-unmet', code: 'unmet_send_need' }] });
      const ask = (input: Partial<RequestSendInput>) =>
        handle.executeUpdate(requestSendReview, { args: [{ actor: senco, requestId: 'r-1', kind: 'early_ehcp_review', barrierId: 'b-unmet', reason: 'Provision in section F not delivered', ...input }] });
      await expect(ask({ barrierId: 'b-anxiety' })).rejects.toMatchObject(refusal(/^barrierId: the barrier is mental_health, not an unmet special educational need/));
      await expect(ask({ kind: 'ehc_needs_assessment', reason: ' ' })).rejects.toMatchObject(refusal(/^kind: the register shows the pupil not on SEN support \(ehc_plan\)/, /^reason: is required/));
      await expect(ask({ actor: actors.sendOfficer })).rejects.toMatchObject(rejection(/^actor.role/));

      await ask({});
      await ask({});
      const [request] = (await handle.query(getCaseState)).supportPlan?.sendRequests ?? [];
      if (!request) throw new Error('the request is not on the plan');
      expect(request).toMatchObject({ kind: 'early_ehcp_review', barrierId: 'b-unmet', requestedBy: `school:${BIRCH}:${senco.userId}` });
      const sent = async () => (await db().notification.findMany({ where: { caseId, recipient: 'la_send_team:938', template: { startsWith: 'send_request' } }, orderBy: { id: 'asc' } })).map((n) => n.template);
      expect(await eventually(sent, (rows) => rows.length > 0)).toEqual(['send_request:early_ehcp_review']);
      const requestsFor = async (principal: typeof sendOfficer) => (await inboxOf(db(), principal, await now())).sendRequests;
      expect(await requestsFor(sendOfficer)).toMatchObject([{ caseId, sendRequests: [{ requestId: 'r-1', kind: 'early_ehcp_review', respondBy: request.respondBy, overdue: false }] }]);
      expect(await requestsFor(cmeOfficer)).toBeUndefined();

      // Ten school days on the school's calendar, then a day past them.
      await env().sleep(Date.parse(request.respondBy) - (await now()).getTime() + DAY);
      expect(await eventually(sent, (rows) => rows.length > 1)).toEqual(['send_request:early_ehcp_review', 'send_request_lapsed:early_ehcp_review']);
      expect(await eventually(() => requestsFor(sendOfficer), (rows) => rows?.[0]?.sendRequests[0]?.overdue === true)).toMatchObject([{ caseId, sendRequests: [{ requestId: 'r-1', overdue: true }] }]);
      expect((await handle.query(getCaseState)).supportPlan?.sendRequests?.[0]?.lapsedAt).toBe(request.respondBy);
      expect(await db().auditEntry.findMany({ where: { caseId, action: { startsWith: 'send_request' } }, select: { action: true, ruleId: true }, orderBy: { occurredAt: 'asc' } })).toEqual([
        { action: 'send_request_made', ruleId: 'SEND-EARLY-REVIEW-RESPONSE' },
        { action: 'send_request_lapsed', ruleId: 'SEND-EARLY-REVIEW-RESPONSE' },
      ]);

      await expect(handle.executeUpdate(answerSendRequest, { args: [{ actor: senco, requestId: 'r-1', decision: 'agreed', note: 'x' }] })).rejects.toMatchObject(rejection(/^actor.role/));
      await handle.executeUpdate(answerSendRequest, { args: [{ actor: actors.sendOfficer, requestId: 'r-1', decision: 'agreed', note: 'Early review booked' }] });
      expect(await eventually(() => requestsFor(sendOfficer), (rows) => rows?.length === 0)).toEqual([]);
      // The school that asked and the case's officer are told the answer (patched: send-answer-told).
      const told = async () => (await db().notification.findMany({ where: { caseId, template: 'send_request_answered:agreed' }, orderBy: { recipient: 'asc' } })).map((n) => n.recipient);
      expect(await eventually(told, (rows) => rows.length > 1)).toEqual([`la_cme_officer:938`, `school:${BIRCH}`]);
      await recordHistory('send-link-early-review-lapsed', handle);
    });
  });

  it('EHC-ASSESSMENT-DECISION: for a pupil on SEN support the request for an EHC needs assessment is recorded with its 6-week clock; an early review is refused', async () => {
    const pupil = await db().pupil.create({ data: { schoolUrn: BIRCH, senStatus: 'sen_support' } });
    await withRecordedCase({ id: pupil.id, schoolUrn: BIRCH }, 'persistent_absence_send', async (handle) => {
      await handle.executeUpdate(recordBarrier, { args: [{ actor: senco, barrierId: 'b-unmet', code: 'unmet_send_need' }] });
      const input = { actor: actors.cmeOfficer, requestId: 'r-2', barrierId: 'b-unmet', reason: 'Needs beyond SEN support after two cycles' };
      await expect(handle.executeUpdate(requestSendReview, { args: [{ ...input, kind: 'early_ehcp_review' }] })).rejects.toMatchObject(refusal(/^kind: the register shows no EHC plan for the pupil \(sen_support\)/));
      const before = await now();
      await handle.executeUpdate(requestSendReview, { args: [{ ...input, kind: 'ehc_needs_assessment' }] });
      const state = await handle.query(getCaseState);
      const clock = state.deadlines.find((d) => d.id === 'send_request:r-2');
      expect(clock).toMatchObject({ kind: 'send_request', ruleId: 'EHC-ASSESSMENT-DECISION', unit: 'days' });
      // Six weeks of days: the end of the 42nd day after today, in England.
      const days = (Date.parse(clock?.at ?? '') - before.getTime()) / DAY;
      expect(days).toBeGreaterThan(42);
      expect(days).toBeLessThanOrEqual(43);
    });
  });
});
