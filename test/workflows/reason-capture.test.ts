import { closeCase, recordCmeReason } from '../../workflows/case-messages';
import { statusChangeOf } from '../../domain/collection/education-status';
import { actors, refusal, rejection, withOpenCase } from '../helpers/case-harness';
import { fakeActivities } from '../helpers/fake-activities';
import { recordHistory } from '../helpers/histories';
import { useTimeSkippingEnv } from '../helpers/temporal';

// Issue 15 item 1: reasons captured in the case (domain/collection/reason-capture.ts; lists CME-REASONS,
// EHE-REASONS and CME-RISK-CIRCUMSTANCES are LA settings, domain/collection/rules.ts).

const noRoll = { schoolUrn: undefined };

describe('reasons and circumstances captured in the case (time-skipping server)', () => {
  const env = useTimeSkippingEnv();

  it("CME-REASONS, CME-RISK-CIRCUMSTANCES: the CME officer records why a child on no roll (T15) is missing, refused off the LA's lists", async () => {
    const fakes = fakeActivities({ policy: { 'CME-REASONS': ['application_not_made', 'whereabouts_unknown', 'not_known'] } });
    await withOpenCase(
      env(),
      fakes,
      async (handle) => {
        await expect(handle.executeUpdate(recordCmeReason, { args: [{ actor: actors.school, primaryReason: 'not_known' }] })).rejects.toMatchObject(rejection(/^actor\.role/));
        // moved_out_of_country is on the collection's list but not on this LA's: refused, naming the field.
        await expect(handle.executeUpdate(recordCmeReason, { args: [{ actor: actors.cmeOfficer, primaryReason: 'moved_out_of_country', circumstances: ['young_carer', 'astrology'] }] })).rejects.toMatchObject(
          refusal(/^primaryReason: moved_out_of_country is not on the LA's CME-REASONS list/, /^circumstances: astrology is not on the LA's CME-RISK-CIRCUMSTANCES list/),
        );
        expect(fakes.events.filter((event) => event.action === 'cme_reason_recorded')).toEqual([]);

        const stage = await handle.executeUpdate(recordCmeReason, {
          args: [{ actor: actors.cmeOfficer, primaryReason: 'application_not_made', circumstances: ['temporary_accommodation', 'young_carer'], knownToSocialCare: true }],
        });
        expect(stage).toBe('cme_tracing');
        const recorded = fakes.events.find((event) => event.action === 'cme_reason_recorded');
        expect(recorded).toMatchObject({ ruleId: 'CME-OPEN', detail: { primaryReason: 'application_not_made', circumstances: 'temporary_accommodation,young_carer', knownToSocialCare: 'true' } });
        expect(statusChangeOf(recorded!)).toEqual({ status: 'cme', reason: 'application_not_made' });

        // Closing a CME case on a roll elsewhere takes no reason it does not need, and refuses one off the list.
        await expect(handle.executeUpdate(closeCase, { args: [{ actor: actors.cmeOfficer, outcome: 'on_roll_elsewhere', reason: 'found', primaryReason: 'lost' }] })).rejects.toMatchObject(
          refusal(/^primaryReason: lost is not on the LA's CME-REASONS list/),
        );
        await handle.executeUpdate(closeCase, { args: [{ actor: actors.cmeOfficer, outcome: 'on_roll_elsewhere', reason: 'found on a roll in another LA' }] });
        expect(fakes.events.filter((event) => event.action === 'cme_reason_recorded')).toHaveLength(1);
        await recordHistory('cme-reason-recorded-then-closed', handle);
      },
      'referral_no_roll',
      noRoll,
    );
  });

  it('a CME case closed as moved abroad records moved_out_of_country before the outcome, and refuses a reason that contradicts it', async () => {
    const fakes = fakeActivities();
    await withOpenCase(
      env(),
      fakes,
      async (handle) => {
        await expect(handle.executeUpdate(closeCase, { args: [{ actor: actors.cmeOfficer, outcome: 'moved_abroad', reason: 'family left for Poland', primaryReason: 'health_needs' }] })).rejects.toMatchObject(
          refusal(/^primaryReason: health_needs contradicts moved_out_of_country/),
        );
        await handle.executeUpdate(closeCase, { args: [{ actor: actors.cmeOfficer, outcome: 'moved_abroad', reason: 'family left for Poland' }] });
        const [reason, closed] = fakes.events.slice(-2);
        expect(reason).toMatchObject({ action: 'cme_reason_recorded', stage: 'cme_tracing', detail: { primaryReason: 'moved_out_of_country' } });
        expect(closed).toMatchObject({ action: 'case_closed', outcome: 'moved_abroad', detail: { outcome: 'moved_abroad', reason: 'family left for Poland' } });
        await recordHistory('cme-closed-moved-abroad-reason-inferred', handle);
      },
      'referral_no_roll',
      noRoll,
    );
  });

  it('EHE-REASONS: a case cannot close into home education without the primary reason the return counts; a code off the list is refused', async () => {
    const fakes = fakeActivities();
    await withOpenCase(
      env(),
      fakes,
      async (handle) => {
        await expect(handle.executeUpdate(closeCase, { args: [{ actor: actors.cmeOfficer, outcome: 'elective_home_education', reason: 'written notice' }] })).rejects.toMatchObject(
          refusal(/^primaryReason: is required when a case closes as elective_home_education: a code of the LA's EHE-REASONS list/),
        );
        await expect(handle.executeUpdate(closeCase, { args: [{ actor: actors.cmeOfficer, outcome: 'elective_home_education', reason: 'written notice', primaryReason: 'application_not_made' }] })).rejects.toMatchObject(
          refusal(/^primaryReason: application_not_made is not on the LA's EHE-REASONS list/),
        );
        await expect(handle.executeUpdate(closeCase, { args: [{ actor: actors.cmeOfficer, outcome: 'located_and_attending', reason: 'back', primaryReason: 'bullying' }] })).rejects.toMatchObject(
          refusal(/^primaryReason: a case closing as located_and_attending records no primary reason/),
        );
        await handle.executeUpdate(closeCase, { args: [{ actor: actors.cmeOfficer, outcome: 'elective_home_education', reason: 'written notice', primaryReason: 'bullying' }] });
        const closed = fakes.events.at(-1)!;
        expect(closed).toMatchObject({ action: 'case_closed', outcome: 'elective_home_education', detail: { outcome: 'elective_home_education', reason: 'written notice', primaryReason: 'bullying' } });
        expect(statusChangeOf(closed)).toEqual({ status: 'ehe', reason: 'bullying' });
        expect(fakes.events.some((event) => event.action === 'cme_reason_recorded')).toBe(false);
        await recordHistory('ehe-closed-with-reason', handle);
      },
      'ehe_written_notice',
    );
  });
});
