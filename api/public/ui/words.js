// What the case's records say, in the words people use: who acted (role and school by name), what happened.
import { day, label, stageName } from './format.js';

const roleWords = {
  school: 'school staff',
  la_cme_officer: 'LA CME officer',
  la_send_officer: 'LA SEND officer',
  manager: 'LA manager',
  admin: 'administrator',
};
const partyWords = {
  la_cme_officer: 'the LA CME officer',
  la_send_team: 'the LA SEND team',
  la_ehe_team: 'the LA elective home education team',
  la_health_officer: 'the LA health needs officer',
  la_manager: 'the LA manager',
  school: 'the school',
  childrens_social_care: "children's social care",
  police: 'the police',
  social_worker_of_child: "the child's social worker",
  yot_worker_of_child: "the child's youth offending team worker",
  la_early_help: 'the LA early help team',
  la_educational_psychology: 'the LA educational psychology service',
  la_send_transport: 'the LA transport team',
  health_services: 'health services',
};

/** A school by name where we know it, else by URN. */
export const schoolWords = (urn, schools) => schools.get(urn) ?? `school ${urn}`;

/**
 * An actor as recorded (`school:<urn>:<user>`, `<role>:<user>`, `system`, or a reporter such as `attendance_feed`):
 * by role and school name, never by user id.
 */
/** Who referred a child on no roll (intake/refer-child.ts records `<actor> for referrer:<kind>`). */
const referrerWords = { public: 'a member of the public', agency: 'an agency', other_la: 'another LA', health: 'health services', police: 'the police', school: 'a school', la_officer: 'an LA officer' };

export function actorWords(actor, schools) {
  if (!actor) return '';
  const [recorder, referrer] = actor.split(' for referrer:');
  if (referrer !== undefined) return `${actorWords(recorder, schools)}, on a referral by ${referrerWords[referrer] ?? label(referrer)}`;
  const [role, ...rest] = actor.split(':');
  if (role === 'school' && rest.length === 2) return `${schoolWords(rest[0], schools)} (school staff)`;
  if (roleWords[role] && rest.length === 1) return roleWords[role];
  if (actor === 'system') return 'The case (a clock)';
  return label(actor).replace(/^./, (c) => c.toUpperCase());
}

/** A notification's party (`la_send_team:938`, `school:100003`). */
export function partyOf(token, schools) {
  const [kind, code] = String(token ?? '').split(':');
  if (kind === 'school') return schoolWords(code, schools);
  return partyWords[kind] ?? label(kind);
}

/** The concerns a school reports (domain/case.ts concernReasons), in words. */
export const REASONS = [
  ['unexplained_absence', 'Unexplained absence (code N)'],
  ['continuous_unauthorised_absence', '10 continuous school days of unauthorised absence'],
  ['continuous_absence_20_days', '20 continuous school days, every session G, N or O'],
  ['sickness_expected_15_days', 'Sickness expected to reach 15 school days'],
  ['persistent_absence_send', 'Persistent absence (10% or more) of a pupil with SEN'],
  ['severe_absence_send', 'Severe absence (50% or more) of a pupil with SEN'],
  ['part_time_timetable', 'Part-time timetable agreed'],
  ['ehe_written_notice', "Parent's written notice of home education"],
  ['ehe_oral_intention', 'Parent says they intend to home educate'],
  ['intended_deletion', 'School intends to delete from roll'],
  ['leaver_unknown_destination', 'Leaver with unknown destination'],
  ['no_show', 'Allocated a place but never arrived'],
  ['permanent_exclusion', 'Permanent exclusion'],
];
const concerns = new Map([...REASONS, ['referral_no_roll', 'Referral of a child on no school roll']]);
export const concernWords = (reason) => concerns.get(reason) ?? label(reason);

/** The barriers of the default SUPPORT-BARRIERS list (domain/support/barriers.ts); an LA's own list may differ. */
export const BARRIERS = [
  ['physical_health', 'Physical health'],
  ['mental_health', 'Mental health, including anxiety'],
  ['emotionally_based_school_avoidance', 'Emotionally based school avoidance'],
  ['unmet_send_need', 'Unmet special educational need or disability'],
  ['bullying', 'Bullying'],
  ['transport', 'Transport to school'],
  ['family_circumstances', 'Family circumstances'],
  ['young_carer', 'Young carer'],
  ['housing', 'Housing'],
  ['school_relationships', 'Relationships at school'],
  ['other', 'Other barrier'],
];
const barriers = new Map(BARRIERS);
export const barrierWords = (code) => barriers.get(code) ?? label(code);

/** Who may own a support plan action (domain/support/plan.ts planOwners). */
export const OWNERS = [
  ['school', 'The school'],
  ['senco', 'The SENCo'],
  ['la_send_team', 'The LA SEND team'],
  ['health', 'Health services'],
  ['early_help', 'Early help'],
  ['educational_psychology', 'Educational psychology'],
  ['transport', 'Transport'],
  ['social_care', "Children's social care"],
];
const owners = new Map(OWNERS);
export const ownerWords = (owner) => owners.get(owner) ?? label(owner);
/** What the SEND team may be asked (domain/support/send-link.ts), and how it answers. */
export const SEND_REQUESTS = [['early_ehcp_review', 'Consider an early review of the EHC plan'], ['ehc_needs_assessment', 'An EHC needs assessment (request to the LA)']];
const sendRequests = new Map(SEND_REQUESTS);
export const sendRequestWords = (kind) => sendRequests.get(kind) ?? label(kind);
export const SEND_ANSWERS = [['agreed', 'Agreed'], ['declined', 'Declined']];
export const OUTCOMES = [['progressing', 'Progressing'], ['done', 'Done'], ['not_started', 'Not started'], ['dropped', 'Dropped']];
export const NEXT_STEPS = [['continue', 'Continue the plan'], ['change', 'Change the plan'], ['formalise', 'Formalise support'], ['enforce', 'Enforce (LA only)']];

