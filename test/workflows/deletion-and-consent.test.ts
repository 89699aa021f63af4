import { englandDateOf } from '../../domain/calendar/england-time';
import type { DeletionRequestDetails } from '../../domain/deletion/evidence';
import {
  closeCase,
  getCaseState,
  grantLaConsent,
  recordNewPupilReturn,
  recordSosDirection,
  refuseLaConsent,
  reportConcern,
  requestDeletion,
  signJointEnquiries,
} from '../../workflows/case-messages';
import { actors, refusal, rejection, withOpenCase } from '../helpers/case-harness';
import { fakeActivities, mainstreamPupil } from '../helpers/fake-activities';
import { recordHistory } from '../helpers/histories';
import { useTimeSkippingEnv } from '../helpers/temporal';

const today = () => englandDateOf(new Date());
const specialSchoolPupil = { isSpecialSchool: true, placedByLa: true, senStatus: 'ehc_plan' as const };
const mainstreamEhcp = { isSpecialSchool: false, placedByLa: false, senStatus: 'ehc_plan' as const };
const eheNotice = (): DeletionRequestDetails => ({
  ground: 'F',
  deleteOn: today(),
  evidence: { writtenNoticeReceived: true, educationOtherwiseFrom: today(), saoInForce: false },
});

describe('deletion from roll and the LA consent gate (time-skipping server)', () => {
  const env = useTimeSkippingEnv();

  it('GATE-SPECIAL-SCHOOL (PRR06 reg 8(2) [P]; SAR24 reg 9 [S]): EHE of an LA-placed special-school pupil waits for LA consent; the deletion return goes first', async () => {
    const fakes = fakeActivities({ placement: specialSchoolPupil });
    await withOpenCase(env(), fakes, async (handle) => {
      const receipt = await handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-1', actor: actors.school, ...eheNotice() }] });
      expect(receipt).toEqual({ requestId: 'd-1', status: 'awaiting_la_consent', reasons: [] });
      expect((await handle.query(getCaseState)).stage).toBe('awaiting_la_consent');
      expect(fakes.notifications.map((n) => n.template)).toEqual(['case_opened:unexplained_absence', 'deletion_return', 'la_consent_requested']);
      expect(fakes.notifications[2]?.recipient).toBe('la_send_team:938');

      // Validators refuse before anything enters history.
      await expect(handle.executeUpdate(grantLaConsent, { args: [{ actor: actors.school, reason: 'parent wishes' }] })).rejects.toMatchObject(rejection(/^actor.role: school may not/));
      await expect(handle.executeUpdate(grantLaConsent, { args: [{ actor: actors.cmeOfficer, reason: 'ok' }] })).rejects.toMatchObject(rejection(/^actor.role/));
      await expect(handle.executeUpdate(grantLaConsent, { args: [{ actor: actors.sendOfficer, reason: '  ' }] })).rejects.toMatchObject(rejection(/^reason: is required/));
      await expect(handle.executeUpdate(closeCase, { args: [{ actor: actors.cmeOfficer, outcome: 'elective_home_education', reason: 'skip the gate' }] })).rejects.toMatchObject(rejection(/^stage: not allowed while the case is awaiting_la_consent/));
      await expect(handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-2', actor: actors.school, ...eheNotice() }] })).rejects.toMatchObject(rejection(/^stage/));
      expect(fakes.events.map((e) => e.action)).not.toContain('deletion_confirmed');

      await expect(handle.executeUpdate(recordNewPupilReturn, { args: [{ actor: actors.otherSchool, newSchoolUrn: '100009', registeredOn: today() }] })).rejects.toMatchObject(rejection(/^stage: not allowed while the case is awaiting_la_consent/));
      await expect(handle.executeUpdate(recordNewPupilReturn, { args: [{ actor: actors.otherSchool, newSchoolUrn: '100005', registeredOn: today() }] })).rejects.toMatchObject(rejection(/^actor.schoolUrn/));

      const granted = await handle.executeUpdate(grantLaConsent, { args: [{ actor: actors.sendOfficer, reason: 'EHE plan meets needs; EHCP reviewed' }], updateId: 'consent-1' });
      const again = await handle.executeUpdate(grantLaConsent, { args: [{ actor: actors.sendOfficer, reason: 'EHE plan meets needs; EHCP reviewed' }], updateId: 'consent-1' });
      expect([granted, again]).toEqual(['deleted_from_roll', 'deleted_from_roll']);
      const state = await handle.query(getCaseState);
      expect(state.deletion).toMatchObject({ status: 'confirmed', decidedBy: actors.sendOfficer.userId });
      expect(state.deadlines).toEqual([]);
      const actions = fakes.events.map((e) => [e.action, e.ruleId]);
      expect(actions.filter(([action]) => action === 'la_consent_granted')).toEqual([['la_consent_granted', 'GATE-SPECIAL-SCHOOL']]);
      expect(actions.at(-1)).toEqual(['deletion_confirmed', 'GROUND-F']);
      // The register read again at the request said the same: nothing to record.
      expect(actions.map(([action]) => action)).not.toContain('placement_updated');
      await recordHistory('special-school-consent-granted', handle);
    });
  });

  it('GATE-SPECIAL-SCHOOL reads the register at the request: an LA special-school placement recorded after the case opened waits for consent', async () => {
    // Opened as a mainstream pupil; an import (or a later concern) has since recorded the LA placement.
    const fakes = fakeActivities({ placement: mainstreamPupil, placementLater: specialSchoolPupil });
    await withOpenCase(env(), fakes, async (handle) => {
      const receipt = await handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-1', actor: actors.school, ...eheNotice() }] });
      expect(receipt).toEqual({ requestId: 'd-1', status: 'awaiting_la_consent', reasons: [] });
      expect(fakes.events.filter((e) => e.action === 'placement_updated')).toEqual([
        expect.objectContaining({ actor: 'system', ruleId: 'GATE-SPECIAL-SCHOOL', sendFlag: true, detail: { isSpecialSchool: 'true', placedByLa: 'true', senStatus: 'ehc_plan' } }),
      ]);
      expect(fakes.notifications.map((n) => n.template)).toEqual(['case_opened:unexplained_absence', 'deletion_return', 'la_consent_requested']);
      await recordHistory('placement-changed-before-deletion', handle);
    });
  });

  it('EHCP-EHE-REVIEW with the register as it stands: an EHC plan recorded after the case opened sets the SEND flag at the next concern and leads to the review', async () => {
    const fakes = fakeActivities({ placement: mainstreamPupil, placementLater: mainstreamEhcp });
    await withOpenCase(env(), fakes, async (handle) => {
      await handle.executeUpdate(reportConcern, { args: [{ reportId: 'r-2', reason: 'continuous_unauthorised_absence', reportedBy: 'school:100001' }] });
      expect(fakes.events.map((e) => [e.action, e.sendFlag])).toEqual([['case_opened', false], ['placement_updated', true], ['concern_attached', true]]);
      const receipt = await handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-1', actor: actors.school, ...eheNotice() }] });
      expect(receipt.status).toBe('confirmed');
      expect(fakes.notifications.map((n) => n.template)).toContain('ehcp_review_on_ehe');
      // Read again at the request, the register said the same: recorded once.
      expect(fakes.events.filter((e) => e.action === 'placement_updated')).toHaveLength(1);
      await recordHistory('placement-changed-on-concern', handle);
    });
  });

  it('GATE-SPECIAL-SCHOOL: a refusal is recorded and only a Secretary of State direction lets the deletion proceed', async () => {
    const fakes = fakeActivities({ placement: specialSchoolPupil });
    await withOpenCase(env(), fakes, async (handle) => {
      await handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-1', actor: actors.school, ...eheNotice() }] });
      expect(await handle.executeUpdate(refuseLaConsent, { args: [{ actor: actors.sendOfficer, reason: 'provision in plan cannot be met at home' }] })).toBe('consent_refused');
      expect(fakes.notifications.at(-1)).toMatchObject({ recipient: 'school:100001', template: 'la_consent_refused' });
      await expect(handle.executeUpdate(grantLaConsent, { args: [{ actor: actors.sendOfficer, reason: 'changed mind' }] })).rejects.toMatchObject(rejection(/^stage/));
      await expect(handle.executeUpdate(recordSosDirection, { args: [{ actor: actors.school, reference: 'SoS/1' }] })).rejects.toMatchObject(rejection(/^actor.role/));
      await expect(handle.executeUpdate(recordSosDirection, { args: [{ actor: actors.manager, reference: '' }] })).rejects.toMatchObject(rejection(/^reference/));

      expect(await handle.executeUpdate(recordSosDirection, { args: [{ actor: actors.manager, reference: 'DfE direction 2026/117' }] })).toBe('deleted_from_roll');
      expect(fakes.events.map((e) => e.action)).toEqual(expect.arrayContaining(['la_consent_refused', 'sos_direction_recorded', 'deletion_confirmed']));
      await recordHistory('special-school-consent-refused-sos-direction', handle);
    });
  });

  it('CONSENT-REMINDER and CONSENT-ESCALATION (G11, local practice): silence reminds the SEND team, then tells a manager, and never deletes', async () => {
    const fakes = fakeActivities({ placement: specialSchoolPupil, policy: { 'CONSENT-REMINDER': 3 } });
    await withOpenCase(env(), fakes, async (handle) => {
      await handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-1', actor: actors.school, ...eheNotice() }] });
      const clocks = (await handle.query(getCaseState)).deadlines;
      expect(clocks.map((d) => d.kind).sort()).toEqual(['consent_escalation', 'consent_reminder']);
      // Sleep to each clock's own instant: how many calendar days 3 school days span depends on today's weekday.
      const sleepPast = async (kind: string) => {
        const at = Date.parse(clocks.find((d) => d.kind === kind)!.at);
        await env().sleep(at - (await env().currentTimeMs()) + 60_000);
      };

      await sleepPast('consent_reminder');
      expect(fakes.notifications.map((n) => n.template)).toContain('la_consent_reminder');
      expect(fakes.notifications.map((n) => n.template)).not.toContain('la_consent_overdue');

      await sleepPast('consent_escalation');
      const overdue = fakes.notifications.find((n) => n.template === 'la_consent_overdue');
      expect(overdue).toMatchObject({ recipient: 'la_manager:938', ruleId: 'CONSENT-ESCALATION' });
      const state = await handle.query(getCaseState);
      expect(state.stage).toBe('awaiting_la_consent');
      expect(state.deletion?.status).toBe('awaiting_la_consent');
      await recordHistory('special-school-consent-silence-escalated', handle);
    });
  });

  it('EHCP-EHE-REVIEW (SENDCoP 10.33 [S]): a mainstream pupil with an EHC plan is deleted on a valid EHE notice without a gate, and the SEND team reviews the plan', async () => {
    const fakes = fakeActivities({ placement: mainstreamEhcp });
    await withOpenCase(env(), fakes, async (handle) => {
      const receipt = await handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-1', actor: actors.school, ...eheNotice() }] });
      expect(receipt.status).toBe('confirmed');
      expect(fakes.notifications.map((n) => [n.template, n.recipient])).toEqual([
        ['case_opened:unexplained_absence', 'la_cme_officer:938'],
        ['deletion_return', 'la_cme_officer:938'],
        ['deletion_confirmed', 'school:100001'],
        ['ehcp_review_on_ehe', 'la_send_team:938'],
      ]);
    });
  });

  it('GROUND-F (CME24 p.7 [S]): an oral intention is refused with the reason, and the case carries on', async () => {
    const fakes = fakeActivities();
    await withOpenCase(env(), fakes, async (handle) => {
      const oral = eheNotice();
      if (oral.ground !== 'F') throw new Error('fixture');
      oral.evidence.writtenNoticeReceived = false;
      const receipt = await handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-1', actor: actors.school, ...oral }] });
      expect(receipt).toMatchObject({ status: 'refused', reasons: [expect.stringMatching(/in writing/)] });
      const state = await handle.query(getCaseState);
      expect(state.stage).toBe('awaiting_reason');
      expect(state.deletion).toBeUndefined();
      expect(fakes.events.at(-1)).toMatchObject({ action: 'deletion_refused', ruleId: 'GROUND-F' });
      expect(fakes.notifications.map((n) => n.template)).not.toContain('deletion_return');
    });
  });

  it('GROUND-I (SAR24 reg 9(1)(i) [S]): refused until school and LA both sign failed joint enquiries, then confirmed', async () => {
    const fakes = fakeActivities();
    const groundI = (): DeletionRequestDetails => ({
      ground: 'I',
      deleteOn: today(),
      // 2 to 27 November 2026: twenty school days of the fixture calendar, all G/N/O.
      evidence: { absentFrom: '2026-11-02', absentTo: '2026-11-27', sessionCodes: ['N', 'O'], sicknessOrUnavoidableCauseBelieved: false },
    });
    await withOpenCase(env(), fakes, async (handle) => {
      const early = await handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-1', actor: actors.school, ...groundI() }] });
      expect(early.reasons).toEqual(['joint school and LA reasonable enquiries have not been completed']);

      await handle.executeUpdate(signJointEnquiries, { args: [{ actor: actors.school, outcome: 'not_found' }] });
      await expect(handle.executeUpdate(signJointEnquiries, { args: [{ actor: actors.cmeOfficer, outcome: 'found_may_return' }] })).rejects.toMatchObject(refusal(/^outcome: differs/));
      await expect(handle.executeUpdate(signJointEnquiries, { args: [{ actor: actors.school, outcome: 'not_found' }] })).rejects.toMatchObject(rejection(/already signed/));
      const halfSigned = await handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-2', actor: actors.school, ...groundI() }] });
      expect(halfSigned.reasons).toEqual(['joint enquiries must be signed off by both the school and the LA']);

      await handle.executeUpdate(signJointEnquiries, { args: [{ actor: actors.cmeOfficer, outcome: 'not_found' }] });
      const confirmed = await handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-3', actor: actors.school, ...groundI() }] });
      expect(confirmed).toEqual({ requestId: 'd-3', status: 'confirmed', reasons: [] });
      expect((await handle.query(getCaseState)).refusedDeletions.map((r) => r.requestId)).toEqual(['d-1', 'd-2']);
      await recordHistory('ground-i-after-joint-enquiries', handle);
    });
  });

  it('only the case\'s own school may ask to delete, and a closed case takes no more decisions', async () => {
    const fakes = fakeActivities();
    await withOpenCase(env(), fakes, async (handle) => {
      await expect(handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-1', actor: actors.otherSchool, ...eheNotice() }] })).rejects.toMatchObject(rejection(/^actor.schoolUrn/));
      await expect(handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-1', actor: actors.cmeOfficer, ...eheNotice() }] })).rejects.toMatchObject(rejection(/^actor.role/));
      await expect(handle.executeUpdate(closeCase, { args: [{ actor: actors.school, outcome: 'located_and_attending', reason: 'back' }] })).rejects.toMatchObject(rejection(/^actor.role/));

      expect(await handle.executeUpdate(closeCase, { args: [{ actor: actors.cmeOfficer, outcome: 'located_and_attending', reason: 'attending daily since Monday' }] })).toBe('closed');
      await handle.result();
      expect(fakes.events.at(-1)).toMatchObject({ action: 'case_closed', outcome: 'located_and_attending', stage: 'closed' });
      await recordHistory('closed-located-and-attending', handle);
    });
  });
});
