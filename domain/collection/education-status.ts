import type { CaseOutcome } from '../case';
import { inferredCmeReasons } from './reason-capture';

/** Where a child's education stands: the status history keeps each with the time it began (education_status). */
export const educationStatuses = ['on_roll', 'cme', 'ehe', 'alternative_provision', 'moved_out_of_area', 'moved_abroad', 'deceased', 'past_compulsory_age'] as const;
export type EducationStatus = (typeof educationStatuses)[number];

export interface StatusChange {
  status: EducationStatus;
  /** A reason code of the collection's list for the status (cme or ehe), when the event makes it unambiguous. */
  reason?: string;
}

/** What a recorded case event says about the child's education, as recordCaseEvent receives it. */
export interface StatusEvent {
  action: string;
  stage: string;
  detail?: Record<string, string | number | boolean | null>;
  outcome?: string;
}

const statusOfOutcome: Record<CaseOutcome, EducationStatus> = {
  on_roll_elsewhere: 'on_roll',
  located_and_attending: 'on_roll',
  // The order names the school the child must attend: the child is expected on its roll.
  school_attendance_order: 'on_roll',
  elective_home_education: 'ehe',
  moved_abroad: 'moved_abroad',
};

/** Deletion grounds that say where the child's education went (SAR24 reg 9(1)); the others say nothing certain. */
const statusOfGround: Record<string, EducationStatus> = { A: 'on_roll', F: 'ehe', K: 'deceased', L: 'past_compulsory_age' };

/**
 * The status change an event makes, if any. Only events whose meaning is unambiguous change it: a case opening in
 * CME tracing (a child on no roll, reason not yet known), CME opened after an H or I deletion with the child not
 * found (whereabouts unknown), a CME reason recorded, a deletion on a ground that names the destination, and a
 * case's outcome (with the EHE reason given at close).
 */
export function statusChangeOf(event: StatusEvent): StatusChange | undefined {
  const reason = typeof event.detail?.primaryReason === 'string' ? event.detail.primaryReason : undefined;
  if (event.outcome) {
    const status = statusOfOutcome[event.outcome as CaseOutcome] as EducationStatus | undefined;
    // Only a reason of the new status's own list is kept with it: EHE's (domain/collection/reason-capture.ts).
    if (!status) return undefined;
    return status === 'ehe' && reason ? { status, reason } : { status };
  }
  if (event.action === 'case_opened' && event.stage === 'cme_tracing') return { status: 'cme' };
  if (event.action === 'cme_opened') return { status: 'cme', reason: inferredCmeReasons.cmeOpenedAfterEnquiries.reason };
  // The CME officer's reason, or the one a closing CME case gives, joins the child's current run of CME.
  if (event.action === 'cme_reason_recorded' && reason) return { status: 'cme', reason };
  if (event.action === 'deletion_confirmed' && typeof event.detail?.ground === 'string') {
    const status = statusOfGround[event.detail.ground];
    return status ? { status } : undefined;
  }
  return undefined;
}

/** Each status in words, as the dashboard names where a child's time missing education ended. */
export const statusLabels: Record<EducationStatus, string> = {
  on_roll: 'On a school roll',
  cme: 'Missing education',
  ehe: 'Electively home educated',
  alternative_provision: 'In alternative provision',
  moved_out_of_area: 'Moved out of the area',
  moved_abroad: 'Moved abroad',
  deceased: 'Died',
  past_compulsory_age: 'Past compulsory school age',
};
