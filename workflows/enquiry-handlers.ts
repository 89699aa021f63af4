import { setHandler } from '@temporalio/workflow';
import { openStages } from '../domain/case';
import { decisionRoles } from '../domain/decision-roles';
import { signJointEnquiries, type SignJointEnquiriesInput } from './case-messages';
import type { CaseRun } from './case-run';
import { refuseFailing, reject, requireCaseSchool, requireRole, requireStage } from './reject';

/**
 * Joint school + LA reasonable enquiries (grounds H and I): each side signs the same outcome. Found and may
 * return keeps the pupil on roll; not found, or found and not returning, lets an H/I deletion proceed.
 */
export function registerEnquiryHandlers(run: CaseRun): void {
  setHandler(
    signJointEnquiries,
    async (input) => {
      const enquiries = run.state.jointEnquiries;
      enquiries.outcome = input.outcome;
      if (input.actor.role === 'school') enquiries.schoolSignedBy = input.actor.userId;
      else enquiries.laSignedBy = input.actor.userId;
      await run.record('joint_enquiries_signed', input.actor, { outcome: input.outcome, forGrounds: 'H, I' });
      return enquiries;
    },
    { validator: (input) => validateSignature(run, input) },
  );
}

function validateSignature(run: CaseRun, input: SignJointEnquiriesInput): void {
  requireRole(input.actor, decisionRoles.jointEnquiries);
  requireStage(run.state.stage, [...openStages]);
  requireCaseSchool(input.actor, run.state.schoolUrn);
  const enquiries = run.state.jointEnquiries;
  const mine = input.actor.role === 'school' ? enquiries.schoolSignedBy : enquiries.laSignedBy;
  if (mine) reject('actor', `the ${input.actor.role === 'school' ? 'school' : 'LA'} has already signed`);
  // Grounds H and I rest on enquiries school and LA made together: both sign one outcome.
  refuseFailing([
    !['not_found', 'found_will_not_return', 'found_may_return'].includes(input.outcome) && `outcome: unknown outcome ${input.outcome}`,
    enquiries.outcome !== undefined && enquiries.outcome !== input.outcome && `outcome: differs from the outcome the other side signed (${enquiries.outcome}); agree it first`,
  ]);
}