const actions = {
  case_opened: 'Case opened',
  concern_attached: 'Another concern joined the case',
  reason_established: 'Reason for absence established',
  contact_attempt: 'Contact attempt recorded',
  joint_enquiries_signed: 'Joint enquiries signed',
  safeguarding_referral: 'Safeguarding referral made',
  deletion_refused: 'Deletion request refused by the rules',
  la_consent_requested: 'LA consent to the deletion requested',
  la_consent_granted: 'LA consent granted',
  la_consent_refused: 'LA consent refused',
  consent_reminder_sent: 'Reminder sent: consent still to decide',
  consent_escalated: 'Undecided consent escalated to the manager',
  sos_direction_recorded: 'Secretary of State direction recorded',
  deletion_return_sent: 'Deletion return sent to the LA',
  deletion_confirmed: 'Deletion from the roll confirmed',
  deletion_not_confirmed: 'Deletion from the roll not confirmed',
  cme_opened: 'Child missing education: tracing started',
  trace_step: 'Trace step recorded',
  cme_reason_recorded: 'Why the child is missing education recorded',
  deadline_passed: 'A clock ran out',
  code_n_unresolved: 'Code N not replaced in time',
  placement_updated: 'Placement updated',
  send_team_told_to_review_plan: 'SEND team told to review the EHC plan',
  support_review_due: 'Support review due',
  support_stage_changed: 'Support stage changed',
  support_barrier_recorded: 'Barrier to attendance recorded',
  support_action_added: 'Support plan action agreed',
  support_action_status_changed: 'Support plan action updated',
  support_action_lapsed: 'Support plan action past its due date',
  support_review_recorded: 'Support review recorded',
  part_time_timetable_agreed: 'Part-time timetable agreed with the parent',
  part_time_timetable_extended: 'Part-time timetable extended',
  part_time_timetable_ended: 'Part-time timetable ended: back to full time',
  part_time_timetable_raised: 'Part-time timetable past its review or end date',
  send_request_made: 'SEND team asked to act on an unmet need',
  send_request_lapsed: 'Request to the SEND team past its answer date',
  send_request_answered: 'SEND team answered a request',
  case_closed: 'Case closed',
};
export const actionWords = (what) => actions[what] ?? label(what).replace(/^./, (c) => c.toUpperCase());

/** The few details a person reads on a timeline entry; ids and internal fields stay in the export. */
const shownDetails = {
  reason: (v) => (concerns.has(v) ? concernWords(v) : `Reason: ${v}`),
  reasonCode: (v) => `Register code ${v}`,
  ground: (v) => `Ground ${v}`,
  deleteOn: (v) => `To delete on ${day(v)}`,
  outcome: (v) => `Outcome: ${label(v)}`,
  primaryReason: (v) => `Primary reason: ${label(v)}`,
  circumstances: (v) => `Circumstances: ${v.split(',').map(label).join(', ')}`,
  knownToSocialCare: (v) => (v === 'true' ? "Known to children's social care" : "Not known to children's social care"),
  concern: (v) => `Concern: ${label(v)}`,
  step: (v) => label(v),
  method: (v) => `By ${label(v)}`,
  returnedOn: (v) => `Back in school on ${day(v)}`,
  stage: (v) => `Stage: ${stageName(v)}`,
  reasons: (v) => (Array.isArray(v) ? v.join('; ') : ''),
  code: (v) => `Barrier: ${barrierWords(v)}`,
  owner: (v) => `By ${ownerWords(v)}`,
  what: (v) => v,
  status: (v) => `Now ${label(v)}`,
  nextStep: (v) => `Next step: ${label(v)}`,
  note: (v) => v,
};
export function detailWords(detail) {
  if (!detail) return '';
  return Object.entries(detail)
    .filter(([key, value]) => shownDetails[key] && (typeof value === 'string' || Array.isArray(value)))
    .map(([key, value]) => shownDetails[key](value))
    .join('. ');
}

/** Who the case waits for at each stage, and what they must do (docs/law.md, C.1 and the deletion gate). */
const nextSteps = {
  opening: ['the case engine', 'open the case'],
  awaiting_reason: ['the school', 'establish the reason for the absence and replace code N in the register'],
  whereabouts_check: ['the school and the LA', 'make reasonable enquiries together to find where the child is'],
  health_needs_s19: ['the LA', 'decide on education under section 19 for the child\'s health needs'],
  support_first: ['the school', 'support the child\'s attendance and review it'],
  deletion_intended: ['the school', 'send the deletion request with its ground'],
  exclusion_process: ['the governing board', 'consider reinstating the child after the permanent exclusion'],
  escalated_to_la: ['the LA CME officer', 'make enquiries with the school to find where the child is'],
  awaiting_la_consent: ['the LA SEND team', 'decide consent to deleting the child from the special school\'s roll'],
  consent_refused: ['the LA', 'record a Secretary of State direction if one is made; without one the child stays on the roll'],
  deleted_from_roll: ['the LA CME officer', 'make sure the child is in education'],
  cme_tracing: ['the LA CME officer', 'trace the child: other LAs, the Lost Pupils Database, agencies, a home visit'],
};
export const nextStepOf = (stage) => nextSteps[stage];
