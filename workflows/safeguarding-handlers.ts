import { setHandler } from '@temporalio/workflow';
import { safeguardingConcerns, type SafeguardingConcern } from '../domain/case';
import { safeguardingReferralRule, socialWorkerToldRule } from '../domain/rules/catalogue';
import type { Party } from '../domain/triggers';
import { raiseSafeguardingConcern } from './case-messages';
import type { CaseRun } from './case-run';
import { missingText, refuseFailing, reject, requireCaseSchool } from './reject';

/** Who is told at once, and under which rule, for each kind of safeguarding concern. */
const referrals: Record<SafeguardingConcern, { parties: Party[]; ruleId: string }> = {
  risk_of_harm: { parties: ['socialCare', 'police'], ruleId: safeguardingReferralRule.id },
  missing_child: { parties: ['socialCare', 'police'], ruleId: safeguardingReferralRule.id },
  has_social_worker: { parties: ['socialWorker'], ruleId: socialWorkerToldRule.id },
  has_yot_worker: { parties: ['yotWorker'], ruleId: socialWorkerToldRule.id },
};

/** The safeguarding track runs beside the attendance process, at any stage of an open case, without changing it. */
export function registerSafeguardingHandlers(run: CaseRun): void {
  setHandler(
    raiseSafeguardingConcern,
    async ({ referralId, actor, concern }) => {
      run.state.safeguarding.push({ referralId, concern, raisedBy: actor.userId, raisedAt: new Date().toISOString() });
      const { parties, ruleId } = referrals[concern];
      await run.record('safeguarding_referral', actor, { concern, told: parties.join(', ') }, ruleId);
      await run.notifyAll(parties.map((party) => ({ step: `safeguarding:${referralId}:${party}`, recipient: run.address(party), template: `safeguarding_${concern}`, ruleId })));
      return run.state.safeguarding;
    },
    {
      validator: ({ referralId, actor, concern }) => {
        if (run.closed) reject('stage', 'the case is closed');
        requireCaseSchool(actor, run.state.schoolUrn);
        if (run.state.safeguarding.some((r) => r.referralId === referralId)) reject('referralId', `referral ${referralId} is already recorded`);
        refuseFailing([missingText('referralId', referralId), !safeguardingConcerns.includes(concern) && `concern: unknown safeguarding concern ${concern}`]);
      },
    },
  );
}
