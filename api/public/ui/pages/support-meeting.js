import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { ErrorSummary, Problem, SenTag } from '../components.js';
import { Input, Select, Textarea, errorOf, errorsFrom, formValues } from '../fields.js';
import { englandToday } from '../format.js';
import { html } from '../html.js';
import { OWNERS, ownerWords } from '../words.js';

const REASONS = { severe_absence: 'Severe absence (50% or more missed)', persistent_absence: 'Persistent absence (10% or more missed)', open_support_case: 'Open support case', lapsed_actions: 'Support action past its due date' };
/** Who records a meeting's outcome: the roles that act on a support plan (domain/support/plan.ts); a manager reads. */
const PLAN_ROLES = ['school', 'la_cme_officer', 'la_send_officer'];
const outcomeFields = { owner: ['owner', 'Choose who will do it'], what: ['what', 'Enter what they will do'], dueInSchoolDays: ['dueInSchoolDays', 'Enter a number of school days, 1 or more'] };

/** This school year's terms and last year's, as the API names them (2026-autumn is the autumn term of 2026/27). */
function termOptions() {
  const today = englandToday();
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 9 ? 0 : 1);
  return [year, year - 1].flatMap((y) => ['autumn', 'spring', 'summer'].map((season) => [`${y}-${season}`, `${season[0].toUpperCase()}${season.slice(1)} ${y}/${String(y + 1).slice(2)}`]));
}

/**
 * The meeting's outcome for one pupil, as a support plan action. A pupil with an open case has it added there (the
 * case's own Update, which refuses outside support first); a pupil without one has a support case opened first
 * through the concern intake with the absence trigger (T5 severe, else T4), as an LA expects the meeting's agreed
 * support to be owned, dated and reviewed on a case.
 */
function Outcome({ urn, pupil, onDone }) {
  const [errors, setErrors] = useState([]);
  const [busy, setBusy] = useState(false);
  const prefix = `outcome-${pupil.pupilId}`;
  const submit = async (event) => {
    event.preventDefault();
    const form = formValues(event.target);
    setBusy(true);
    setErrors([]);
    try {
      const reason = pupil.reasons.includes('severe_absence') ? 'severe_absence_send' : 'persistent_absence_send';
      const caseId = pupil.caseId ?? (await api('/v1/concerns', { method: 'POST', body: { schoolUrn: urn, upn: pupil.upn, reason } })).caseId;
      await api(`/v1/cases/${caseId}/support-actions`, { method: 'POST', body: { owner: form.get('owner'), what: form.get('what'), dueInSchoolDays: Number(form.get('dueInSchoolDays')) } });
      onDone();
    } catch (e) {
      setErrors(errorsFrom(e, outcomeFields).map((error) => (error.field ? { ...error, field: `${prefix}-${error.field}` } : error)));
    } finally {
      setBusy(false);
    }
  };
  return html`<details class="govuk-details govuk-!-margin-bottom-0"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Record the outcome</span></summary>
    <form class="govuk-details__text" onSubmit=${submit} novalidate aria-label=${`Outcome for ${pupil.name ?? pupil.upn}`}>
      <${ErrorSummary} errors=${errors} />
      ${!pupil.caseId && html`<p class="govuk-body-s">This opens a support case for the pupil, then adds the action to its plan.</p>`}
      <${Select} id=${`${prefix}-owner`} name="owner" label="Who will do it" options=${OWNERS} />
      <${Textarea} id=${`${prefix}-what`} name="what" label="What they will do" maxlength="500" error=${errorOf(errors, `${prefix}-what`)} />
      <${Input} id=${`${prefix}-dueInSchoolDays`} name="dueInSchoolDays" label="Due in (school days)" inputmode="numeric" error=${errorOf(errors, `${prefix}-dueInSchoolDays`)} />
      <button type="submit" class="govuk-button" disabled=${busy}>${busy ? 'Sending…' : 'Add the action'}</button>
    </form></details>`;
}

function PupilRow({ urn, pupil, user, onDone }) {
  const cell = (content) => html`<td class="govuk-table__cell">${content}</td>`;
  const who = pupil.name ?? `UPN ${pupil.upn}`;
  return html`<tr class="govuk-table__row" data-testid="tsm-pupil">
    ${cell(html`${pupil.caseId ? html`<a class="govuk-link" href=${`#/cases/${pupil.caseId}`}>${who}</a>` : who}<br /><span class="govuk-body-s">UPN ${pupil.upn}</span> <${SenTag} status=${pupil.senStatus} />`)}
    <td class="govuk-table__cell govuk-table__cell--numeric">${pupil.attendancePercent === null ? 'no sessions' : `${pupil.attendancePercent}%`}</td>
    ${cell(html`<ul class="govuk-list">${pupil.reasons.map((r) => html`<li>${REASONS[r]}</li>`)}${pupil.lapsedActions.map((a) => html`<li class="govuk-body-s">${ownerWords(a.owner)}: ${a.what}</li>`)}</ul>`)}
    ${cell(PLAN_ROLES.includes(user.role) ? html`<${Outcome} urn=${urn} pupil=${pupil} onDone=${onDone} />` : '')}
  </tr>`;
}

/** The termly targeted support meeting (TSM-TERMLY): a school's pupils to discuss, and each outcome as plan actions. */
export function SupportMeetingPage({ query, user, schools }) {
  // A school user with one school sees its list at once.
  const only = schools?.size === 1 ? [...schools.keys()][0] : '';
  const urn = query.get('urn') ?? only;
  const term = query.get('term') ?? termOptions()[0][0];
  const [list, setList] = useState(null);
  const [error, setError] = useState(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    setList(null);
    setError(null);
    if (urn) api(`/v1/schools/${urn}/targeted-support?term=${term}`).then(setList, (e) => setError(e.message));
  }, [urn, term, version]);
  const choose = (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    location.hash = `#/support-meeting?urn=${form.get('urn')}&term=${form.get('term')}`;
  };
  const schoolOptions = [...(schools ?? new Map()).entries()].map(([code, name]) => [code, `${name} (${code})`]);
  return html`<h1 class="govuk-heading-l">Targeted support meeting</h1>
    <p class="govuk-body">Each term the school and the LA go through the pupils persistently or severely absent this school year, those with an open support case and those with a support action past its due date, and agree what happens next.</p>
    <form onSubmit=${choose} aria-label="Choose the school and term">
      <${Select} id="tsm-urn" name="urn" label="School" options=${schoolOptions} value=${urn || schoolOptions[0]?.[0]} />
      <${Select} id="tsm-term" name="term" label="Term" options=${termOptions()} value=${term} />
      <button type="submit" class="govuk-button govuk-button--secondary">Show the list</button>
    </form>
    ${error && html`<${Problem} message=${error} />`}
    ${list && (list.pupils.length === 0 ? html`<p class="govuk-body">No pupil to discuss this term.</p>` : html`
      <p class="govuk-body">${list.pupils.length} pupils. Absence is counted over the school year from ${list.ratesFrom} to the term's end (${list.to}).</p>
      <div class="app-table-scroll" tabindex="0" role="region" aria-label="Pupils to discuss (scrolls sideways)"><table class="govuk-table" data-testid="tsm-list">
        <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Pupil</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Attendance</th><th scope="col" class="govuk-table__header">Why</th><th scope="col" class="govuk-table__header">Outcome</th></tr></thead>
        <tbody class="govuk-table__body">${list.pupils.map((pupil) => html`<${PupilRow} key=${pupil.pupilId} urn=${urn} pupil=${pupil} user=${user} onDone=${() => setVersion(version + 1)} />`)}</tbody>
      </table></div>`)}`;
}
