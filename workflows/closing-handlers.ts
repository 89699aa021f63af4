import { patched, setHandler } from '@temporalio/workflow';
import type { Actor } from '../domain/actor';
import { caseOutcomes, openStages, type CaseOutcome, type CaseStage } from '../domain/case';
import { closingReason, closingReasonRefusals, reasonAtClose } from '../domain/collection/reason-capture';
import { newPupilReturnRefusals } from '../domain/new-pupil-return';
import { cmeOpenRule, newPupilReturnRule } from '../domain/rules/catalogue';
import { closeCase, recordNewPupilReturn } from './case-messages';
import type { CaseRun } from './case-run';
import { cmeReasonDetail } from './cme-handlers';
import { patches } from './patches';
import { missingText, refuseFailing, reject, requireRole, requireStage } from './reject';

const closableStages: CaseStage[] = [...openStages, 'deleted_from_roll', 'cme_tracing', 'consent_refused'];

/**
 * Every case ends with a recorded outcome: by an LA officer, or by another school's new-pupil return. The
 * pupil's next report then opens a new case.
 */
export function registerClosingHandlers(run: CaseRun): void {
  setHandler(
    recordNewPupilReturn,
    async ({ actor, newSchoolUrn, registeredOn }) => {
      await close(run, actor, 'on_roll_elsewhere', { newSchoolUrn, registeredOn }, newPupilReturnRule.id);
      const parties = run.reachable(['laCmeOfficer', 'school'] as const);
      await run.notifyAll(parties.map((party) => ({ step: `new_pupil_return:${party}`, recipient: run.address(party), template: 'child_on_roll_elsewhere', ruleId: newPupilReturnRule.id })));
      return run.state.stage;
    },
    {
      validator: ({ actor, newSchoolUrn, registeredOn }) => {
        requireRole(actor, ['school']);
        if (actor.schoolUrn !== newSchoolUrn) reject('actor.schoolUrn', 'a new-pupil return comes from the school that registered the child');
        // A pending consent decision is made first, so the gate's record is never left open.
        requireStage(run.state.stage, closableStages);
        refuseFailing(newPupilReturnRefusals({ newSchoolUrn, registeredOn, caseSchoolUrn: run.state.schoolUrn, today: latestEnglandDate() }));
      },
    },
  );

  setHandler(
    closeCase,
    async ({ actor, outcome, reason, primaryReason }) => {
      if (!patched(patches.reasonCapture)) {
        await close(run, actor, outcome, { reason });
        return run.state.stage;
      }
      const wasCme = run.state.stage === 'cme_tracing';
      const rule = reasonAtClose(outcome, wasCme);
      const captured = closingReason(rule, primaryReason, run.policy);
      // Why a CME child was missing joins the CME run before the outcome ends it; an EHE reason goes with the outcome.
      if (captured && rule.list === 'CME-REASONS') await run.record('cme_reason_recorded', actor, cmeReasonDetail(captured), cmeOpenRule.id);
      await close(run, actor, outcome, { reason, ...(captured && rule.list === 'EHE-REASONS' ? { primaryReason: captured } : {}) });
      return run.state.stage;
    },
    {
      validator: ({ actor, outcome, reason, primaryReason }) => {
        requireRole(actor, ['la_cme_officer', 'manager']);
        // A pending consent decision must be made first: closing must not become a way round the gate.
        requireStage(run.state.stage, closableStages);
        const known = caseOutcomes.includes(outcome);
        refuseFailing([
          !known && `outcome: unknown outcome ${outcome}`,
          missingText('reason', reason),
          ...(known ? closingReasonRefusals(outcome, run.state.stage === 'cme_tracing', primaryReason, run.policy) : []),
        ]);
      },
    },
  );
}

/**
 * The latest date it can be in England now (London is UTC or UTC+1), without the time-zone data workflow code
 * may not use; the API has already refused a future date against England's exact date.
 */
export const latestEnglandDate = () => new Date(Date.now() + 60 * 60 * 1000).toISOString().slice(0, 10);

export async function close(run: CaseRun, actor: Actor, outcome: CaseOutcome, detail: Record<string, string>, ruleId?: string): Promise<void> {
  run.state.outcome = outcome;
  run.cancelAll();
  run.setStage('closed');
  await run.record('case_closed', actor, { outcome, ...detail }, ruleId, outcome);
}
