import { concernReasons } from '../../domain/case';
import { getCaseState, raiseSafeguardingConcern, reportConcern } from '../../workflows/case-messages';
import { actors, withOpenCase } from '../helpers/case-harness';
import { fakeActivities } from '../helpers/fake-activities';
import { recordHistory } from '../helpers/histories';
import { useTimeSkippingEnv } from '../helpers/temporal';

const DAY = 24 * 60 * 60 * 1000;

describe('long life: a case continues as new and loses nothing (time-skipping server)', () => {
  const env = useTimeSkippingEnv();

  it('carries concerns, referrals and the running clock into the next run, and takes messages sent across the boundary', async () => {
    const fakes = fakeActivities();
    await withOpenCase(
      env(),
      fakes,
      async (handle) => {
        const firstRun = (await handle.describe()).runId;
        const opened = await handle.query(getCaseState);

        // Messages sent one after another, then all at once: the history passes the limit on the way.
        for (const reason of concernReasons.slice(1, 5)) {
          await handle.executeUpdate(reportConcern, { args: [{ reportId: `seq-${reason}`, reason, reportedBy: 'school:100001' }] });
        }
        await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            handle.executeUpdate(raiseSafeguardingConcern, { args: [{ referralId: `s-${i}`, actor: actors.cmeOfficer, concern: 'has_social_worker' }] }),
          ),
        );

        const state = await handle.query(getCaseState);
        expect((await handle.describe()).runId).not.toBe(firstRun);
        expect(state.concerns).toHaveLength(5);
        expect(state.safeguarding.map((r) => r.referralId).sort()).toEqual(['s-0', 's-1', 's-2', 's-3', 's-4', 's-5']);
        expect(state.nextDeadline).toEqual(opened.nextDeadline);
        expect(fakes.events.filter((e) => e.action === 'case_opened')).toHaveLength(1);

        await env().sleep(Date.parse(state.nextDeadline!.at) - Date.now() + DAY);
        expect((await handle.query(getCaseState)).stage).toBe('escalated_to_la');
        expect(fakes.notifications.filter((n) => n.template === 'deadline_passed')).toHaveLength(1);
        await recordHistory('continued-as-new', handle);
      },
      'unexplained_absence',
      { continueAsNewAt: 60 },
    );
  });
});
