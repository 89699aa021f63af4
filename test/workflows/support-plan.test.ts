import { toPrincipal } from '../../api/auth/principal';
import { inboxOf } from '../../read-model/inbox';
import { advanceSupportStage, getCaseState } from '../../workflows/case-messages';
import { addPlanAction, recordBarrier, recordSupportReview, setPlanActionStatus } from '../../workflows/support-plan-messages';
import { actors, refusal, rejection, withOpenCase } from '../helpers/case-harness';
import { fakeActivities } from '../helpers/fake-activities';
import { recordHistory } from '../helpers/histories';
import { eventually, schoolActor, useRecordedCases } from '../helpers/recorded-cases';
import { useTimeSkippingEnv } from '../helpers/temporal';
import { users } from '../helpers/users';

const DAY = 24 * 60 * 60 * 1000;
const OAK = '100001';
const senco = schoolActor(OAK);
const oakSchool = toPrincipal(users.oakSchool);
const cmeOfficer = toPrincipal(users.cmeOfficer);
const sendOfficer = toPrincipal(users.sendOfficer);

/** SUPPORT-ACTION-DUE (WTISA, inferred) with the real activities and read model: a lapsed action reaches its owner and the case officer. */
describe('a support plan action falls due and lapses (time-skipping, real read model)', () => {
  const { env, db, now, withRecordedCase } = useRecordedCases();

  beforeAll(async () => {
    await db().school.create({ data: { urn: OAK, name: 'Oak Primary', laCode: '938' } });
  });

  it('SUPPORT-BARRIERS and SUPPORT-ACTION-DUE: the SENCo records a barrier and an action, the LA another; the lapsed one is told to its owner and the officer and stays in their inboxes until done', async () => {
    const pupil = await db().pupil.create({ data: { schoolUrn: OAK, senStatus: 'sen_support' } });
    await withRecordedCase({ id: pupil.id, schoolUrn: OAK }, 'persistent_absence_send', async (handle, caseId) => {
      await expect(handle.executeUpdate(recordBarrier, { args: [{ actor: senco, barrierId: 'b-0', code: 'not_on_the_list' }] })).rejects.toMatchObject(rejection(/^code: not_on_the_list is not on the LA's list/));
      await expect(handle.executeUpdate(recordBarrier, { args: [{ actor: actors.manager, barrierId: 'b-0', code: 'bullying' }] })).rejects.toMatchObject(rejection(/^actor.role/));
      await handle.executeUpdate(recordBarrier, { args: [{ actor: senco, barrierId: 'b-1', code: 'emotionally_based_school_avoidance' }] });
      await handle.executeUpdate(addPlanAction, { args: [{ actor: senco, actionId: 'a-senco', owner: 'senco', what: 'Weekly check-in with a trusted adult', dueInSchoolDays: 5 }] });
      await handle.executeUpdate(addPlanAction, { args: [{ actor: actors.sendOfficer, actionId: 'a-send', owner: 'la_send_team', what: 'Advise on an early review of support', dueInSchoolDays: 15 }] });

      const plan = (await handle.query(getCaseState)).supportPlan;
      expect(plan?.barriers).toEqual([expect.objectContaining({ code: 'emotionally_based_school_avoidance', identifiedBy: `school:${OAK}:${senco.userId}` })]);
      const sencoAction = plan?.actions.find((a) => a.actionId === 'a-senco');
      if (!sencoAction) throw new Error('the SENCo action is not on the plan');
      const sent = async () => (await db().notification.findMany({ where: { caseId }, orderBy: { id: 'asc' } })).map((n) => [n.recipient, n.template]);
      expect(await sent()).toEqual(expect.arrayContaining([[`school:${OAK}`, 'support_action_assigned:senco'], ['la_send_team:938', 'support_action_assigned:la_send_team']]));
      expect((await inboxOf(db(), oakSchool, await now())).supportActionsLapsed).toEqual([]);

      // Past the SENCo action's 5 school days, with the LA's still running.
      await env().sleep(Date.parse(sencoAction.dueAt) - (await now()).getTime() + DAY);
      const lapsedFor = async (principal: typeof oakSchool) => (await inboxOf(db(), principal, await now())).supportActionsLapsed ?? [];
      const schoolLapsed = await eventually(() => lapsedFor(oakSchool), (rows) => rows.length > 0);
      const expected = [{ caseId, lapsedActions: [{ actionId: 'a-senco', owner: 'senco', what: 'Weekly check-in with a trusted adult', dueAt: sencoAction.dueAt }] }];
      expect(schoolLapsed).toMatchObject(expected);
      expect(await lapsedFor(cmeOfficer)).toMatchObject(expected);
      expect(await lapsedFor(sendOfficer)).toEqual([]);
      const told = await eventually(sent, (rows) => rows.some(([, template]) => template === 'support_action_lapsed'));
      expect(told).toEqual(expect.arrayContaining([[`school:${OAK}`, 'support_action_lapsed:senco'], ['la_cme_officer:938', 'support_action_lapsed']]));
      expect(told.filter(([, template]) => template?.startsWith('support_action_lapsed'))).toHaveLength(2);
      expect(await db().auditEntry.count({ where: { caseId, action: 'support_action_lapsed' } })).toBe(1);

      await handle.executeUpdate(setPlanActionStatus, { args: [{ actor: senco, actionId: 'a-senco', status: 'done' }] });
      await expect(handle.executeUpdate(setPlanActionStatus, { args: [{ actor: senco, actionId: 'a-senco', status: 'dropped' }] })).rejects.toMatchObject(rejection(/^actionId: the action is already done/));
      expect(await eventually(() => lapsedFor(cmeOfficer), (rows) => rows.length === 0)).toEqual([]);
      expect(await lapsedFor(oakSchool)).toEqual([]);
      await recordHistory('support-plan-action-lapsed', handle);
    });
  });
});

describe('support plan reviews (time-skipping server)', () => {
  const env = useTimeSkippingEnv();

  it('SUPPORT-REVIEW (local): reviews recur, ask the owners of open actions, record each action\'s outcome and the next step; formalising moves the stage', async () => {
    const fakes = fakeActivities({ policy: { 'SUPPORT-REVIEW': 10 } });
    await withOpenCase(
      env(),
      fakes,
      async (handle) => {
        await handle.executeUpdate(addPlanAction, { args: [{ actor: actors.school, actionId: 'a-1', owner: 'school', what: 'Part-day return with a named adult', dueInSchoolDays: 40 }] });
        await handle.executeUpdate(addPlanAction, { args: [{ actor: actors.cmeOfficer, actionId: 'a-2', owner: 'educational_psychology', what: 'Assessment of needs', dueInSchoolDays: 40 }] });
        await expect(
          handle.executeUpdate(addPlanAction, { args: [{ actor: actors.school, actionId: 'a-3', owner: 'school', what: ' ', dueInSchoolDays: 0 }] }),
        ).rejects.toMatchObject(refusal(/^what: is required/, /^dueInSchoolDays: a whole number/));

        const sleepPastReview = async () => {
          const review = (await handle.query(getCaseState)).deadlines.find((d) => d.kind === 'support_review');
          if (!review) throw new Error('the review clock is not running');
          await env().sleep(Date.parse(review.at) - (await env().currentTimeMs()) + DAY);
        };
        await sleepPastReview();
        const reviewsDue = () => fakes.notifications.filter((n) => n.template === 'support_review_due').map((n) => n.recipient);
        expect(reviewsDue()).toEqual(['school:100001', 'la_cme_officer:938', 'la_educational_psychology:938']);

        await expect(
          handle.executeUpdate(recordSupportReview, { args: [{ actor: actors.school, reviewId: 'r-0', outcomes: [{ actionId: 'a-1', outcome: 'done' }], nextStep: 'continue', note: 'first review' }] }),
        ).rejects.toMatchObject(refusal(/^outcomes: no outcome for open action a-2/));
        await handle.executeUpdate(recordSupportReview, {
          args: [{ actor: actors.school, reviewId: 'r-1', outcomes: [{ actionId: 'a-1', outcome: 'done' }, { actionId: 'a-2', outcome: 'progressing' }], nextStep: 'continue', note: 'attending mornings' }],
        });
        let state = await handle.query(getCaseState);
        expect(state.supportPlan?.actions.map((a) => [a.actionId, a.status])).toEqual([['a-1', 'done'], ['a-2', 'open']]);
        expect(state.deadlines.filter((d) => d.kind === 'support_action').map((d) => d.id)).toEqual(['support_action:a-2']);

        // The next review falls due a review period after the one held, and asks the owner of the open action again.
        await sleepPastReview();
        expect(reviewsDue()).toEqual(['school:100001', 'la_cme_officer:938', 'la_educational_psychology:938', 'school:100001', 'la_cme_officer:938', 'la_educational_psychology:938']);
        await expect(
          handle.executeUpdate(recordSupportReview, { args: [{ actor: actors.school, reviewId: 'r-2', outcomes: [{ actionId: 'a-2', outcome: 'dropped' }], nextStep: 'enforce', note: 'no engagement' }] }),
        ).rejects.toMatchObject(rejection(/^actor.role: only the LA/));
        await handle.executeUpdate(recordSupportReview, { args: [{ actor: actors.cmeOfficer, reviewId: 'r-2', outcomes: [{ actionId: 'a-2', outcome: 'dropped' }], nextStep: 'formalise', note: 'parenting contract proposed' }] });

        state = await handle.query(getCaseState);
        expect(state.support?.stage).toBe('formalise_support');
        expect(state.supportPlan?.reviews.map((r) => [r.reviewId, r.nextStep, r.outcomes.map((o) => o.outcome).join(',')])).toEqual([
          ['r-1', 'continue', 'done,progressing'],
          ['r-2', 'formalise', 'dropped'],
        ]);
        expect(fakes.events.filter((e) => e.action === 'support_review_recorded').map((e) => e.detail?.outcomes)).toEqual(['a-1=done, a-2=progressing', 'a-2=dropped']);
        expect(fakes.events.filter((e) => e.action === 'support_stage_changed').map((e) => e.detail?.to)).toEqual(['formalise_support']);
        // The read model gets every version of the plan in order.
        expect(fakes.plans.map((p) => p.version)).toEqual([1, 2, 3, 4]);
        await expect(handle.executeUpdate(advanceSupportStage, { args: [{ actor: actors.school, to: 'formalise_support', reason: 'again' }] })).rejects.toMatchObject(rejection(/already at/));
        await recordHistory('support-plan-reviews', handle);
      },
      'persistent_absence_send',
    );
  });
});
