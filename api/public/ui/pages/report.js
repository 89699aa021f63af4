import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { ErrorSummary } from '../components.js';
import { englandToday } from '../format.js';
import { Checkbox, DateInput, Input, Select, errorOf, errorsFrom, formValues } from '../fields.js';
import { html } from '../html.js';
import { REASONS } from '../words.js';

const REFERRERS = [['public', 'Member of the public'], ['agency', 'Agency'], ['other_la', 'Another LA'], ['health', 'Health'], ['police', 'Police']];

const UPN = /^[A-Z]\d{11}[0-9A-Z]$/;
const UPN_MESSAGE = "Enter the pupil's UPN: 13 characters, starting with a letter";
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** The API's field paths as this form's fields, with what to tell the person. */
const plain = {
  upn: ['upn', UPN_MESSAGE],
  schoolUrn: ['schoolUrn', 'Choose the school'],
  'child.givenName': ['givenName', "Enter the child's given name"],
  'child.familyName': ['familyName', "Enter the child's family name"],
  'child.dateOfBirth': ['dateOfBirth', 'Enter a real date of birth, in the past: day, month and year'],
  'child.address': ['address', 'Enter the address in 400 characters or fewer'],
  'child.parents.0.name': ['parentName', "Enter the parent or carer's name"],
  'child.parents.0.phone': ['parentPhone', 'Enter a telephone number, like 01632 960 001'],
};

/** Every problem the form can see before sending, one per field, in the order of the fields. */
function check(form, isSchool) {
  const errors = [];
  const add = (id, message) => errors.push({ field: id, message });
  const upn = String(form.get('upn') ?? '').trim().toUpperCase();
  if (isSchool && !upn) add('upn', "Enter the pupil's UPN");
  else if (upn && !UPN.test(upn)) add('upn', UPN_MESSAGE);
  const named = form.get('givenName') || form.get('familyName');
  if (!isSchool || named) {
    if (!String(form.get('givenName')).trim()) add('givenName', plain['child.givenName'][1]);
    if (!String(form.get('familyName')).trim()) add('familyName', plain['child.familyName'][1]);
  }
  if (form.get('dateOfBirth') && form.get('dateOfBirth') >= englandToday()) add('dateOfBirth', plain['child.dateOfBirth'][1]);
  if (form.get('parentPhone') && !PHONE.test(form.get('parentPhone'))) add('parentPhone', plain['child.parents.0.phone'][1]);
  if (form.get('parentPhone') && !form.get('parentName')) add('parentName', plain['child.parents.0.name'][1]);
  return errors;
}

function childFrom(form) {
  const child = { givenName: form.get('givenName'), familyName: form.get('familyName') };
  for (const key of ['dateOfBirth', 'address']) if (form.get(key)) child[key] = form.get(key);
  if (form.get('parentName')) child.parents = [{ name: form.get('parentName'), ...(form.get('parentPhone') ? { phone: form.get('parentPhone') } : {}) }];
  return child;
}

/** A school reports a concern about a pupil; an LA officer refers a child on no roll (T15). */
export function ReportPage({ user, schools }) {
  const [errors, setErrors] = useState([]);
  const [received, setReceived] = useState(null);
  const isSchool = user.role === 'school';
  const submit = async (event) => {
    event.preventDefault();
    const form = formValues(event.target);
    setReceived(null);
    const problems = check(form, isSchool);
    setErrors(problems);
    if (problems.length) return;
    try {
      const upn = String(form.get('upn') ?? '').trim().toUpperCase();
      const child = form.get('givenName') || form.get('familyName') ? childFrom(form) : undefined;
      const receipt = isSchool
        ? await api('/v1/concerns', {
            method: 'POST',
            body: { schoolUrn: form.get('schoolUrn'), upn, reason: form.get('reason'), ...(child ? { child } : {}), send: { status: form.get('senStatus'), placedByLa: form.get('placedByLa') === 'on' } },
          })
        : await api('/v1/referrals', { method: 'POST', body: { laCode: user.laCode, referrer: { kind: form.get('referrerKind') }, child: childFrom(form), ...(upn ? { upn } : {}) } });
      // The child's case may be another school's: then the answer says only that the LA has the report.
      if (receipt.received) setReceived(receipt.message);
      else location.hash = `#/cases/${receipt.caseId}`;
    } catch (e) {
      setErrors(errorsFrom(e, plain));
    }
  };
  const err = (id) => errorOf(errors, id);
  return html`${received && html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="received-title">
      <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="received-title">Success</h2></div>
      <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${received}</p></div></div>`}
    <${ErrorSummary} errors=${errors} />
    <h1 class="govuk-heading-l">${isSchool ? 'Report a concern' : 'Refer a child on no school roll'}</h1>
    <form onSubmit=${submit} novalidate>
      ${isSchool
        ? html`<${Select} id="schoolUrn" label="School" error=${err('schoolUrn')} options=${user.schoolUrns.map((urn) => [urn, schools?.get(urn) ?? urn])} />
            <${Input} id="upn" label="UPN" hint="13 characters, starting with the check letter" error=${err('upn')} autocomplete="off" spellcheck="false" />
            <${Select} id="reason" label="Concern" options=${REASONS} />
            <${Select} id="senStatus" label="SEN status" options=${[['none', 'None'], ['sen_support', 'SEN support'], ['ehc_plan', 'EHC plan']]} />
            <${Checkbox} id="placedByLa" label="Placed here by the LA" />`
        : html`<${Select} id="referrerKind" label="Referred by" options=${REFERRERS} />
            <${Input} id="upn" label="UPN, if known" hint="13 characters, starting with the check letter" error=${err('upn')} autocomplete="off" spellcheck="false" />`}
      <fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--m">The child</legend>
        <${Input} id="givenName" label="Given name" error=${err('givenName')} autocomplete="off" />
        <${Input} id="familyName" label="Family name" error=${err('familyName')} autocomplete="off" />
        <${DateInput} id="dateOfBirth" label="Date of birth" hint="For example, 27 3 2015" error=${err('dateOfBirth')} />
        <${Input} id="address" label="Address" error=${err('address')} autocomplete="off" />
        <${Input} id="parentName" label="Parent or carer" error=${err('parentName')} autocomplete="off" />
        <${Input} id="parentPhone" label="Their telephone" type="tel" error=${err('parentPhone')} />
      </fieldset>
      <button type="submit" class="govuk-button">${isSchool ? 'Report' : 'Refer'}</button>
    </form>`;
}
