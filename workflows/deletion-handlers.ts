import { patched, setHandler } from '@temporalio/workflow';
import type { Actor } from '../domain/actor';
import { openStages, type JointEnquiriesRecord, type OpenStage } from '../domain/case';
import { ehcpReviewRequired, laConsentRequired } from '../domain/deletion/consent-gate';
import type { DeletionRequestDetails, JointEnquiries } from '../domain/deletion/evidence';
import { decisionRoles } from '../domain/decision-roles';
import type { ExclusionPeriods } from '../domain/deletion/exclusion-process';
import { deletionGrounds } from '../domain/deletion/grounds-list';
import { claimedAbsence, describeAttestedOnly } from '../domain/deletion/register-check';
import { defaultPolicy, type LaPolicy } from '../domain/rules/policy';
import {
  consentManagerEscalationRule,
  consentReminderRule,
  deletionReturnRule,
  ehcpReviewOnEheRule,
  groundRules,
  specialSchoolConsentRule,
} from '../domain/rules/catalogue';
import { activities } from './activities';
import { openCme } from './cme-handlers';
import {
  grantLaConsent,
  recordSosDirection,
  refuseLaConsent,
  requestDeletion,
  type DeletionReceipt,
  type RequestDeletionInput,
} from './case-messages';
import type { CaseRun } from './case-run';
import { patches } from './patches';
import { refreshPlacement } from './placement';
import { refuse, reject, requireCaseSchool, requireRole, requireStage, requireText } from './reject';

/**
 * Deletion from roll: the ground is checked (refused with reasons if it does not apply), the deletion return
 * goes to the LA first, then either the deletion is confirmed or, for an LA-placed special-school pupil, it
 * waits for LA consent. No path confirms a gated deletion without consent or a Secretary of State direction.
 */
export function registerDeletionHandlers(run: CaseRun): void {
  setHandler(requestDeletion, (input) => handleDeletionRequest(run, input), {
    validator: (input) => {
      requireRole(input.actor, ['school']);
      requireCaseSchool(input.actor, run.state.schoolUrn);
      requireStage(run.state.stage, [...openStages]);
      if (run.state.deletion) reject('requestId', `deletion ${run.state.deletion.requestId} is already ${run.state.deletion.status}`);
      requireText('requestId', input.requestId);
      if (!deletionGrounds.includes(input.ground)) reject('ground', `unknown ground ${input.ground}`);
    },
  });

  setHandler(
    grantLaConsent,
    async ({ actor, reason }) => {
      const register = await recheckRegister(run, actor, 'la_consent_granted');
      decide(run, actor, reason, 'confirmed');
      await run.record('la_consent_granted', actor, { reason }, specialSchoolConsentRule.id);
      await confirmDeletion(run, actor, register);
      return run.state.stage;
    },
    { validator: (input) => validateConsentDecision(run, input.actor, input.reason) },
  );

  setHandler(
    refuseLaConsent,
    async ({ actor, reason }) => {
      decide(run, actor, reason, 'consent_refused');
      run.setStage('consent_refused');
      await run.record('la_consent_refused', actor, { reason, next: 'Secretary of State direction' }, specialSchoolConsentRule.id);
      await run.notify(`consent_refused:${run.state.deletion?.requestId}`, run.address('school'), 'la_consent_refused', specialSchoolConsentRule.id);
      return run.state.stage;
    },
    { validator: (input) => validateConsentDecision(run, input.actor, input.reason) },
  );

  setHandler(
    recordSosDirection,
    async ({ actor, reference }) => {
      const register = await recheckRegister(run, actor, 'sos_direction_recorded');
      await run.record('sos_direction_recorded', actor, { reference }, specialSchoolConsentRule.id);
      await confirmDeletion(run, actor, register);
      return run.state.stage;
    },
    {
      validator: ({ actor, reference }) => {
        requireRole(actor, decisionRoles.sosDirection);
        requireStage(run.state.stage, ['consent_refused']);
        requireText('reference', reference);
      },
    },
  );
}

