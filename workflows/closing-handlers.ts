import { setHandler } from '@temporalio/workflow';
import { caseOutcomes, openStages } from '../domain/case';
import { closeCase } from './case-messages';
import type { CaseRun } from './case-run';
import { reject, requireRole, requireStage, requireText } from './reject';

/** Every case ends with a recorded outcome, by an LA officer; the pupil's next report then opens a new case. */
export function registerClosingHandlers(run: CaseRun): void {
  setHandler(
    closeCase,
    async ({ actor, outcome, reason }) => {
      run.state.outcome = outcome;
      run.cancelAll();
      run.setStage('closed');
      await run.record('case_closed', actor, { outcome, reason }, undefined, outcome);
      return run.state.stage;
    },
    {
      validator: ({ actor, outcome, reason }) => {
        requireRole(actor, ['la_cme_officer', 'manager']);
        // A pending consent decision must be made first: closing must not become a way round the gate.
        requireStage(run.state.stage, [...openStages, 'deleted_from_roll', 'cme_tracing', 'consent_refused']);
        if (!caseOutcomes.includes(outcome)) reject('outcome', `unknown outcome ${outcome}`);
        requireText('reason', reason);
      },
    },
  );
}
