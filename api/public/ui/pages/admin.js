import { useEffect, useState } from 'preact/hooks';
import { api, session } from '../api.js';
import { Problem, Tag } from '../components.js';
import { day } from '../format.js';
import { Checkbox, DateInput, Input, Select } from '../fields.js';
import { html } from '../html.js';
import { AdminForm, scrolling, td, th } from './admin-form.js';
import { Channels } from './admin-channels.js';
import { Closures } from './admin-closures.js';
import { RegisterImport } from './admin-register.js';

function Schools({ laCode, schools, onDone }) {
  const check = (f) => [
    ...(/^\d{6}$/.test(f.get('urn')) ? [] : [{ field: 'urn', message: "Enter the school's URN: 6 digits" }]),
    ...(String(f.get('name')).trim() ? [] : [{ field: 'schoolName', message: "Enter the school's name" }]),
  ];
  const send = async (f) => {
    await api(`/v1/schools/${f.get('urn')}`, { method: 'PUT', body: { name: f.get('name'), laCode, isSpecial: f.get('isSpecial') === 'on' } });
    return `${f.get('name')} saved.`;
  };
  return html`<section aria-labelledby="admin-schools"><h2 class="govuk-heading-m" id="admin-schools">Schools</h2>
    ${scrolling('Schools', html`<table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row">${th('School')}${th('URN')}${th('Type')}</tr></thead>
      <tbody class="govuk-table__body">${schools.map((s) => html`<tr class="govuk-table__row">${td(s.name)}${td(s.urn)}${td(s.isSpecial ? html`<${Tag} colour="govuk-tag--purple">Special school<//>` : 'Mainstream')}</tr>`)}</tbody></table>`)}
    <${AdminForm} id="admin-school-form" title="Save a school" check=${check} send=${send} plain=${{ name: ['schoolName', "Enter the school's name"] }} onDone=${onDone}>
      ${(err) => html`<${Input} id="urn" label="URN" hint="6 digits" inputmode="numeric" error=${err('urn')} />
        <${Input} id="schoolName" name="name" label="Name" error=${err('schoolName')} />
        <${Checkbox} id="isSpecial" label="Special school (LA-placed pupils are not deleted without the LA's consent)" />`}
    <//></section>`;
}

function Terms({ laCode, terms, onDone }) {
  const check = (f) => {
    const errors = [];
    if (!String(f.get('termName')).trim()) errors.push({ field: 'termName', message: 'Enter the name of the term, like Spring 2027' });
    if (!f.get('start')) errors.push({ field: 'start', message: 'Enter the first day of the term' });
    if (!f.get('end')) errors.push({ field: 'end', message: 'Enter the last day of the term' });
    else if (f.get('start') && f.get('end') < f.get('start')) errors.push({ field: 'end', message: 'The last day must be on or after the first day' });
    return errors;
  };
  const send = async (f) => {
    const term = { name: f.get('termName'), start: f.get('start'), end: f.get('end') };
    await api(`/v1/las/${laCode}/terms`, { method: 'PUT', body: { terms: [...terms, term] } });
    return `${term.name} added.`;
  };
  return html`<section aria-labelledby="admin-terms"><h2 class="govuk-heading-m" id="admin-terms">Term dates</h2>
    ${scrolling('Term dates', html`<table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row">${th('Term')}${th('First day')}${th('Last day')}</tr></thead>
      <tbody class="govuk-table__body">${terms.map((t) => html`<tr class="govuk-table__row">${td(t.name)}${td(day(t.start))}${td(day(t.end))}</tr>`)}</tbody></table>`)}
    <${AdminForm} id="admin-term-form" title="Add a term" check=${check} send=${send} plain=${{}} onDone=${onDone}>
      ${(err) => html`<${Input} id="termName" name="termName" label="Term" error=${err('termName')} />
        <${DateInput} id="start" label="First day" error=${err('start')} />
        <${DateInput} id="end" label="Last day" error=${err('end')} />`}
    <//></section>`;
}

function Rules({ laCode, rules, onDone }) {
  const configurable = rules.filter((r) => r.setting);
  const check = (f) => {
    try {
      JSON.parse(String(f.get('value')));
      return [];
    } catch {
      return [{ field: 'ruleValue', message: 'Enter the value as the table shows it: a number, true or false, or the same shape' }];
    }
  };
  const send = async (f) => {
    await api(`/v1/las/${laCode}/rules/${f.get('ruleId')}`, { method: 'PUT', body: { value: JSON.parse(String(f.get('value'))) } });
    return `Rule ${f.get('ruleId')} set.`;
  };
  return html`<section aria-labelledby="admin-rules"><h2 class="govuk-heading-m" id="admin-rules">Rules the LA sets</h2>
    <div class="app-table-scroll" tabindex="0" role="region" aria-label="The rules and their values (scrolls sideways)"><table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row">${th('Rule')}${th('What it sets')}${th('Value')}${th('Source')}</tr></thead>
      <tbody class="govuk-table__body">${configurable.map((r) => html`<tr class="govuk-table__row">${td(html`${r.id}<br /><span class="govuk-body-s">${r.title}</span>`)}${td(r.setting.describe)}
        ${td(html`<code>${JSON.stringify(r.setting.value)}</code> ${r.setting.isDefault ? html`<${Tag} colour="govuk-tag--grey">Default<//>` : html`<${Tag} colour="govuk-tag--green">Set by the LA<//>`}`)}${td(`${r.source} (${r.confidence})`)}</tr>`)}</tbody></table></div>
    <${AdminForm} id="admin-rule-form" title="Set a rule" check=${check} send=${send} plain=${{ value: ['ruleValue', 'Enter a value this rule accepts'] }} onDone=${onDone}>
      ${(err) => html`<${Select} id="ruleId" label="Rule" options=${configurable.map((r) => [r.id, `${r.id}: ${r.setting.describe}`])} />
        <${Input} id="ruleValue" name="value" label="Value" hint="As in the table, for example 10 or true" error=${err('ruleValue')} spellcheck="false" />`}
    <//></section>`;
}

/**
 * The administrator's screens: schools and the register import, term dates, school closure days, the rules an LA
 * configures (with their sources) and the notification channels, for one LA at a time: the administrator's own, or one of the LAs its schools belong to (an administrator may have none).
 */
export function AdminPage() {
  const [chosen, setChosen] = useState(session.user?.laCode ?? null);
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    (async () => {
      const { schools } = await api('/v1/schools');
      const las = [...new Set(schools.map((s) => s.laCode))].sort();
      const laCode = chosen ?? las[0];
      if (!laCode) return setData({ las, laCode, schools: [], terms: [], rules: [] });
      const [terms, rules] = await Promise.all([api(`/v1/las/${laCode}/terms`), api(`/v1/las/${laCode}/rules`)]);
      return setData({ las, laCode, schools: schools.filter((s) => s.laCode === laCode), terms: terms.terms, rules: rules.rules });
    })().catch((e) => setError(e.message));
  }, [chosen, version]);
  if (error) return html`<${Problem} message=${error} />`;
  if (!data) return html`<p class="govuk-body">Loading…</p>`;
  const onDone = () => setVersion(version + 1);
  const { laCode } = data;
  return html`<h1 class="govuk-heading-l">Administration</h1>
    ${data.las.length > 1 && html`<${Select} id="la" label="Local authority" value=${laCode} onChange=${(e) => setChosen(e.target.value)} options=${data.las.map((la) => [la, la])} />`}
    <p class="govuk-body">Local authority ${laCode ?? 'none yet: save a school first'}.</p>
    <${Schools} laCode=${laCode} schools=${data.schools} onDone=${onDone} />
    <${RegisterImport} onDone=${onDone} />
    ${laCode && html`<${Terms} laCode=${laCode} terms=${data.terms} onDone=${onDone} />
      <${Closures} key=${laCode} schools=${data.schools} />
      <${Rules} laCode=${laCode} rules=${data.rules} onDone=${onDone} />
      <${Channels} laCode=${laCode} schools=${data.schools} />`}`;
}
