import type { Role } from './actor';

/**
 * Who may take each decision the inbox asks for: the case's validators (and the marks upload, for code N) enforce
 * it and the inbox lists by it, so nobody is shown work they would be refused.
 */
export const decisionRoles = {
  /** Special-school consent (GATE-SPECIAL-SCHOOL): the SEND officer alone. */
  laConsent: ['la_send_officer'],
  /** The Secretary of State's direction after a refusal (GATE-SPECIAL-SCHOOL). */
  sosDirection: ['la_cme_officer', 'la_send_officer', 'manager'],
  /** Joint reasonable enquiries (grounds H and I): the school and the LA each sign. */
  jointEnquiries: ['school', 'la_cme_officer'],
  /** Tracing a child missing education (CME-OPEN). */
  traceStep: ['la_cme_officer'],
  /** Replacing code N within 5 school days (T1): whoever sends the register marks, the school or the LA for it. */
  replaceCodeN: ['school', 'la_cme_officer'],
} as const satisfies Record<string, readonly Role[]>;

export type Decision = keyof typeof decisionRoles;

export function mayDecide(role: Role, decision: Decision): boolean {
  return (decisionRoles[decision] as readonly Role[]).includes(role);
}
