import { setHandler } from '@temporalio/workflow';
import { contactMethods, contactOutcomes, openStages } from '../domain/case';
import { recordContactAttempt } from './case-messages';
import type { CaseRun } from './case-run';
import { missingText, refuseFailing, reject, requireCaseSchool, requireRole, requireStage } from './reject';

/**
 * Whereabouts checks (docs/law.md C.1): each attempt to reach the family, by whom, how and with what
 * result, so joint enquiries and a later deletion under ground H or I rest on a recorded trail.
 */
export function registerContactHandlers(run: CaseRun): void {
  setHandler(
    recordContactAttempt,
    async ({ actor, attemptId, method, outcome }) => {
      const attempt = { attemptId, method, outcome, by: actor.userId, at: new Date().toISOString() };
      run.state.contactAttempts = [...(run.state.contactAttempts ?? []), attempt];
      await run.record('contact_attempt', actor, { method, outcome });
      return run.state.contactAttempts;
    },
    {
      validator: ({ actor, attemptId, method, outcome }) => {
        requireRole(actor, ['school', 'la_cme_officer']);
        requireCaseSchool(actor, run.state.schoolUrn);
        requireStage(run.state.stage, [...openStages, 'cme_tracing']);
        if (run.state.contactAttempts?.some((a) => a.attemptId === attemptId)) reject('attemptId', `attempt ${attemptId} is already recorded`);
        refuseFailing([
          missingText('attemptId', attemptId),
          !contactMethods.includes(method) && `method: unknown contact method ${method}`,
          !contactOutcomes.includes(outcome) && `outcome: unknown contact outcome ${outcome}`,
        ]);
      },
    },
  );
}
