import { patched, setHandler } from '@temporalio/workflow';
import type { Actor } from '../domain/actor';
import { supportStages, type SupportStage } from '../domain/case';
import { supportReviewRule } from '../domain/rules/catalogue';
import { advanceSupportStage, type AdvanceSupportInput } from './case-messages';
import type { CaseRun } from './case-run';
import { patches } from './patches';
import { missingText, refuseFailing, reject, requireCaseSchool, requireRole, requireStage } from './reject';

/** Starts the support-first track at `stage`, with its review clock (SUPPORT-REVIEW, local practice). */
export async function beginSupport(run: CaseRun, stage: SupportStage): Promise<void> {
  run.state.support = { stage, since: new Date().toISOString() };
  await run.schedule('support_review', supportReviewRule, run.policy['SUPPORT-REVIEW']);
}

/**
 * Support before enforcement (WTISA): the school and LA move the case between stages as they judge; the law
 * sets no time between them, so the clock only asks for a review. Enforcement is the LA's alone.
 */
export function registerSupportHandlers(run: CaseRun): void {
  setHandler(
    advanceSupportStage,
    async ({ actor, to, reason }) => {
      await moveSupportStage(run, actor, to, reason);
      return run.state.support;
    },
    { validator: (input) => validateAdvance(run, input) },
  );
}

/** Moves the case to another support stage (a decision or a review's next step) and restarts its review clock. */
export async function moveSupportStage(run: CaseRun, actor: Actor, to: SupportStage, reason: string): Promise<void> {
  const from = run.state.support?.stage;
  await beginSupport(run, to);
  await run.record('support_stage_changed', actor, { from: from ?? 'none', to, reason }, supportReviewRule.id);
  if (to === 'enforce') await run.notify(`support_enforce:${run.state.support?.since}`, run.address('laCmeOfficer'), 'support_enforce', supportReviewRule.id);
}

export async function onSupportReviewDue(run: CaseRun, dueAt: string): Promise<void> {
  await run.record('support_review_due', 'system', { stage: run.state.support?.stage ?? 'none' }, supportReviewRule.id);
  // Keyed by the stage's start, every review after the first in one stage was one message already sent, so the outbox
  // sent it no more; keyed by the review's own instant, each review is told (patched: support-plan).
  const review = patched(patches.supportPlan) ? dueAt : run.state.support?.since;
  for (const party of ['school', 'laCmeOfficer'] as const) {
    await run.notify(`support_review:${review}:${party}`, run.address(party), 'support_review_due', supportReviewRule.id);
  }
  // Reviews recur while the case stays in support.
  await run.schedule('support_review', supportReviewRule, run.policy['SUPPORT-REVIEW']);
}

function validateAdvance(run: CaseRun, { actor, to, reason }: AdvanceSupportInput): void {
  requireRole(actor, ['school', 'la_cme_officer']);
  requireCaseSchool(actor, run.state.schoolUrn);
  requireStage(run.state.stage, ['support_first']);
  if (to === run.state.support?.stage) reject('to', `the case is already at ${to}`);
  if (to === 'enforce' && actor.role !== 'la_cme_officer') reject('actor.role', 'only the LA moves a case to enforcement');
  refuseFailing([!supportStages.includes(to) && `to: unknown support stage ${to}`, missingText('reason', reason)]);
}
