import type { CaseOutcome } from '../case';
import { defaultPolicy, type LaPolicy } from '../rules/policy';

/**
 * Reasons a case infers rather than asks for: only where the event that sets the status says why without doubt.
 * Kept as data with its source; an inferred code off the LA's list (CME-REASONS) is not inferred.
 */
export const inferredCmeReasons = {
  /** Joint reasonable enquiries did not find the child and the school deleted on ground H or I (SAR24 reg 9(1)(h),(i)). */
  cmeOpenedAfterEnquiries: {
    reason: 'whereabouts_unknown',
    source: 'SAR24 reg 9(1)(h),(i) [P]: deletion after the school and the LA jointly failed to find the child [inferred]',
  },
  /** The LA closes a CME case because the child has left the country: that is why the child was missing education. */
  closedMovedAbroad: {
    reason: 'moved_out_of_country',
    source: 'CME24 (children who leave for overseas are CME until the LA is satisfied) [S]; the return\'s "believed to have moved out of the country" [inferred]',
  },
} as const;

export interface ReasonAtClose {
  /** Which list the primary reason at close is a code of; absent: the outcome takes none. */
  list?: 'EHE-REASONS' | 'CME-REASONS';
  /** The code the case infers; the caller may leave it out or repeat it, never contradict it. */
  inferred?: string;
  /** The return counts every EHE child by primary reason, so the case cannot close into EHE without one. */
  required: boolean;
}

/**
 * What a closing outcome asks of `primaryReason`: home education, the EHE reason (the return's EHE breakdown);
 * a CME case ending otherwise, why the child was missing (CME analytics; inferred for a move abroad); else none.
 * A written notice of home education (trigger T8, ground F) makes the status certain, not the reason: the notice
 * need not say why, so the EHE reason is asked for, never inferred.
 */
export function reasonAtClose(outcome: CaseOutcome, wasCme: boolean): ReasonAtClose {
  if (outcome === 'elective_home_education') return { list: 'EHE-REASONS', required: true };
  if (!wasCme) return { required: false };
  if (outcome === 'moved_abroad') return { list: 'CME-REASONS', inferred: inferredCmeReasons.closedMovedAbroad.reason, required: false };
  return { list: 'CME-REASONS', required: false };
}

type ListId = 'CME-REASONS' | 'EHE-REASONS' | 'CME-RISK-CIRCUMSTANCES';
type Lists = Partial<Pick<LaPolicy, ListId>>;

/** The LA's codes; a case whose policy was read before the lists existed has the collection's own. */
const codesIn = (lists: Lists, list: ListId): string[] => lists[list] ?? defaultPolicy[list];

/** The reason in force at close: the one given, else the one inferred when the LA's list has it. */
export function closingReason(rule: ReasonAtClose, given: string | undefined, lists: Lists): string | undefined {
  if (given) return given;
  return rule.list && rule.inferred && codesIn(lists, rule.list).includes(rule.inferred) ? rule.inferred : undefined;
}

/** Every way `primaryReason` fails the closing rule, as "field: why" reasons. */
export function closingReasonRefusals(outcome: CaseOutcome, wasCme: boolean, given: string | undefined, lists: Lists): string[] {
  const rule = reasonAtClose(outcome, wasCme);
  if (!rule.list) return given ? [`primaryReason: a case closing as ${outcome} records no primary reason; leave it out`] : [];
  if (given === undefined) return rule.required ? [`primaryReason: is required when a case closes as ${outcome}: a code of the LA's ${rule.list} list (not_known if it was not given)`] : [];
  const offList = notOnList('primaryReason', [given], rule.list, lists);
  if (offList.length > 0) return offList;
  if (rule.inferred && codesIn(lists, rule.list).includes(rule.inferred) && given !== rule.inferred) {
    return [`primaryReason: ${given} contradicts ${rule.inferred}, which a CME case closing as ${outcome} has; leave it out or give ${rule.inferred}`];
  }
  return [];
}

/** What the CME officer records while tracing: the primary reason, and the risk circumstances known. */
export function cmeReasonRefusals(primaryReason: string, circumstances: readonly string[], lists: Lists): string[] {
  return [
    ...notOnList('primaryReason', [primaryReason], 'CME-REASONS', lists),
    ...notOnList('circumstances', circumstances, 'CME-RISK-CIRCUMSTANCES', lists),
    ...(new Set(circumstances).size === circumstances.length ? [] : ['circumstances: name each circumstance once']),
  ];
}

function notOnList(field: string, codes: readonly string[], list: ListId, lists: Lists): string[] {
  return codes.filter((code) => !codesIn(lists, list).includes(code)).map((code) => `${field}: ${code} is not on the LA's ${list} list`);
}
