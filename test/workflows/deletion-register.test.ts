import { englandDateOf } from '../../domain/calendar/england-time';
import type { DeletionRequestDetails } from '../../domain/deletion/evidence';
import type { StoredMark } from '../../domain/deletion/register-check';
import { getCaseState, grantLaConsent, recordSosDirection, refuseLaConsent, requestDeletion, signJointEnquiries } from '../../workflows/case-messages';
import { actors, withOpenCase } from '../helpers/case-harness';
import { fakeActivities } from '../helpers/fake-activities';
import { recordHistory } from '../helpers/histories';
import { useTimeSkippingEnv } from '../helpers/temporal';
import { storedMarks } from '../fixtures/calendar';

const today = () => englandDateOf(new Date());
const specialSchoolPupil = { isSpecialSchool: true, placedByLa: true, senStatus: 'ehc_plan' as const };

// 2 to 27 November 2026: twenty school days of the fixture calendar, claimed as O throughout.
const groundI = (): DeletionRequestDetails => ({
  ground: 'I',
  deleteOn: today(),
  evidence: { absentFrom: '2026-11-02', absentTo: '2026-11-27', sessionCodes: ['O'], sicknessOrUnavoidableCauseBelieved: false },
});

/** The school's MIS corrects one session's mark. */
function correct(marks: StoredMark[], mark: StoredMark): void {
  marks.splice(marks.findIndex((m) => m.date === mark.date && m.session === mark.session), 1, mark);
}

const refusal = (reasons: unknown[]) => ({ cause: { type: 'CaseRequestRefused', details: [{ reasons }] } });

