import { condition, patched, setHandler } from '@temporalio/workflow';
import { concernReasons } from '../domain/case';
import { partiesToTell, triggerRules } from '../domain/triggers';
import { getCaseState, reportConcern, type ReportConcernInput } from './case-messages';
import type { CaseRun } from './case-run';
import { promptToReplaceCodeN } from './code-n-prompt';
import { patches } from './patches';
import { refreshPlacement } from './placement';
import { reject } from './reject';

export function registerConcernHandlers(run: CaseRun): void {
  setHandler(getCaseState, () => run.state);
  setHandler(
    reportConcern,
    async (concern) => {
      const attached = run.state.concerns.length > 0;
      run.state.concerns.push({ ...concern, receivedAt: new Date().toISOString() });
      // The receipt is only given once the case is on record, so a caller that got one can rely on it.
      await condition(() => run.opened);
      if (attached) await attachConcern(run, concern);
      if (concern.codeN && patched(patches.codeNPrompt)) await promptToReplaceCodeN(run, concern.reportId, concern.reportedBy, concern.codeN);
      return { caseId: run.state.caseId, attached, stage: run.state.stage, nextDeadline: run.state.nextDeadline };
    },
    { validator: (concern) => validateConcern(run, concern) },
  );
}

/** A later concern joins the case; a kind of concern the case has not had yet also tells its trigger's parties. */
async function attachConcern(run: CaseRun, concern: ReportConcernInput): Promise<void> {
  const trigger = triggerRules[concern.reason];
  if (patched(patches.placementOnConcern)) await refreshPlacement(run);
  await run.record('concern_attached', concern.reportedBy, { reason: concern.reason }, trigger.id);
  const newKind = run.state.concerns.filter((c) => c.reason === concern.reason).length === 1;
  if (!newKind) return;
  const parties = partiesToTell(trigger, run.policy);
  await run.notifyAll(parties.map((party) => ({ step: `concern_attached:${concern.reportId}:${party}`, recipient: run.address(party), template: `concern_attached:${concern.reason}`, ruleId: trigger.id })));
}

function validateConcern(run: CaseRun, concern: ReportConcernInput): void {
  if (run.closed) reject('caseId', 'this case is closed; a new report opens a new case');
  if (!concernReasons.includes(concern.reason)) reject('reason', `unknown concern reason ${concern.reason}`);
  if (run.state.concerns.some((existing) => existing.reportId === concern.reportId)) {
    reject('reportId', `report ${concern.reportId} is already on this case`);
  }
}
