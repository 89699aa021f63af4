import { setHandler } from '@temporalio/workflow';
import type { Actor } from '../domain/actor';
import { categoryOf, reasonCodeRefusals, reasonShowsAttendance, returnDateRefusals } from '../domain/absence-resolved';
import type { CaseStage } from '../domain/case';
import { reasonForAbsenceRule } from '../domain/rules/catalogue';
import { recordBackInSchool, recordReasonEstablished } from './case-messages';
import type { CaseRun } from './case-run';
import { close, latestEnglandDate } from './closing-handlers';
import { refuse, refuseFailing, requireCaseSchool, requireRole, requireStage } from './reject';
import { beginSupport } from './support-handlers';

/** Where an unexplained absence (T1) waits for its reason: before the clock ran out, or after the LA was told. */
const reasonStages: CaseStage[] = ['awaiting_reason', 'escalated_to_la'];
/** Where a child can come back to the school of the case; not while a deletion or an exclusion is under way. */
const returnStages: CaseStage[] = ['awaiting_reason', 'whereabouts_check', 'health_needs_s19', 'support_first', 'escalated_to_la'];

/**
 * The school's own answers to an absence: the reason is established (T1, SAR24 reg 10(7)-(9)), or the child is
 * back in school. The case's school records them, or the LA CME officer for it.
 */
export function registerAbsenceHandlers(run: CaseRun): void {
  setHandler(
    recordReasonEstablished,
    async ({ actor, reasonCode }) => {
      const escalated = run.state.stage === 'escalated_to_la';
      const category = categoryOf(reasonCode);
      const attending = reasonShowsAttendance(category);
      run.cancel('opening_clock');
      if (!attending) {
        // The child is away for a known reason: the school monitors attendance until the return (WTISA).
        await beginSupport(run, 'monitor');
        run.setStage('support_first');
      }
      await run.record('reason_established', actor, { reasonCode, category }, reasonForAbsenceRule.id);
      if (attending) await close(run, actor, 'located_and_attending', { reasonCode }, reasonForAbsenceRule.id);
      if (escalated) await run.notify('reason_established', run.address('laCmeOfficer'), 'reason_established', reasonForAbsenceRule.id);
      return run.state.stage;
    },
    {
      validator: ({ actor, reasonCode }) => {
        requireSchoolOrOfficer(run, actor);
        requireStage(run.state.stage, reasonStages);
        if (run.state.concerns[0]?.reason !== 'unexplained_absence') refuse([`caseId: this case did not open on an unexplained absence (${reasonForAbsenceRule.id}); there is no code N to replace`]);
        refuseFailing(reasonCodeRefusals(reasonCode));
      },
    },
  );

  setHandler(
    recordBackInSchool,
    async ({ actor, returnedOn }) => {
      await close(run, actor, 'located_and_attending', { returnedOn });
      await run.notify('back_in_school', run.address('laCmeOfficer'), 'child_back_in_school');
      return run.state.stage;
    },
    {
      validator: ({ actor, returnedOn }) => {
        requireSchoolOrOfficer(run, actor);
        requireStage(run.state.stage, returnStages);
        // The case's first instant, as a UTC day: never later than its day in England.
        const openedOn = (run.state.openedAt ?? new Date().toISOString()).slice(0, 10);
        refuseFailing(returnDateRefusals({ returnedOn, openedOn, today: latestEnglandDate() }));
      },
    },
  );
}

/** The case's own school, or the LA CME officer for it. */
function requireSchoolOrOfficer(run: CaseRun, actor: Actor): void {
  requireRole(actor, ['school', 'la_cme_officer']);
  requireCaseSchool(actor, run.state.schoolUrn);
}
