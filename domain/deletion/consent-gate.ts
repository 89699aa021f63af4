import type { LaPolicy } from '../rules/policy';
import type { DeletionGround } from './grounds-list';

/** What the register says about where and how the pupil is placed. */
export interface Placement {
  isSpecialSchool: boolean;
  /** Registered at the school under arrangements made by the LA. */
  placedByLa: boolean;
  senStatus: 'none' | 'sen_support' | 'ehc_plan';
  /** Subject of a s47 enquiry or child-protection plan (CWSA26 condition B). */
  childProtection?: boolean;
}

/**
 * GATE-SPECIAL-SCHOOL: an LA-placed special-school pupil is not deleted without LA consent, except on the
 * LA's exempt grounds. With CWSA26-CONSENT on (not yet commenced), EHE for a child-protection pupil needs
 * consent too. No other deletion may be blocked: a reg 9 ground "must" be acted on (G16).
 */
export function laConsentRequired(placement: Placement, ground: DeletionGround, policy: Pick<LaPolicy, 'GATE-SPECIAL-SCHOOL' | 'CWSA26-CONSENT'>): boolean {
  const specialSchoolGate = placement.isSpecialSchool && placement.placedByLa && !policy['GATE-SPECIAL-SCHOOL'].includes(ground);
  const cwsa26Gate = policy['CWSA26-CONSENT'] && ground === 'F' && (placement.childProtection ?? false);
  return specialSchoolGate || cwsa26Gate;
}

/** EHCP-EHE-REVIEW: a mainstream pupil with an EHC plan leaving for EHE is deleted, and the SEND team reviews the plan. */
export function ehcpReviewRequired(placement: Placement, ground: DeletionGround): boolean {
  return !placement.isSpecialSchool && placement.senStatus === 'ehc_plan' && ground === 'F';
}
