import { englandDateOf } from '../../domain/calendar/england-time';
import type { DeletionRequestDetails, GroundEvidence } from '../../domain/deletion/evidence';
import { deletionGrounds } from '../../domain/deletion/grounds-list';
import { groundRules } from '../../domain/rules/catalogue';
import { getCaseState, requestDeletion, signJointEnquiries } from '../../workflows/case-messages';
import { actors, withOpenCase } from '../helpers/case-harness';
import { fakeActivities } from '../helpers/fake-activities';
import { validEvidence } from '../fixtures/ground-evidence';
import { useTimeSkippingEnv } from '../helpers/temporal';

/** The fixture evidence, with the dated grounds moved into the past of the real clock the activities use. */
function evidenceFor(ground: keyof GroundEvidence): GroundEvidence[keyof GroundEvidence] {
  const today = englandDateOf(new Date());
  if (ground === 'F') return { ...validEvidence.F, educationOtherwiseFrom: today };
  if (ground === 'H') return { ...validEvidence.H, leaveEndedOn: '2026-11-02' };
  // 2 to 27 November 2026: twenty school days of the fixture calendar.
  if (ground === 'I') return { ...validEvidence.I, absentFrom: '2026-11-02', absentTo: '2026-11-27' };
  return validEvidence[ground];
}

describe('deletion on each ground of SAR24 reg 9(1), end to end in the case (time-skipping server)', () => {
  const env = useTimeSkippingEnv();

  it.each(deletionGrounds.map((ground) => [`${groundRules[ground].id}: ${groundRules[ground].title} (${groundRules[ground].source})`, ground] as const))(
    '%s: deletion return first, then confirmed for a mainstream pupil',
    async (_name, ground) => {
      const fakes = fakeActivities();
      await withOpenCase(env(), fakes, async (handle) => {
        await handle.executeUpdate(signJointEnquiries, { args: [{ actor: actors.school, outcome: 'found_will_not_return' }] });
        await handle.executeUpdate(signJointEnquiries, { args: [{ actor: actors.cmeOfficer, outcome: 'found_will_not_return' }] });
        const details = { ground, deleteOn: englandDateOf(new Date()), evidence: evidenceFor(ground) } as DeletionRequestDetails;
        const receipt = await handle.executeUpdate(requestDeletion, { args: [{ requestId: `d-${ground}`, actor: actors.school, ...details }] });
        expect(receipt).toEqual({ requestId: `d-${ground}`, status: 'confirmed', reasons: [] });
        expect(fakes.notifications.slice(1).map((n) => [n.template, n.ruleId])).toEqual([
          ['deletion_return', 'DELETION-RETURN'],
          ['deletion_confirmed', `GROUND-${ground}`],
        ]);
        expect((await handle.query(getCaseState)).stage).toBe('deleted_from_roll');
      });
    },
  );
});
