import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { englandToday } from '../format.js';
import { html } from '../html.js';
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

/** The case's refusal: every reason the rules gave, or the one message. */
function Refusal({ error }) {
  if (error.reasons.length > 1) {
    return html`<div class="error" role="alert"><p>Refused:</p><ul>${error.reasons.map((reason) => html`<li>${reason}</li>`)}</ul></div>`;
  }
  return html`<p class="error" role="alert">${error.message}</p>`;
}

/** One decision as a small form: sends it, shows the case's refusal (every reason) or reloads the case. */
function DecisionForm({ caseId, path, title, children, toBody, onDone, danger }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/v1/cases/${caseId}/${path}`, { method: 'POST', body: toBody(new FormData(event.target)) });
      onDone();
    } catch (e) {
      setError({ message: e.message, reasons: e.reasons ?? [] });
    } finally {
      setBusy(false);
    }
  };
  const id = `decision-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return html`<form class="card" aria-labelledby=${id} onSubmit=${submit}>
    <h3 id=${id} style="margin-top:0">${title}</h3>
    ${children}
    ${error && html`<${Refusal} error=${error} />`}
    <p><button type="submit" class=${danger ? 'danger' : ''} disabled=${busy}>${busy ? 'Sending…' : title}</button></p>
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
  return html`<${DecisionForm} caseId=${caseId} path="deletion-requests" title="Request deletion from roll" toBody=${toBody} onDone=${onDone}>
    <label for="ground">Ground (SAR24 reg 9(1))</label>
    <select id="ground" value=${ground} onChange=${(e) => setGround(e.target.value)}>
      ${Object.entries(groundFields).map(([code, g]) => html`<option value=${code}>${g.title}</option>`)}
    </select>
    <label for="deleteOn">Delete on</label>
    <input id="deleteOn" name="deleteOn" type="date" required value=${englandToday()} />
    ${spec.fields.map((field) =>
      field.type === 'boolean'
        ? html`<p><input id=${`ev-${field.name}`} name=${field.name} type="checkbox" /> <label for=${`ev-${field.name}`} style="display:inline">${field.text}</label></p>`
        : html`<label for=${`ev-${field.name}`}>${field.text}</label><input id=${`ev-${field.name}`} name=${field.name} type=${field.type === 'date' ? 'date' : 'text'} required=${!field.optional} />`,
    )}
  <//>`;
}

const reasonField = (prefix) => html`<label for=${`${prefix}-reason`}>Reason (recorded in the audit log)</label><textarea id=${`${prefix}-reason`} name="reason" rows="2" required></textarea>`;