async function handleDeletionRequest(run: CaseRun, input: RequestDeletionInput): Promise<DeletionReceipt> {
  const { requestId, ground, deleteOn, actor } = input;
  // The validator let only this case's school ask, so a child on no roll never gets here.
  const { schoolUrn } = run.state;
  if (!schoolUrn) throw new Error('unreachable: deletion from the roll of no school');
  const request = { ground, deleteOn, evidence: input.evidence } as DeletionRequestDetails;
  // The validator allowed only open stages.
  run.state.deletion = { requestId, ground, deleteOn, status: 'assessing', claim: claimedAbsence(request), requestedIn: run.state.stage as OpenStage };
  const assessment = await activities.assessDeletion({
    request,
    pupilId: run.state.pupilId,
    schoolUrn,
    jointEnquiries: signedEnquiries(run.state.jointEnquiries),
    groundHSchoolDays: run.policy['GROUND-H'],
    exclusionPeriods: exclusionPeriodsOf(run.policy),
  });
  const rule = groundRules[ground];
  if (!assessment.qualifies) {
    run.state.deletion = undefined;
    run.state.refusedDeletions.push({ requestId, ground, reasons: assessment.reasons });
    await run.record('deletion_refused', actor, { ground, reasons: assessment.reasons.join('; ') }, rule.id);
    return { requestId, status: 'refused', reasons: assessment.reasons };
  }

  // A met ground establishes why the pupil is away, so the opening clock stops here. The return reaches the LA
  // as soon as the ground is met and before the deletion is confirmed (G3).
  run.cancel('opening_clock');
  await run.notify(`deletion_return:${requestId}`, run.address('laCmeOfficer'), 'deletion_return', deletionReturnRule.id, { ground, deleteOn });
  // Days of a ground H or I absence the register holds no marks for rest on the school's attestation alone.
  const attestedOnly = describeAttestedOnly(assessment.attestedOnly ?? []);
  await run.record('deletion_return_sent', actor, { ground, deleteOn, ...(attestedOnly ? { attestedOnly } : {}) }, deletionReturnRule.id);

  if (patched(patches.placementAtDeletion)) await refreshPlacement(run);
  if (run.state.placement && laConsentRequired(run.state.placement, ground, run.policy)) {
    run.state.deletion = { ...run.state.deletion, status: 'awaiting_la_consent', consentRequired: true };
    run.setStage('awaiting_la_consent');
    await run.schedule('consent_reminder', consentReminderRule, run.policy['CONSENT-REMINDER']);
    await run.schedule('consent_escalation', consentManagerEscalationRule, run.policy['CONSENT-ESCALATION']);
    await run.record('la_consent_requested', actor, { ground }, specialSchoolConsentRule.id);
    await run.notify(`consent_requested:${requestId}`, run.address('sendTeam'), 'la_consent_requested', specialSchoolConsentRule.id);
    return { requestId, status: 'awaiting_la_consent', reasons: [] };
  }

  await confirmDeletion(run, actor);
  return { requestId, status: 'confirmed', reasons: [] };
}

/**
 * GROUND-H, GROUND-I at confirmation: marks corrected since the request may now contradict the ground. Then the
 * deletion is not confirmed: recorded, the school told, the case back in the stage it was requested in, and the
 * caller refused with the reasons. Otherwise the attested-only days as they now stand, for the record.
 */
