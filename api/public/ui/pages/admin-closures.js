import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Problem } from '../components.js';
import { day } from '../format.js';
import { DateInput, Input, Select } from '../fields.js';
import { html } from '../html.js';
import { AdminForm, scrolling, td, th } from './admin-form.js';

/** One school's INSET and closure days: they stop its clocks counting (they are not school days). */
export function Closures({ schools }) {
  const [urn, setUrn] = useState(schools[0]?.urn);
  const [closures, setClosures] = useState(null);
  const [error, setError] = useState(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (urn) api(`/v1/schools/${urn}/closures`).then((answer) => setClosures(answer.closures)).catch((e) => setError(e.message));
  }, [urn, version]);
  if (!urn) return null;
  const put = (list) => api(`/v1/schools/${urn}/closures`, { method: 'PUT', body: { closures: list } });
  const check = (f) => [
    ...(!f.get('closureDate') ? [{ field: 'closureDate', message: 'Enter the day the school is closed' }]
      : closures.some((c) => c.date === f.get('closureDate')) ? [{ field: 'closureDate', message: 'That day is already a closure day' }] : []),
    ...(String(f.get('closureReason')).trim() ? [] : [{ field: 'closureReason', message: 'Enter why the school is closed, like INSET day' }]),
  ];
  const send = async (f) => {
    await put([...closures, { date: f.get('closureDate'), reason: String(f.get('closureReason')).trim() }]);
    return `${day(f.get('closureDate'))} added.`;
  };
  const plain = { [`closures.${closures?.length}.date`]: ['closureDate', 'Enter a real date, for example 14 12 2026'] };
  const remove = (date) => put(closures.filter((c) => c.date !== date)).then(() => setVersion(version + 1)).catch((e) => setError(e.message));
  const name = schools.find((s) => s.urn === urn)?.name;
  return html`<section aria-labelledby="admin-closures"><h2 class="govuk-heading-m" id="admin-closures">School closure days</h2>
    <${Select} id="closureSchool" label="School" value=${urn} onChange=${(e) => setUrn(e.target.value)} options=${schools.map((s) => [s.urn, s.name])} />
    ${error && html`<${Problem} message=${error} />`}
    ${closures && html`${scrolling('Closure days', html`<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">${name}: ${closures.length === 0 ? 'no closure days' : `${closures.length} closure day${closures.length === 1 ? '' : 's'}`}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">${th('Day')}${th('Why')}${th(html`<span class="govuk-visually-hidden">Action</span>`)}</tr></thead>
      <tbody class="govuk-table__body">${closures.map((c) => html`<tr class="govuk-table__row">${td(day(c.date))}${td(c.reason)}
        ${td(html`<button type="button" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick=${() => remove(c.date)}>Remove<span class="govuk-visually-hidden"> ${day(c.date)}</span></button>`)}</tr>`)}</tbody></table>`)}
      <${AdminForm} id="admin-closure-form" title="Add a closure day" check=${check} send=${send} plain=${plain} onDone=${() => setVersion(version + 1)}>
        ${(err) => html`<${DateInput} id="closureDate" label="Day closed" error=${err('closureDate')} />
          <${Input} id="closureReason" label="Why" hint="For example, INSET day" error=${err('closureReason')} />`}
      <//>`}
  </section>`;
}
