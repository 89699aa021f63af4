import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { englandToday } from '../format.js';
import { ErrorSummary } from '../components.js';
import { Checkbox, DateInput, Input, Select, Textarea, errorOf, errorsFrom, formValues } from '../fields.js';
import { html } from '../html.js';
import { decisionFields } from './decision-words.js';
import { groundFields } from './ground-fields.js';

const OPEN_STAGES = ['awaiting_reason', 'whereabouts_check', 'health_needs_s19', 'support_first', 'deletion_intended', 'exclusion_process', 'escalated_to_la'];
/** Where an unexplained absence (T1) awaits its reason, and where a child can come back to the case's school. */
const REASON_STAGES = ['awaiting_reason', 'escalated_to_la'];
const RETURN_STAGES = ['awaiting_reason', 'whereabouts_check', 'health_needs_s19', 'support_first', 'escalated_to_la'];
/** The 2024 codes a school most often enters in place of N; the API takes any code but N. */
const REASON_CODES = [
  ['I', 'I: illness'], ['M', 'M: medical or dental appointment'], ['C', 'C: leave, exceptional circumstances'], ['C1', 'C1: leave for a performance or employment'],
  ['C2', 'C2: part-time timetable'], ['R', 'R: religious observance'], ['T', 'T: traveller absence'], ['J1', 'J1: interview'], ['S', 'S: study leave'], ['E', 'E: suspended or excluded'],
  ['G', 'G: holiday not authorised'], ['O', 'O: unauthorised, other'], ['U', 'U: arrived after registers closed'], ['L', 'L: late, present'], ['B', 'B: off-site educational activity, present'],
];
const CLOSABLE = [...OPEN_STAGES, 'deleted_from_roll', 'cme_tracing', 'consent_refused'];
/** Who may record the Secretary of State's direction: domain/decision-roles.ts `sosDirection`, which the case enforces. */
const DIRECTION_ROLES = ['la_cme_officer', 'la_send_officer', 'manager'];

/**
 * The order the law expects the decisions in, for each stage, the usual one first: an unexplained absence waits
 * for its reason before anything else (T1); a whereabouts check is enquiries before deletion (C.1); a case whose
 * school intends to delete leads with the request; safeguarding and closing come last everywhere.
 */
const ORDER = {
  awaiting_reason: ['reason', 'back', 'contact', 'enquiries', 'deletion'],
  whereabouts_check: ['contact', 'enquiries', 'back', 'deletion'],
  escalated_to_la: ['enquiries', 'contact', 'reason', 'back', 'deletion'],
  deletion_intended: ['deletion', 'contact', 'enquiries'],
  cme_tracing: ['cme-reason', 'trace', 'contact'],
  consent_refused: ['direction'],
};
const LAST = ['safeguarding', 'close'];
const rank = (stage, key) => {
  const order = [...(ORDER[stage] ?? []), 'consent-grant', 'consent-refuse', 'reason', 'back', 'contact', 'enquiries', 'deletion', 'cme-reason', 'trace', ...LAST];
  return order.indexOf(key);
};

/** One decision as a GOV.UK form: sends it; a refusal shows as an error summary (every reason), else the case reloads. */
export function DecisionForm({ caseId, path, title, children, toBody, onDone, danger, prefix }) {
  const [errors, setErrors] = useState([]);
  const [refused, setRefused] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    try {
      await api(`/v1/cases/${caseId}/${path}`, { method: 'POST', body: toBody(formValues(event.target)) });
      onDone();
    } catch (e) {
      const found = errorsFrom(e, decisionFields).map((error) => (error.field ? { ...error, field: `${prefix}-${error.field}` } : error));
      setErrors(found);
      setRefused(Boolean(e.reasons?.length));
    } finally {
      setBusy(false);
    }
  };
  const id = `decision-${prefix}`;
  return html`<form class="app-decision" aria-labelledby=${id} onSubmit=${submit} novalidate>
    <h3 class="govuk-heading-s" id=${id}>${title}</h3>
    <${ErrorSummary} errors=${errors} title=${refused ? 'Refused: the case did not accept this' : undefined} />
    ${[children].flat().map((child) => (typeof child === 'function' ? child((field) => errorOf(errors, `${prefix}-${field}`)) : child))}
    <button type="submit" class=${`govuk-button${danger ? ' govuk-button--warning' : ''}`} disabled=${busy}>${busy ? 'Sending…' : title}</button>
  </form>`;
}

