import { getCaseState, recordContactAttempt } from '../../workflows/case-messages';
import { actors, refusal, rejection, withOpenCase } from '../helpers/case-harness';
import { fakeActivities } from '../helpers/fake-activities';
import { useTimeSkippingEnv } from '../helpers/temporal';

describe('whereabouts checks: contact attempts (docs/law.md C.1, time-skipping server)', () => {
  const env = useTimeSkippingEnv();

  it('records who tried to reach the family, how and with what result; refuses other schools, unknown codes and repeats', async () => {
    const fakes = fakeActivities();
    await withOpenCase(
      env(),
      fakes,
      async (handle) => {
        await handle.executeUpdate(recordContactAttempt, { args: [{ actor: actors.school, attemptId: 'c-1', method: 'phone', outcome: 'no_response' }] });
        const attempts = await handle.executeUpdate(recordContactAttempt, { args: [{ actor: actors.cmeOfficer, attemptId: 'c-2', method: 'home_visit', outcome: 'address_vacant' }] });
        expect(attempts?.map((a) => [a.method, a.outcome, a.by])).toEqual([
          ['phone', 'no_response', actors.school.userId],
          ['home_visit', 'address_vacant', actors.cmeOfficer.userId],
        ]);
        expect(fakes.events.filter((e) => e.action === 'contact_attempt').map((e) => e.detail)).toEqual([
          { method: 'phone', outcome: 'no_response' },
          { method: 'home_visit', outcome: 'address_vacant' },
        ]);

        const attempt = (overrides: object) => handle.executeUpdate(recordContactAttempt, { args: [{ actor: actors.school, attemptId: 'c-9', method: 'phone', outcome: 'no_response', ...overrides }] });
        await expect(attempt({ actor: actors.otherSchool })).rejects.toMatchObject(rejection(/^actor.schoolUrn/));
        await expect(attempt({ actor: actors.sendOfficer })).rejects.toMatchObject(rejection(/^actor.role/));
        await expect(attempt({ method: 'carrier_pigeon' })).rejects.toMatchObject(refusal(/^method/));
        await expect(attempt({ attemptId: 'c-1' })).rejects.toMatchObject(rejection(/^attemptId/));
        expect((await handle.query(getCaseState)).contactAttempts).toHaveLength(2);
      },
      'continuous_unauthorised_absence',
    );
  });
});
