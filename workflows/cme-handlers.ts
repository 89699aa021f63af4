import { setHandler } from '@temporalio/workflow';
import { openStages, traceSteps } from '../domain/case';
import { decisionRoles } from '../domain/decision-roles';
import { isValidLaCode } from '../domain/identifiers';
import { cmeReasonRefusals } from '../domain/collection/reason-capture';
import { cmeOpenRule, s437NoticeRule } from '../domain/rules/catalogue';
import { recordCmeReason, recordTraceStep, serveS437Notice } from './case-messages';
import type { CaseRun } from './case-run';
import { refuseFailing, reject, requireRole, requireStage, requireText } from './reject';

/** CME open: the LA traces the child (s436A) through other LAs, the Lost Pupils Database and agencies. */
export async function openCme(run: CaseRun): Promise<void> {
  run.setStage('cme_tracing');
  run.state.trace = [];
  await run.record('cme_opened', 'system', {}, cmeOpenRule.id);
  await run.notify('cme_opened', run.address('laCmeOfficer'), 'cme_opened', cmeOpenRule.id);
}

export function registerCmeHandlers(run: CaseRun): void {
  setHandler(
    recordTraceStep,
    async ({ actor, step, otherLaCode }) => {
      const entry = { step, otherLaCode, by: actor.userId, at: new Date().toISOString() };
      run.state.trace = [...(run.state.trace ?? []), entry];
      await run.record('trace_step', actor, { step, ...(otherLaCode ? { otherLaCode } : {}) }, cmeOpenRule.id);
      if (otherLaCode) await run.notify(`trace:${entry.at}:${otherLaCode}`, `la_cme_officer:${otherLaCode}`, 'cross_border_enquiry', cmeOpenRule.id);
      return run.state.trace;
    },
    {
      validator: ({ actor, step, otherLaCode }) => {
        requireRole(actor, decisionRoles.traceStep);
        requireStage(run.state.stage, ['cme_tracing']);
        refuseFailing([
          !traceSteps.includes(step) && `step: unknown trace step ${step}`,
          step === 'other_la_contacted' && !(otherLaCode && isValidLaCode(otherLaCode)) && 'otherLaCode: the 3-digit code of the LA contacted is required',
          // s436A: an enquiry goes to another authority; this LA's own code names nobody new to ask.
          otherLaCode === run.state.laCode && `otherLaCode: ${otherLaCode} is this case's own LA; name the other LA contacted`,
        ]);
      },
    },
  );

  // The reason goes on the audit log and the child's status history (domain/collection/education-status.ts),
  // where the registers and the return read it; a later record replaces an earlier one within the same CME run.
  setHandler(
    recordCmeReason,
    async ({ actor, primaryReason, circumstances, knownToSocialCare }) => {
      await run.record('cme_reason_recorded', actor, cmeReasonDetail(primaryReason, circumstances, knownToSocialCare), cmeOpenRule.id);
      return run.state.stage;
    },
    {
      validator: ({ actor, primaryReason, circumstances = [] }) => {
        requireRole(actor, [...decisionRoles.traceStep, 'manager']);
        requireStage(run.state.stage, ['cme_tracing']);
        refuseFailing(cmeReasonRefusals(primaryReason, circumstances, run.policy));
      },
    },
  );

  setHandler(
    serveS437Notice,
    async ({ actor, noticeId }) => {
      const deadline = await run.schedule('s437_response', s437NoticeRule, s437NoticeRule.daysAfterService, 'days');
      run.state.s437 = { servedAt: new Date().toISOString(), respondBy: deadline.at };
      await run.record('s437_notice_served', actor, { noticeId }, s437NoticeRule.id);
      return run.state.s437;
    },
    {
      validator: ({ actor, noticeId }) => {
        requireRole(actor, ['la_cme_officer', 'manager']);
        requireStage(run.state.stage, [...openStages, 'cme_tracing', 'deleted_from_roll']);
        if (run.state.s437) reject('noticeId', 'a s437 notice is already running on this case');
        requireText('noticeId', noticeId);
      },
    },
  );
}

/** The audit detail of a CME reason: codes only; circumstances as one comma-separated list of codes. */
export function cmeReasonDetail(primaryReason: string, circumstances?: string[], knownToSocialCare?: boolean): Record<string, string> {
  return {
    primaryReason,
    ...(circumstances?.length ? { circumstances: circumstances.join(',') } : {}),
    ...(knownToSocialCare === undefined ? {} : { knownToSocialCare: String(knownToSocialCare) }),
  };
}

/** The parent has not satisfied the LA within the notice period: the LA considers a school attendance order. */
export async function onS437Expired(run: CaseRun): Promise<void> {
  await run.record('s437_notice_expired', 'system', { respondBy: run.state.s437?.respondBy ?? '' }, s437NoticeRule.id);
  await run.notify('s437_expired', run.address('laCmeOfficer'), 'consider_school_attendance_order', s437NoticeRule.id);
}
