import { parseRecipient, type Recipient } from '../../domain/recipients';
import type { NotificationMessage } from './notifier';
import { refused } from './refusal';

/** What the case row says at sending time: codes only. */
export interface CaseFacts {
  laCode: string;
  schoolUrn: string | null;
  stage: string;
}

export interface RenderInput {
  message: NotificationMessage;
  facts: CaseFacts;
  /** Where staff open the case in the web UI (PUBLIC_URL); without it messages carry no link. */
  publicUrl?: string;
  /** The deletion return's reg 13(4) data (outbox `body`), composed from the register. */
  deletionReturn?: Record<string, unknown>;
}

export interface Rendered {
  subject: string;
  text: string;
  data: Record<string, unknown>;
}

const titles: Record<string, string> = {
  case_opened: 'A case has been opened',
  concern_attached: 'A further concern on an open case',
  deadline_passed: 'A statutory clock has run out',
  code_n_unresolved: 'Code N is still in the register after 5 school days: establish the reason and replace it',
  reason_for_absence_overdue: 'The reason for an absence is still not established after 5 school days: replace code N',
  lost_pupils_ctf_due: 'Destination still unknown after 15 school days: upload the CTF to the Lost Pupils Database (S2S)',
  la_consent_requested: 'LA consent to a deletion is requested',
  la_consent_reminder: 'LA consent to a deletion is still awaited',
  la_consent_overdue: 'LA consent to a deletion is overdue',
  la_consent_refused: 'The LA refused consent to the deletion',
  deletion_return: 'Deletion return (SAR24 reg 13(4))',
  deletion_confirmed: 'The deletion from the roll is confirmed',
  deletion_not_confirmed_register: 'The deletion is not confirmed: the register now contradicts the ground',
  ehcp_review_on_ehe: 'Review the EHC plan: the child leaves for elective home education',
  reason_established: 'The school has established the reason for the absence (code N replaced)',
  child_back_in_school: 'The child is back in school: the case is closed',
  child_on_roll_elsewhere: 'The child is on another school\'s roll',
  cme_opened: 'Child missing education: tracing opened',
  cross_border_enquiry: 'Child missing education: enquiry from another LA',
  consider_school_attendance_order: 'A s437 notice has run out: consider a school attendance order',
  support_enforce: 'A support-first case moves to enforcement',
  support_review_due: 'A support-first review is due',
  support_action_assigned: 'An action on a support plan is assigned to you',
  support_action_lapsed: 'An action on a support plan is past its due date and still open',
  part_time_timetable_agreed: 'A part-time timetable is agreed',
  part_time_timetable_extended: 'A part-time timetable is extended',
  part_time_timetable_ended: 'A part-time timetable has ended: back to full time',
  part_time_timetable_raised: 'A part-time timetable is past its review or end date and still in place',
  send_request: 'The SEND team is asked to act on an unmet special educational need',
  send_request_lapsed: 'A request to the SEND team is past its response date and unanswered',
  send_request_answered: 'The SEND team has answered a request about an unmet special educational need',
  safeguarding: 'Safeguarding referral',
};

/** `case_opened:unexplained_absence` → event and reason code; `safeguarding_missing_child` → event and concern. */
function eventOf(template: string): { event: string; code?: string } {
  const [event = template, code] = template.split(':');
  if (event.startsWith('safeguarding_')) return { event: 'safeguarding', code: event.slice('safeguarding_'.length) };
  return code ? { event, code } : { event };
}

/**
 * Data minimisation: each kind of recipient is told only what its role needs. The LA's own teams get the
 * case (link, stage, school); another LA gets a reference and who asks; a school gets the event about its
 * own case and nothing of another school; safeguarding services and a child's workers get the reference,
 * the concern and whom to contact at the LA. Child personal data goes only in the deletion return, and only
 * to the case's own LA.
 */
function minimised(recipient: Recipient, input: RenderInput, event: { event: string; code?: string }): Record<string, unknown> {
  const { message, facts, publicUrl } = input;
  const common = { reference: message.caseId, event: event.event, ...(event.code ? { code: event.code } : {}), ...(message.ruleId ? { ruleId: message.ruleId } : {}) };
  const caseUrl = publicUrl ? { caseUrl: `${publicUrl.replace(/\/$/, '')}/ui/#/cases/${message.caseId}` } : {};
  const ownLa = recipient.service === 'la' && recipient.code === facts.laCode;
  if (message.template === 'deletion_return' && !ownLa) throw refused(`a deletion return goes only to the case's own LA, not to ${recipient.kind}`);
  switch (recipient.service) {
    case 'la':
      if (!ownLa) return { ...common, requestingLa: facts.laCode };
      return {
        ...common,
        ...caseUrl,
        stage: facts.stage,
        laCode: facts.laCode,
        ...(facts.schoolUrn ? { schoolUrn: facts.schoolUrn } : {}),
        ...(input.deletionReturn && message.template === 'deletion_return' ? { deletionReturn: input.deletionReturn } : {}),
      };
    case 'school':
      return { ...common, ...caseUrl, schoolUrn: recipient.code };
    case 'safeguarding':
    case 'child_worker':
      return { ...common, laCode: facts.laCode, contact: `the CME officer of LA ${facts.laCode}` };
  }
}

/** The message one recipient gets: a subject without personal data, a plain text, and the same as data. */
export function renderNotification(input: RenderInput): Rendered {
  const recipient = parseRecipient(input.message.recipient);
  if (!recipient) throw refused(`unknown recipient ${input.message.recipient}`);
  const event = eventOf(input.message.template);
  const data = minimised(recipient, input, event);
  const title = titles[event.event] ?? event.event.replaceAll('_', ' ');
  const subject = `[CME] ${title}${input.message.ruleId ? ` (${input.message.ruleId})` : ''}, case ${input.message.caseId}`;
  const { deletionReturn, ...fields } = data;
  const lines = Object.entries(fields).map(([name, value]) => `${name}: ${String(value)}`);
  const text = [title, '', ...lines, ...(deletionReturn ? ['', 'Deletion return (SAR24 reg 13(4)):', JSON.stringify(deletionReturn, null, 2)] : [])].join('\n');
  return { subject, text: `${text}\n`, data };
}