function DeletionRequest({ caseId, onDone }) {
  const [ground, setGround] = useState('F');
  const spec = groundFields[ground];
  const toBody = (form) => {
    const evidence = Object.fromEntries(
      spec.fields
        .filter((field) => !field.optional || form.get(field.name))
        .map((field) => {
          const value = form.get(field.name);
          if (field.type === 'boolean') return [field.name, value === 'on'];
          if (field.type === 'codes') return [field.name, String(value ?? '').split(',').map((code) => code.trim().toUpperCase()).filter(Boolean)];
          return [field.name, String(value ?? '')];
        }),
    );
    return { ground, deleteOn: form.get('deleteOn'), evidence };
  };
  return html`<${DecisionForm} caseId=${caseId} prefix="deletion" path="deletion-requests" title="Request deletion from roll" toBody=${toBody} onDone=${onDone}>
    ${(err) => html`<${Select} id="ground" label="Ground (SAR24 reg 9(1))" value=${ground} onChange=${(e) => setGround(e.target.value)} options=${Object.entries(groundFields).map(([code, g]) => [code, g.title])} />
    <${DateInput} id="deletion-deleteOn" name="deleteOn" label="Delete on" hint="The day the name comes off the roll: not before the ground is met. For example, 27 3 2026" error=${err('deleteOn')} />
    ${spec.fields.map((field) =>
      field.type === 'boolean'
        ? html`<${Checkbox} id=${`ev-${field.name}`} name=${field.name} label=${field.text} />`
        : field.type === 'date'
          ? html`<${DateInput} id=${`ev-${field.name}`} name=${field.name} label=${field.text} />`
          : html`<${Input} id=${`ev-${field.name}`} name=${field.name} label=${field.text} />`,
    )}`}
  <//>`;
}

/**
 * The LA's code lists in force (CME-REASONS, EHE-REASONS, CME-RISK-CIRCUMSTANCES) as [code, label] options, read
 * from the rules endpoint so a form offers exactly what the case accepts; empty until they arrive.
 */
function useCodeLists(laCode, wanted) {
  const [lists, setLists] = useState({});
  useEffect(() => {
    if (!wanted) return;
    api(`/v1/las/${laCode}/rules`)
      .then((body) => setLists(Object.fromEntries(body.rules.filter((rule) => rule.codes).map((rule) => [rule.id, rule.codes.map(({ code, label }) => [code, label])]))))
      .catch(() => setLists({}));
  }, [laCode, wanted]);
  return lists;
}

const CHOOSE = ['', 'Choose a reason'];

/** Why the child is missing education, the circumstances known, and whether social care knows the child: codes only. */
const CmeReasonForm = ({ caseId, lists, onDone }) => html`<${DecisionForm} caseId=${caseId} prefix="cme" path="cme-reason" title="Record why the child is missing education"
    toBody=${(f) => ({ primaryReason: f.get('primaryReason'), circumstances: f.getAll('circumstances'), ...(f.get('knownToSocialCare') ? { knownToSocialCare: f.get('knownToSocialCare') === 'yes' } : {}) })} onDone=${onDone}>
  ${(err) => html`<${Select} id="cme-primaryReason" name="primaryReason" label="Primary reason (as the termly return counts it)" options=${[CHOOSE, ...(lists['CME-REASONS'] ?? [])]} error=${err('primaryReason')} />
  <div class=${`govuk-form-group${err('circumstances') ? ' govuk-form-group--error' : ''}`}><fieldset class="govuk-fieldset" aria-describedby="cme-circumstances-hint">
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Circumstances that raise the risk</legend>
    <div id="cme-circumstances-hint" class="govuk-hint">Select all that apply</div>
    ${(lists['CME-RISK-CIRCUMSTANCES'] ?? []).map(([code, text], index) => html`<${Checkbox} id=${index === 0 ? 'cme-circumstances' : `cme-circumstances-${code}`} name="circumstances" value=${code} label=${text} />`)}
  </fieldset></div>
  <${Select} id="cme-knownToSocialCare" name="knownToSocialCare" label="Known to children's social care?" options=${[['', 'Not asked yet'], ['yes', 'Yes'], ['no', 'No']]} />`}
<//>`;

/**
 * Closing asks for the primary reason where its outcome needs one (domain/collection/reason-capture.ts): home
 * education, the EHE reason (required); a CME case, why the child was missing (a move abroad is inferred).
 */
