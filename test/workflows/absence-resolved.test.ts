import { addCalendarDays } from '../../domain/calendar/iso-date';
import { getCaseState, recordBackInSchool, recordReasonEstablished } from '../../workflows/case-messages';
import { actors, refusal, rejection, withOpenCase } from '../helpers/case-harness';
import { fakeActivities } from '../helpers/fake-activities';
import { recordHistory } from '../helpers/histories';
import { useTimeSkippingEnv } from '../helpers/temporal';

const DAY = 24 * 60 * 60 * 1000;
const { school, otherSchool, cmeOfficer, manager } = actors;

describe('the school answers an absence: reason established, child back in school (time-skipping server)', () => {
  const env = useTimeSkippingEnv();

  it('T1 (SAR24 reg 10(7)-(9) [S]): the reason established with code I stops the opening clock, is audited under T1, and the case monitors the absent child', async () => {
    const fakes = fakeActivities();
    await withOpenCase(env(), fakes, async (handle) => {
      expect((await handle.query(getCaseState)).deadlines.map((d) => d.kind)).toEqual(['opening_clock']);
      expect(await handle.executeUpdate(recordReasonEstablished, { args: [{ actor: school, reasonCode: 'I' }] })).toBe('support_first');

      const state = await handle.query(getCaseState);
      expect(state.deadlines.map((d) => d.kind)).toEqual(['support_review']);
      expect(state.support?.stage).toBe('monitor');
      // The read model's row takes the stage the step leads to.
      expect(fakes.events.map((e) => [e.action, e.ruleId, e.stage, e.detail])).toContainEqual(['reason_established', 'T1', 'support_first', { reasonCode: 'I', category: 'authorised_absence' }]);
      // The clock that would have escalated to the LA is gone: past its 5 school days nothing lapses.
      await env().sleep(10 * DAY);
      expect((await handle.query(getCaseState)).stage).toBe('support_first');
      expect(fakes.events.map((e) => e.action)).not.toContain('deadline_passed');
      // Not escalated: the LA was told only of the opening.
      expect(fakes.notifications.map((n) => n.template)).not.toContain('reason_established');
    });
  });

  it('T1: after the clock ran out, the reason established tells the LA CME officer; a present code (late, L) closes the case located and attending', async () => {
    const fakes = fakeActivities();
    await withOpenCase(env(), fakes, async (handle) => {
      const { nextDeadline } = await handle.query(getCaseState);
      await env().sleep(Date.parse(nextDeadline!.at) - (await env().currentTimeMs()) + DAY);
      expect((await handle.query(getCaseState)).stage).toBe('escalated_to_la');
      expect(await handle.executeUpdate(recordReasonEstablished, { args: [{ actor: school, reasonCode: 'L' }] })).toBe('closed');

      const state = await handle.query(getCaseState);
      expect(state).toMatchObject({ outcome: 'located_and_attending', deadlines: [], overdue: [] });
      expect(fakes.events.map((e) => [e.action, e.ruleId])).toEqual(expect.arrayContaining([['reason_established', 'T1'], ['case_closed', 'T1']]));
      expect(fakes.notifications.map((n) => [n.recipient, n.template, n.ruleId])).toContainEqual(['la_cme_officer:938', 'reason_established', 'T1']);
      await recordHistory('reason-established-after-escalation', handle);
    });
  });

  it('T1: only the case school or the LA CME officer, only an open T1 stage, only a 2024 code other than N', async () => {
    const fakes = fakeActivities();
    await withOpenCase(env(), fakes, async (handle) => {
      await expect(handle.executeUpdate(recordReasonEstablished, { args: [{ actor: otherSchool, reasonCode: 'I' }] })).rejects.toMatchObject(rejection(/^actor\.schoolUrn/));
      await expect(handle.executeUpdate(recordReasonEstablished, { args: [{ actor: manager, reasonCode: 'I' }] })).rejects.toMatchObject(rejection(/^actor\.role/));
      await expect(handle.executeUpdate(recordReasonEstablished, { args: [{ actor: school, reasonCode: 'N' }] })).rejects.toMatchObject(refusal(/^reasonCode: N /));
      await expect(handle.executeUpdate(recordReasonEstablished, { args: [{ actor: school, reasonCode: 'ZZ' }] })).rejects.toMatchObject(refusal(/^reasonCode: ZZ /));
      expect(fakes.events.map((e) => e.action)).toEqual(['case_opened']);

      expect(await handle.executeUpdate(recordReasonEstablished, { args: [{ actor: cmeOfficer, reasonCode: 'G' }] })).toBe('support_first');
      await expect(handle.executeUpdate(recordReasonEstablished, { args: [{ actor: school, reasonCode: 'I' }] })).rejects.toMatchObject(rejection(/^stage: not allowed while the case is support_first/));
    });
  });

  it('T1: a case that did not open on an unexplained absence has no code N to replace', async () => {
    const fakes = fakeActivities();
    await withOpenCase(
      env(),
      fakes,
      async (handle) => {
        const { nextDeadline } = await handle.query(getCaseState);
        await env().sleep(Date.parse(nextDeadline!.at) - (await env().currentTimeMs()) + DAY);
        expect((await handle.query(getCaseState)).stage).toBe('escalated_to_la');
        await expect(handle.executeUpdate(recordReasonEstablished, { args: [{ actor: school, reasonCode: 'I' }] })).rejects.toMatchObject(refusal(/^caseId: this case did not open on an unexplained absence/));
      },
      'leaver_unknown_destination',
    );
  });

  it('the child back in school closes the case located and attending, stops every clock and tells the LA CME officer', async () => {
    const fakes = fakeActivities();
    await withOpenCase(
      env(),
      fakes,
      async (handle) => {
        // The skipped clock's day, which the case takes as today.
        const today = new Date(await env().currentTimeMs()).toISOString().slice(0, 10);
        await expect(handle.executeUpdate(recordBackInSchool, { args: [{ actor: otherSchool, returnedOn: today }] })).rejects.toMatchObject(rejection(/^actor\.schoolUrn/));
        await expect(handle.executeUpdate(recordBackInSchool, { args: [{ actor: school, returnedOn: addCalendarDays(today, 30) }] })).rejects.toMatchObject(refusal(/^returnedOn: .* is in the future/));
        await expect(handle.executeUpdate(recordBackInSchool, { args: [{ actor: school, returnedOn: addCalendarDays(today, -30) }] })).rejects.toMatchObject(refusal(/^returnedOn: .* is before the case opened/));
        expect(fakes.events.map((e) => e.action)).toEqual(['case_opened']);

        expect(await handle.executeUpdate(recordBackInSchool, { args: [{ actor: school, returnedOn: today }] })).toBe('closed');
        expect(await handle.query(getCaseState)).toMatchObject({ stage: 'closed', outcome: 'located_and_attending', deadlines: [] });
        expect(fakes.events.at(-1)).toMatchObject({ action: 'case_closed', outcome: 'located_and_attending', detail: { outcome: 'located_and_attending', returnedOn: today } });
        expect(fakes.notifications.map((n) => [n.recipient, n.template])).toContainEqual(['la_cme_officer:938', 'child_back_in_school']);
        await handle.result();
        await expect(handle.executeUpdate(recordBackInSchool, { args: [{ actor: school, returnedOn: today }] })).rejects.toThrow();
        await recordHistory('back-in-school', handle);
      },
      'sickness_expected_15_days',
    );
  });
});