async function recheckRegister(run: CaseRun, actor: Actor, decision: string): Promise<string | undefined> {
  const deletion = run.state.deletion;
  const { schoolUrn, pupilId } = run.state;
  if (!deletion?.claim || !schoolUrn || !patched(patches.registerAtConfirmation)) return undefined;
  const check = await activities.checkDeletionRegister({ pupilId, schoolUrn, claim: deletion.claim });
  if (check.contradictions.length === 0) return describeAttestedOnly(check.attestedOnly);

  const { requestId, ground } = deletion;
  const ruleId = groundRules[ground].id;
  run.state.deletion = undefined;
  run.state.refusedDeletions.push({ requestId, ground, reasons: check.contradictions });
  run.cancel('consent_reminder', 'consent_escalation');
  run.setStage(deletion.requestedIn ?? 'deletion_intended');
  await run.record('deletion_not_confirmed', actor, { ground, decision, reasons: check.contradictions.join('; ') }, ruleId);
  await run.notify(`deletion_not_confirmed:${requestId}`, run.address('school'), 'deletion_not_confirmed_register', ruleId);
  return refuse(check.contradictions);
}

/** The school may now delete the name; the pupil's SEND team reviews an EHC plan when it is an EHE deletion. */
async function confirmDeletion(run: CaseRun, actor: Actor, attestedOnly?: string): Promise<void> {
  const deletion = run.state.deletion;
  if (!deletion) throw new Error('unreachable: confirming a deletion that was never requested');
  run.state.deletion = { ...deletion, status: 'confirmed' };
  run.cancel('opening_clock', 'consent_reminder', 'consent_escalation', 'support_review');
  run.setStage('deleted_from_roll');
  const detail = { ground: deletion.ground, deleteOn: deletion.deleteOn, ...(attestedOnly ? { attestedOnly } : {}) };
  await run.record('deletion_confirmed', actor, detail, groundRules[deletion.ground].id);
  await run.notify(`deletion_confirmed:${deletion.requestId}`, run.address('school'), 'deletion_confirmed', groundRules[deletion.ground].id);
  if (run.state.placement && ehcpReviewRequired(run.state.placement, deletion.ground)) {
    await run.notify(`ehcp_review:${deletion.requestId}`, run.address('sendTeam'), 'ehcp_review_on_ehe', ehcpReviewOnEheRule.id);
    await run.record('send_team_told_to_review_plan', 'system', { ground: deletion.ground }, ehcpReviewOnEheRule.id);
  }
  // Deleted under H or I with the child not found: the child is missing education and the LA traces them.
  if ((deletion.ground === 'H' || deletion.ground === 'I') && run.state.jointEnquiries.outcome === 'not_found') await openCme(run);
}

function decide(run: CaseRun, actor: Actor, reason: string, status: 'confirmed' | 'consent_refused'): void {
  const deletion = run.state.deletion;
  if (!deletion) throw new Error('unreachable: a consent decision without a deletion request');
  run.state.deletion = { ...deletion, status, decidedBy: actor.userId, decisionReason: reason };
  run.cancel('consent_reminder', 'consent_escalation');
}

function validateConsentDecision(run: CaseRun, actor: Actor, reason: string): void {
  requireRole(actor, decisionRoles.laConsent);
  requireStage(run.state.stage, ['awaiting_la_consent']);
  requireText('reason', reason);
}

/** Cases opened before the exclusion periods were settings carry a policy without them: the defaults apply. */
function exclusionPeriodsOf(policy: LaPolicy): ExclusionPeriods {
  const { 'EXCL-BOARD-REINSTATEMENT': board, 'EXCL-REVIEW-APPLICATION': review, 'EXCL-BOARD-RECONSIDERATION': reconsider } = { ...defaultPolicy, ...policy };
  return { 'EXCL-BOARD-REINSTATEMENT': board, 'EXCL-REVIEW-APPLICATION': review, 'EXCL-BOARD-RECONSIDERATION': reconsider };
}

function signedEnquiries(record: JointEnquiriesRecord): JointEnquiries | undefined {
  if (!record.outcome) return undefined;
  return { outcome: record.outcome, schoolSignedOff: Boolean(record.schoolSignedBy), laSignedOff: Boolean(record.laSignedBy) };
}