describe('grounds H and I checked against the register the system holds (time-skipping server)', () => {
  const env = useTimeSkippingEnv();

  const signEnquiries = async (handle: Parameters<Parameters<typeof withOpenCase>[2]>[0]) => {
    await handle.executeUpdate(signJointEnquiries, { args: [{ actor: actors.school, outcome: 'found_will_not_return' }] });
    await handle.executeUpdate(signJointEnquiries, { args: [{ actor: actors.cmeOfficer, outcome: 'found_will_not_return' }] });
  };

  it('GROUND-I (SAR24 reg 9(1)(i) [S]): a request claiming O over a period whose stored marks hold an I is refused, naming date, session and code', async () => {
    const fakes = fakeActivities({ marks: storedMarks('2026-11-02', '2026-11-27', 'O') });
    correct(fakes.marks, { date: '2026-11-18', session: 'AM', code: 'I' });
    await withOpenCase(env(), fakes, async (handle) => {
      await signEnquiries(handle);
      const receipt = await handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-1', actor: actors.school, ...groundI() }] });
      expect(receipt).toEqual({
        requestId: 'd-1',
        status: 'refused',
        reasons: ['the register holds I for the AM session of Wed 18 Nov 2026 (2026-11-18): every session of a ground I period must be G, N, O (GROUND-I)'],
      });
      expect(fakes.events.at(-1)).toMatchObject({ action: 'deletion_refused', ruleId: 'GROUND-I' });
      expect(fakes.notifications.map((n) => n.template)).not.toContain('deletion_return');
    });
  });

  it('GROUND-H (SAR24 reg 9(1)(h) [S]): a present mark after the leave ended refuses the request', async () => {
    const fakes = fakeActivities({ marks: [{ date: '2026-11-23', session: 'PM', code: '/' }] });
    await withOpenCase(env(), fakes, async (handle) => {
      await signEnquiries(handle);
      const leave: DeletionRequestDetails = { ground: 'H', deleteOn: today(), evidence: { leaveEndedOn: '2026-11-02', returnedSince: false, sicknessOrUnavoidableCauseBelieved: false } };
      const receipt = await handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-1', actor: actors.school, ...leave }] });
      expect(receipt.reasons).toEqual([expect.stringMatching(/^the register holds \/ for the PM session of Mon 23 Nov 2026 \(2026-11-23\), after the leave ended/)]);
    });
  });

  it('GROUND-I: days the register holds no marks for (a school not yet on the feed) rest on the attestation, and the audit entry says which', async () => {
    const fakes = fakeActivities({ marks: storedMarks('2026-11-02', '2026-11-13', 'N') });
    await withOpenCase(env(), fakes, async (handle) => {
      await signEnquiries(handle);
      expect((await handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-1', actor: actors.school, ...groundI() }] })).status).toBe('confirmed');
      expect(fakes.events.find((e) => e.action === 'deletion_return_sent')?.detail).toEqual({ ground: 'I', deleteOn: today(), attestedOnly: '2026-11-16 to 2026-11-27 (10 school days)' });
    });
  });

  it('GROUND-I with GATE-SPECIAL-SCHOOL: marks corrected between request and consent now show a present code; consent is refused with the reasons and nothing is confirmed', async () => {
    const fakes = fakeActivities({ placement: specialSchoolPupil, marks: storedMarks('2026-11-02', '2026-11-27', 'O') });
    await withOpenCase(env(), fakes, async (handle) => {
      await signEnquiries(handle);
      const receipt = await handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-1', actor: actors.school, ...groundI() }] });
      expect(receipt).toEqual({ requestId: 'd-1', status: 'awaiting_la_consent', reasons: [] });

      // The school's MIS corrects the register: the pupil was in on the morning of 24 November.
      correct(fakes.marks, { date: '2026-11-24', session: 'AM', code: '/' });
      const reason = 'the register holds / for the AM session of Tue 24 Nov 2026 (2026-11-24): every session of a ground I period must be G, N, O (GROUND-I)';
      await expect(handle.executeUpdate(grantLaConsent, { args: [{ actor: actors.sendOfficer, reason: 'placement cannot be kept' }] })).rejects.toMatchObject(refusal([reason]));

      const state = await handle.query(getCaseState);
      expect(state.stage).toBe('awaiting_reason');
      expect(state.deletion).toBeUndefined();
      expect(state.deadlines.map((d) => d.kind)).not.toContain('consent_reminder');
      expect(state.refusedDeletions).toEqual([{ requestId: 'd-1', ground: 'I', reasons: [reason] }]);
      const actions = fakes.events.map((e) => e.action);
      expect(actions).not.toContain('deletion_confirmed');
      expect(actions).not.toContain('la_consent_granted');
      expect(fakes.events.at(-1)).toMatchObject({ action: 'deletion_not_confirmed', ruleId: 'GROUND-I', detail: { ground: 'I', decision: 'la_consent_granted', reasons: reason } });
      expect(fakes.notifications.at(-1)).toMatchObject({ recipient: 'school:100001', template: 'deletion_not_confirmed_register', ruleId: 'GROUND-I' });
      await recordHistory('deletion-register-contradicted-at-consent', handle);

      // The school may ask again once the ground holds.
      correct(fakes.marks, { date: '2026-11-24', session: 'AM', code: 'O' });
      expect((await handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-2', actor: actors.school, ...groundI() }] })).status).toBe('awaiting_la_consent');
      expect(await handle.executeUpdate(grantLaConsent, { args: [{ actor: actors.sendOfficer, reason: 'placement cannot be kept' }] })).toBe('deleted_from_roll');
    });
  });

  it('GROUND-I with GATE-SPECIAL-SCHOOL: a Secretary of State direction is checked against the register too', async () => {
    const fakes = fakeActivities({ placement: specialSchoolPupil, marks: storedMarks('2026-11-02', '2026-11-27', 'O') });
    await withOpenCase(env(), fakes, async (handle) => {
      await signEnquiries(handle);
      await handle.executeUpdate(requestDeletion, { args: [{ requestId: 'd-1', actor: actors.school, ...groundI() }] });
      await handle.executeUpdate(refuseLaConsent, { args: [{ actor: actors.sendOfficer, reason: 'plan provision' }] });
      correct(fakes.marks, { date: '2026-11-27', session: 'PM', code: 'L' });
      await expect(handle.executeUpdate(recordSosDirection, { args: [{ actor: actors.manager, reference: 'DfE 2026/9' }] })).rejects.toMatchObject(refusal([expect.stringMatching(/holds L for the PM session of Fri 27 Nov 2026/)]));
      expect((await handle.query(getCaseState)).stage).toBe('awaiting_reason');
      expect(fakes.events.at(-1)).toMatchObject({ action: 'deletion_not_confirmed', detail: { decision: 'sos_direction_recorded' } });
    });
  });
});
