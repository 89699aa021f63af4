import { triggerRules } from '../../domain/triggers';
import { getCaseState, raiseSafeguardingConcern } from '../../workflows/case-messages';
import { actors, rejection, withOpenCase } from '../helpers/case-harness';
import { fakeActivities } from '../helpers/fake-activities';
import { recordHistory } from '../helpers/histories';
import { useTimeSkippingEnv } from '../helpers/temporal';

const DAY = 24 * 60 * 60 * 1000;
const addresses: Record<string, string> = {
  laCmeOfficer: 'la_cme_officer:938',
  sendTeam: 'la_send_team:938',
  laEheTeam: 'la_ehe_team:938',
  laHealthOfficer: 'la_health_officer:938',
};

describe('triggers that open a case, and their first clocks (time-skipping server)', () => {
  const env = useTimeSkippingEnv();

  it.each(Object.values(triggerRules).map((rule) => [`${rule.id}: ${rule.title} (${rule.source})`, rule] as const))('%s', async (_name, trigger) => {
    const fakes = fakeActivities();
    await withOpenCase(
      env(),
      fakes,
      async (handle) => {
        const state = await handle.query(getCaseState);
        expect(state.stage).toBe(trigger.stage);
        expect(fakes.events[0]).toMatchObject({ action: 'case_opened', ruleId: trigger.id });
        expect(fakes.notifications.map((n) => n.recipient)).toEqual(trigger.notify.map((party) => addresses[party]));

        if (trigger.stage === 'support_first') expect(state.support?.stage).toBe('monitor');
        if (!trigger.clock) {
          expect(state.deadlines.filter((d) => d.kind === 'opening_clock')).toEqual([]);
          return;
        }
        expect(state.nextDeadline?.ruleId).toBe(trigger.clock.rule.id);
        await env().sleep(Date.parse(state.nextDeadline!.at) - Date.now() + DAY);
        expect((await handle.query(getCaseState)).stage).toBe('escalated_to_la');
        const lapsed = fakes.notifications.filter((n) => n.step.startsWith('deadline_passed'));
        // A clock whose duty is the school's (T1's reason, T11's Lost Pupils CTF) tells the school too.
        const schoolTold = trigger.clock.schoolDuty ? [{ recipient: 'school:100001', template: trigger.clock.schoolDuty, ruleId: trigger.clock.rule.id }] : [];
        expect(lapsed).toMatchObject([{ recipient: 'la_cme_officer:938', template: 'deadline_passed', ruleId: trigger.clock.rule.id }, ...schoolTold]);
      },
      trigger.reason,
    );
  });

  it('PART-TIME-NOTIFY (G10, local practice): an LA that does not ask to be told of part-time timetables is not told', async () => {
    const fakes = fakeActivities({ policy: { 'PART-TIME-NOTIFY': false } });
    await withOpenCase(env(), fakes, async () => expect(fakes.notifications).toEqual([]), 'part_time_timetable');
  });

  it('S19-SLA (G9, local practice): the LA sets the days for its s19 decision', async () => {
    const fakes = fakeActivities({ policy: { 'S19-SLA': 2 } });
    await withOpenCase(
      env(),
      fakes,
      async (handle) => {
        const state = await handle.query(getCaseState);
        expect(state.nextDeadline?.title).toMatch(/\(2 school days;/);
      },
      'sickness_expected_15_days',
    );
  });
});

describe('the safeguarding track (SAFEGUARDING-REFERRAL, T14)', () => {
  const env = useTimeSkippingEnv();

  it("refers at once to children's social care and police, tells the social worker, and leaves the attendance process where it was", async () => {
    const fakes = fakeActivities();
    await withOpenCase(env(), fakes, async (handle) => {
      await handle.executeUpdate(raiseSafeguardingConcern, { args: [{ referralId: 's-1', actor: actors.school, concern: 'risk_of_harm' }] });
      await handle.executeUpdate(raiseSafeguardingConcern, { args: [{ referralId: 's-2', actor: actors.cmeOfficer, concern: 'has_social_worker' }] });
      expect(fakes.notifications.slice(1).map((n) => [n.recipient, n.ruleId])).toEqual([
        ['childrens_social_care:938', 'SAFEGUARDING-REFERRAL'],
        ['police:938', 'SAFEGUARDING-REFERRAL'],
        ['social_worker_of_child:938', 'T14'],
      ]);
      const state = await handle.query(getCaseState);
      expect(state.stage).toBe('awaiting_reason');
      expect(state.safeguarding.map((r) => r.concern)).toEqual(['risk_of_harm', 'has_social_worker']);

      await expect(handle.executeUpdate(raiseSafeguardingConcern, { args: [{ referralId: 's-1', actor: actors.school, concern: 'missing_child' }] })).rejects.toMatchObject(rejection(/^referralId/));
      await expect(handle.executeUpdate(raiseSafeguardingConcern, { args: [{ referralId: 's-3', actor: actors.otherSchool, concern: 'missing_child' }] })).rejects.toMatchObject(rejection(/^actor.schoolUrn/));
      await recordHistory('safeguarding-referrals', handle);
    });
  });
});