function CloseForm({ caseId, stage, lists, onDone }) {
  const [outcome, setOutcome] = useState('located_and_attending');
  const wasCme = stage === 'cme_tracing';
  const list = outcome === 'elective_home_education' ? 'EHE-REASONS' : wasCme && outcome !== 'moved_abroad' ? 'CME-REASONS' : undefined;
  const hint = outcome === 'elective_home_education' ? 'Required: the termly return counts home-educated children by primary reason' : 'Why the child was missing education, if it is now known';
  return html`<${DecisionForm} caseId=${caseId} prefix="close" path="close" title="Close the case"
      toBody=${(f) => ({ outcome: f.get('closeOutcome'), reason: f.get('reason'), ...(f.get('primaryReason') ? { primaryReason: f.get('primaryReason') } : {}) })} onDone=${onDone}>
    ${(fieldError) => html`<${Select} id="closeOutcome" label="Outcome" value=${outcome} onChange=${(e) => setOutcome(e.target.value)} options=${[['located_and_attending', 'Located and attending'], ['on_roll_elsewhere', 'On roll elsewhere'], ['elective_home_education', 'Elective home education'], ['moved_abroad', 'Moved abroad'], ['school_attendance_order', 'School attendance order']]} />
    ${list ? html`<${Select} id="close-primaryReason" name="primaryReason" label="Primary reason" hint=${hint} options=${[CHOOSE, ...(lists[list] ?? [])]} error=${fieldError('primaryReason')} />` : null}
    ${wasCme && outcome === 'moved_abroad' ? html`<p class="govuk-body">The primary reason is recorded as believed to have moved out of the country.</p>` : null}
    ${reasonField('close', fieldError)}`}
  <//>`;
}

const reasonField = (prefix, err) => html`<${Textarea} id=${`${prefix}-reason`} name="reason" label="Reason (recorded in the audit log)" error=${err('reason')} />`;

