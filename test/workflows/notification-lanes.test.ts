import { englandDateOf } from '../../domain/calendar/england-time';
import { recordNewPupilReturn } from '../../workflows/case-messages';
import { actors, withOpenCase } from '../helpers/case-harness';
import { fakeActivities } from '../helpers/fake-activities';
import { recordHistory } from '../helpers/histories';
import { useTimeSkippingEnv } from '../helpers/temporal';

/**
 * Issue #6, no decision held hostage by a transport: a notification that cannot go out within seconds is
 * handed to its recipient's lane (workflows/notification-lanes.ts) and the decision is answered; the lane
 * sends it once the party can be reached, and the case ends only after that (time-skipping server).
 */
describe('notification lanes (time-skipping server)', () => {
  const env = useTimeSkippingEnv();

  it('answers a closing decision while the school cannot be reached, then tells the school once, and only then ends', async () => {
    const fakes = fakeActivities();
    let schoolReachable = false;
    let schoolAttempts = 0;
    const deliver = fakes.activities.notify;
    fakes.activities.notify = async (input) => {
      if (input.recipient === 'school:100001') {
        schoolAttempts += 1;
        if (!schoolReachable) throw new Error('smtp 421');
      }
      return deliver(input);
    };
    const steps = () => fakes.notifications.map((n) => n.step);

    await withOpenCase(env(), fakes, async (handle) => {
      const newSchool = actors.otherSchool;
      const stage = await handle.executeUpdate(recordNewPupilReturn, { args: [{ actor: newSchool, newSchoolUrn: newSchool.schoolUrn, registeredOn: englandDateOf(new Date()) }] });
      expect(stage).toBe('closed');
      // The LA was told at once; the school's message waits in its lane, and the case waits for it.
      expect(steps()).toEqual(['case_opened:laCmeOfficer', 'new_pupil_return:laCmeOfficer']);
      expect(schoolAttempts).toBeGreaterThanOrEqual(1);
      expect((await handle.describe()).status.name).toBe('RUNNING');

      schoolReachable = true;
      await handle.result();
      expect(steps()).toEqual(['case_opened:laCmeOfficer', 'new_pupil_return:laCmeOfficer', 'new_pupil_return:school']);
      await recordHistory('notification-lane-after-failure', handle);
    });
  });
});
