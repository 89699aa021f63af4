import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ConcernReceipt } from '../workflows/case-messages';
import type { referralBody } from './requests';
import { describeActor } from '../domain/actor';
import { requireLa, requireRole } from '../domain/access';
import { actorOf, type Principal } from '../domain/principal';
import type { CaseDeps } from '../temporal/case-deps';
import { saveChildDetails } from './child-details';
import { claimOpenCase } from './claim-open-case';
import { receiptFor, type PassedToLa } from '../read-model/case-disclosure';
import { reportToCase } from './report-to-case';

export type Referral = z.infer<typeof referralBody>;

/**
 * T15 (EA96 s436A): a referral of a child on no school roll, from anyone, opens the LA's CME enquiry. With a
 * UPN it joins any case open for the child; without one the child is registered under the referral's id, so
 * a retried referral reaches the same case.
 */
export async function referChild(deps: CaseDeps, principal: Principal, referral: Referral): Promise<ConcernReceipt | PassedToLa> {
  // Anyone may refer (s436A); a school or an LA officer records it, an officer for their own LA only.
  requireRole(principal, ['school', 'la_cme_officer', 'la_send_officer']);
  if (principal.role !== 'school') requireLa(principal, referral.laCode);
  const referralId = referral.referralId ?? randomUUID();
  const { pupilId, caseId, schoolUrn } = await claimOpenCase(deps.db, referral.upn ? { upn: referral.upn } : { pupilId: referralId });
  await saveChildDetails(deps.db, pupilId, referral.child);
  const receipt = await reportToCase(
    deps,
    { caseId, pupilId, laCode: referral.laCode, ...(schoolUrn ? { schoolUrn } : {}) },
    { reportId: referralId, reason: 'referral_no_roll', reportedBy: `${describeActor(actorOf(principal))} for referrer:${referral.referrer.kind}` },
  );
  // A school referring a child on no roll (or on another school's) may not read the case it opens or joins.
  return receiptFor(deps.db, principal, receipt);
}