/** The decisions this user may take on this case now; the case itself checks them again. */
export function Decisions({ caseId, state, user, onDone }) {
  const { role } = user;
  const stage = state.stage;
  const forms = [];
  if (role === 'la_send_officer' && stage === 'awaiting_la_consent') {
    forms.push(html`<${DecisionForm} caseId=${caseId} path="la-consent" title="Grant LA consent" toBody=${(f) => ({ decision: 'grant', reason: f.get('reason') })} onDone=${onDone}>${reasonField('grant')}<//>`);
    forms.push(html`<${DecisionForm} caseId=${caseId} path="la-consent" title="Refuse LA consent" danger toBody=${(f) => ({ decision: 'refuse', reason: f.get('reason') })} onDone=${onDone}>${reasonField('refuse')}<//>`);
  }
  const caseSchoolOrOfficer = role === 'school' || role === 'la_cme_officer';
  if (caseSchoolOrOfficer && REASON_STAGES.includes(stage) && state.concerns?.[0]?.reason === 'unexplained_absence') {
    forms.push(html`<${DecisionForm} caseId=${caseId} path="reason-established" title="Record the reason established" toBody=${(f) => ({ reasonCode: f.get('reasonCode') })} onDone=${onDone}>
      <label for="reasonCode">The code entered in the register in place of N (T1)</label>
      <select id="reasonCode" name="reasonCode">${REASON_CODES.map(([code, label]) => html`<option value=${code}>${label}</option>`)}</select>
    <//>`);
  }
  if (caseSchoolOrOfficer && RETURN_STAGES.includes(stage)) {
    forms.push(html`<${DecisionForm} caseId=${caseId} path="back-in-school" title="Record the child back in school" toBody=${(f) => ({ returnedOn: f.get('returnedOn') })} onDone=${onDone}>
      <label for="returnedOn">Back in school on</label>
      <input id="returnedOn" name="returnedOn" type="date" required max=${englandToday()} value=${englandToday()} />
    <//>`);
  }
  if (role === 'school' && OPEN_STAGES.includes(stage) && !state.deletion) forms.push(html`<${DeletionRequest} caseId=${caseId} onDone=${onDone} />`);
  if ((role === 'school' || role === 'la_cme_officer') && OPEN_STAGES.includes(stage)) {
    forms.push(html`<${DecisionForm} caseId=${caseId} path="joint-enquiries" title="Sign joint enquiries" toBody=${(f) => ({ outcome: f.get('outcome') })} onDone=${onDone}>
      <label for="outcome">Outcome of the joint school + LA enquiries</label>
      <select id="outcome" name="outcome"><option value="not_found">Child not found</option><option value="found_will_not_return">Found, will not return</option><option value="found_may_return">Found, may return</option></select>
    <//>`);
  }
  if ((role === 'school' || role === 'la_cme_officer') && (OPEN_STAGES.includes(stage) || stage === 'cme_tracing')) {
    forms.push(html`<${DecisionForm} caseId=${caseId} path="contact-attempts" title="Record a contact attempt" toBody=${(f) => ({ method: f.get('method'), outcome: f.get('contactOutcome') })} onDone=${onDone}>
      <label for="method">How</label>
      <select id="method" name="method"><option value="phone">Phone</option><option value="text_message">Text message</option><option value="email">Email</option><option value="letter">Letter</option><option value="home_visit">Home visit</option><option value="other_agency">Through another agency</option></select>
      <label for="contactOutcome">Result</label>
      <select id="contactOutcome" name="contactOutcome"><option value="no_response">No response</option><option value="message_left">Message left</option><option value="spoke_to_parent">Spoke to a parent</option><option value="child_seen">Child seen</option><option value="address_vacant">Address vacant</option></select>
    <//>`);
  }
  if (role === 'la_cme_officer' && stage === 'cme_tracing') {
    forms.push(html`<${DecisionForm} caseId=${caseId} path="trace-steps" title="Record a trace step" toBody=${(f) => ({ step: f.get('step'), ...(f.get('otherLaCode') ? { otherLaCode: f.get('otherLaCode') } : {}) })} onDone=${onDone}>
      <label for="step">Step</label>
      <select id="step" name="step"><option value="other_la_contacted">Other LA contacted</option><option value="lost_pupils_database_checked">Lost Pupils Database checked</option><option value="agency_checked">Agency checked</option><option value="home_visit_made">Home visit made</option></select>
      <label for="otherLaCode">Other LA code (when contacted)</label><input id="otherLaCode" name="otherLaCode" inputmode="numeric" pattern="[0-9]{3}" />
    <//>`);
  }
  if (['school', 'la_cme_officer', 'la_send_officer'].includes(role) && stage !== 'closed') {
    forms.push(html`<${DecisionForm} caseId=${caseId} path="safeguarding-concerns" title="Raise a safeguarding concern" danger toBody=${(f) => ({ concern: f.get('concern') })} onDone=${onDone}>
      <label for="concern">Concern (referred at once to children's social care and police)</label>
      <select id="concern" name="concern"><option value="risk_of_harm">Risk of harm</option><option value="missing_child">Missing child</option><option value="has_social_worker">Has a social worker</option><option value="has_yot_worker">Has a YOT worker</option></select>
    <//>`);
  }
  if ((role === 'la_cme_officer' || role === 'manager') && CLOSABLE.includes(stage)) {
    forms.push(html`<${DecisionForm} caseId=${caseId} path="close" title="Close the case" toBody=${(f) => ({ outcome: f.get('closeOutcome'), reason: f.get('reason') })} onDone=${onDone}>
      <label for="closeOutcome">Outcome</label>
      <select id="closeOutcome" name="closeOutcome"><option value="located_and_attending">Located and attending</option><option value="on_roll_elsewhere">On roll elsewhere</option><option value="elective_home_education">Elective home education</option><option value="moved_abroad">Moved abroad</option><option value="school_attendance_order">School attendance order</option></select>
      ${reasonField('close')}
    <//>`);
  }
  if (!forms.length) return html`<p class="hint">No decision awaits you on this case.</p>`;
  return html`<div class="grid2">${forms}</div>`;
}
