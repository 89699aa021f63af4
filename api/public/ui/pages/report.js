import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { html } from '../html.js';

const REASONS = [
  ['unexplained_absence', 'Unexplained absence (code N)'],
  ['continuous_unauthorised_absence', '10 continuous school days of unauthorised absence'],
  ['continuous_absence_20_days', '20 continuous school days, every session G, N or O'],
  ['sickness_expected_15_days', 'Sickness expected to reach 15 school days'],
  ['persistent_absence_send', 'Persistent absence (10%+) of a pupil with SEN'],
  ['severe_absence_send', 'Severe absence (50%+) of a pupil with SEN'],
  ['part_time_timetable', 'Part-time timetable agreed'],
  ['ehe_written_notice', "Parent's written notice of home education"],
  ['ehe_oral_intention', 'Parent says they intend to home educate'],
  ['intended_deletion', 'School intends to delete from roll'],
  ['leaver_unknown_destination', 'Leaver with unknown destination'],
  ['no_show', 'Allocated a place but never arrived'],
  ['permanent_exclusion', 'Permanent exclusion'],
];

function childFrom(form) {
  const child = { givenName: form.get('givenName'), familyName: form.get('familyName') };
  for (const key of ['dateOfBirth', 'address']) if (form.get(key)) child[key] = form.get(key);
  if (form.get('parentName')) child.parents = [{ name: form.get('parentName'), ...(form.get('parentPhone') ? { phone: form.get('parentPhone') } : {}) }];
  return child;
}

const childFields = html`<fieldset><legend>The child</legend>
  <label for="givenName">Given name</label><input id="givenName" name="givenName" autocomplete="off" />
  <label for="familyName">Family name</label><input id="familyName" name="familyName" autocomplete="off" />
  <label for="dateOfBirth">Date of birth</label><input id="dateOfBirth" name="dateOfBirth" type="date" />
  <label for="address">Address</label><input id="address" name="address" autocomplete="off" />
  <label for="parentName">Parent or carer</label><input id="parentName" name="parentName" autocomplete="off" />
  <label for="parentPhone">Their telephone</label><input id="parentPhone" name="parentPhone" type="tel" />
</fieldset>`;

/** A school reports a concern about a pupil; an LA officer refers a child on no roll (T15). */
export function ReportPage({ user }) {
  const [error, setError] = useState(null);
  const [received, setReceived] = useState(null);
  const isSchool = user.role === 'school';
  const submit = async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    setError(null);
    setReceived(null);
    try {
      const child = form.get('givenName') || form.get('familyName') ? childFrom(form) : undefined;
      const receipt = isSchool
        ? await api('/v1/concerns', {
            method: 'POST',
            body: { schoolUrn: form.get('schoolUrn'), upn: form.get('upn'), reason: form.get('reason'), ...(child ? { child } : {}), send: { status: form.get('senStatus'), placedByLa: form.get('placedByLa') === 'on' } },
          })
        : await api('/v1/referrals', { method: 'POST', body: { laCode: user.laCode, referrer: { kind: form.get('referrerKind') }, child: childFrom(form), ...(form.get('upn') ? { upn: form.get('upn') } : {}) } });
      // The child's case may be another school's: then the answer says only that the LA has the report.
      if (receipt.received) setReceived(receipt.message);
      else location.hash = `#/cases/${receipt.caseId}`;
    } catch (e) {
      setError(e.field ? `${e.field}: ${e.message}` : e.message);
    }
  };
  return html`<h1>${isSchool ? 'Report a concern' : 'Refer a child on no school roll'}</h1>
    <form onSubmit=${submit} novalidate>
      ${isSchool
        ? html`<label for="schoolUrn">School</label>
            <select id="schoolUrn" name="schoolUrn">${user.schoolUrns.map((urn) => html`<option value=${urn}>${urn}</option>`)}</select>
            <label for="upn">UPN</label><p class="hint">13 characters, starting with the check letter</p><input id="upn" name="upn" autocomplete="off" required />
            <label for="reason">Concern</label>
            <select id="reason" name="reason">${REASONS.map(([value, text]) => html`<option value=${value}>${text}</option>`)}</select>
            <label for="senStatus">SEN status</label>
            <select id="senStatus" name="senStatus"><option value="none">None</option><option value="sen_support">SEN support</option><option value="ehc_plan">EHC plan</option></select>
            <p><input id="placedByLa" name="placedByLa" type="checkbox" /> <label for="placedByLa" style="display:inline">Placed here by the LA</label></p>`
        : html`<label for="referrerKind">Referred by</label>
            <select id="referrerKind" name="referrerKind"><option value="public">Member of the public</option><option value="agency">Agency</option><option value="other_la">Another LA</option><option value="health">Health</option><option value="police">Police</option></select>
            <label for="upn">UPN, if known</label><input id="upn" name="upn" autocomplete="off" />`}
      ${childFields}
      ${error && html`<p class="error" role="alert">${error}</p>`}
      ${received && html`<p class="notice" role="status">${received}</p>`}
      <p><button type="submit">${isSchool ? 'Report' : 'Refer'}</button></p>
    </form>`;
}