/** The decisions this user may take on this case now, in the order the law expects; the case checks them again. */
export function Decisions({ caseId, state, user, onDone }) {
  const { role } = user;
  const stage = state.stage;
  const lists = useCodeLists(state.laCode, (role === 'la_cme_officer' || role === 'manager') && CLOSABLE.includes(stage));
  const forms = [];
  const add = (key, form) => forms.push([key, form]);
  if (role === 'la_send_officer' && stage === 'awaiting_la_consent') {
    add('consent-grant', html`<${DecisionForm} caseId=${caseId} prefix="grant" path="la-consent" title="Grant LA consent" toBody=${(f) => ({ decision: 'grant', reason: f.get('reason') })} onDone=${onDone}>${(err) => reasonField('grant', err)}<//>`);
    add('consent-refuse', html`<${DecisionForm} caseId=${caseId} prefix="refuse" path="la-consent" title="Refuse LA consent" danger toBody=${(f) => ({ decision: 'refuse', reason: f.get('reason') })} onDone=${onDone}>${(err) => reasonField('refuse', err)}<//>`);
  }
  if (DIRECTION_ROLES.includes(role) && stage === 'consent_refused') {
    // PRR06 reg 8(2), kept in SAR24 reg 9 (GATE-SPECIAL-SCHOOL): after the LA refuses, only this direction lets the deletion go ahead.
    add('direction', html`<${DecisionForm} caseId=${caseId} prefix="direction" path="sos-direction" title="Record the Secretary of State's direction" toBody=${(f) => ({ reference: f.get('reference') })} onDone=${onDone}>
      ${(err) => html`<p class="govuk-body">The LA refused consent to delete this pupil from the special school's roll. Only a direction of the Secretary of State lets the deletion go ahead; without one the child stays on the roll.</p>
      <${Input} id="direction-reference" name="reference" label="Reference on the Secretary of State's direction" hint="As the direction gives it, for example DfE/2026/001. Recording it lets the deletion from the roll go ahead." maxlength="100" spellcheck="false" error=${err('reference')} />`}
    <//>`);
  }
  const caseSchoolOrOfficer = role === 'school' || role === 'la_cme_officer';
  if (caseSchoolOrOfficer && REASON_STAGES.includes(stage) && state.concerns?.[0]?.reason === 'unexplained_absence') {
    add('reason', html`<${DecisionForm} caseId=${caseId} prefix="reason" path="reason-established" title="Record the reason established" toBody=${(f) => ({ reasonCode: f.get('reasonCode') })} onDone=${onDone}>
      <${Select} id="reasonCode" label="The code entered in the register in place of N (T1)" options=${REASON_CODES} />
    <//>`);
  }
  if (caseSchoolOrOfficer && RETURN_STAGES.includes(stage)) {
    add('back', html`<${DecisionForm} caseId=${caseId} prefix="back" path="back-in-school" title="Record the child back in school" toBody=${(f) => ({ returnedOn: f.get('returnedOn') })} onDone=${onDone}>
      ${(err) => html`<${DateInput} id="back-returnedOn" name="returnedOn" label="Back in school on" hint="Today or earlier, for example 27 3 2026" value=${englandToday()} error=${err('returnedOn')} />`}
    <//>`);
  }
  if (role === 'school' && OPEN_STAGES.includes(stage) && !state.deletion) add('deletion', html`<${DeletionRequest} caseId=${caseId} onDone=${onDone} />`);
  if (caseSchoolOrOfficer && OPEN_STAGES.includes(stage)) {
    add('enquiries', html`<${DecisionForm} caseId=${caseId} prefix="enquiries" path="joint-enquiries" title="Sign joint enquiries" toBody=${(f) => ({ outcome: f.get('outcome') })} onDone=${onDone}>
      <${Select} id="outcome" label="Outcome of the joint school and LA enquiries" options=${[['not_found', 'Child not found'], ['found_will_not_return', 'Found, will not return'], ['found_may_return', 'Found, may return']]} />
    <//>`);
  }
  if (caseSchoolOrOfficer && (OPEN_STAGES.includes(stage) || stage === 'cme_tracing')) {
    add('contact', html`<${DecisionForm} caseId=${caseId} prefix="contact" path="contact-attempts" title="Record a contact attempt" toBody=${(f) => ({ method: f.get('method'), outcome: f.get('contactOutcome') })} onDone=${onDone}>
      <${Select} id="method" label="How" options=${[['phone', 'Phone'], ['text_message', 'Text message'], ['email', 'Email'], ['letter', 'Letter'], ['home_visit', 'Home visit'], ['other_agency', 'Through another agency']]} />
      <${Select} id="contactOutcome" label="Result" options=${[['no_response', 'No response'], ['message_left', 'Message left'], ['spoke_to_parent', 'Spoke to a parent'], ['child_seen', 'Child seen'], ['address_vacant', 'Address vacant']]} />
    <//>`);
  }
  if ((role === 'la_cme_officer' || role === 'manager') && stage === 'cme_tracing') add('cme-reason', html`<${CmeReasonForm} caseId=${caseId} lists=${lists} onDone=${onDone} />`);
  if (role === 'la_cme_officer' && stage === 'cme_tracing') {
    add('trace', html`<${DecisionForm} caseId=${caseId} prefix="trace" path="trace-steps" title="Record a trace step" toBody=${(f) => ({ step: f.get('step'), ...(f.get('otherLaCode') ? { otherLaCode: f.get('otherLaCode') } : {}) })} onDone=${onDone}>
      ${(err) => html`<${Select} id="step" label="Step" options=${[['other_la_contacted', 'Other LA contacted'], ['lost_pupils_database_checked', 'Lost Pupils Database checked'], ['agency_checked', 'Agency checked'], ['home_visit_made', 'Home visit made']]} />
      <${Input} id="trace-otherLaCode" name="otherLaCode" label="Other LA code (when contacted)" inputmode="numeric" error=${err('otherLaCode')} />`}
    <//>`);
  }
  if (['school', 'la_cme_officer', 'la_send_officer'].includes(role) && stage !== 'closed') {
    add('safeguarding', html`<${DecisionForm} caseId=${caseId} prefix="safeguarding" path="safeguarding-concerns" title="Raise a safeguarding concern" danger toBody=${(f) => ({ concern: f.get('concern') })} onDone=${onDone}>
      <${Select} id="concern" label="Concern (referred at once to children's social care and police)" options=${[['risk_of_harm', 'Risk of harm'], ['missing_child', 'Missing child'], ['has_social_worker', 'Has a social worker'], ['has_yot_worker', 'Has a YOT worker']]} />
    <//>`);
  }
  if ((role === 'la_cme_officer' || role === 'manager') && CLOSABLE.includes(stage)) {
    add('close', html`<${CloseForm} caseId=${caseId} stage=${stage} lists=${lists} onDone=${onDone} />`);
  }
  if (!forms.length) return html`<p class="govuk-body">No decision awaits you on this case.</p>`;
  forms.sort(([a], [b]) => rank(stage, a) - rank(stage, b));
  return html`<div class="app-decisions">${forms.map(([, form]) => form)}</div>`;
}
