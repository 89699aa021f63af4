import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Problem } from '../components.js';
import { html } from '../html.js';
import { CaseTable } from './case-table.js';

const FILTERS = ['status', 'deadline', 'send', 'stage', 'schoolUrn'];

/** Every case in scope, filtered (from the link that led here, e.g. a dashboard card), a page at a time. */
export function CasesPage({ query }) {
  const initial = Object.fromEntries(FILTERS.map((key) => [key, query.get(key) ?? (key === 'status' ? 'open' : '')]));
  const [filter, setFilter] = useState({ ...initial, page: 1 });
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    const given = Object.entries(filter).filter(([, value]) => value !== '').map(([key, value]) => [key, String(value)]);
    api(`/v1/cases?${new URLSearchParams([...given, ['pageSize', '25']])}`).then(setResult).catch((e) => setError(e.message));
  }, [JSON.stringify(filter)]);
  const set = (key) => (event) => setFilter({ ...filter, [key]: event.target.value, page: 1 });
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  const select = (id, text, options) => html`<div class="govuk-form-group"><label class="govuk-label" for=${id}>${text}</label>
    <select class="govuk-select" id=${id} value=${filter[id]} onChange=${set(id)}>${options.map(([value, words]) => html`<option value=${value}>${words}</option>`)}</select></div>`;
  return html`<h1 class="govuk-heading-l">Cases</h1>
    <form onSubmit=${(e) => e.preventDefault()} class="app-cards">
      ${select('status', 'Status', [['open', 'Open'], ['closed', 'Closed'], ['all', 'All']])}
      ${select('deadline', 'Deadline', [['', 'Any'], ['overdue', 'Overdue'], ['breached', 'Breached: ran out, step not done'], ['due_soon', 'Due within 5 school days']])}
      ${select('send', 'SEN', [['', 'Any'], ['true', 'SEN support or EHC plan'], ['false', 'No SEN']])}
    </form>
    ${error && html`<${Problem} message=${error} />`}
    ${result && html`<${CaseTable} cases=${result.items} caption=${`${result.total} case${result.total === 1 ? '' : 's'}`} />
      <nav class="govuk-pagination" aria-label="Pages of cases"><p class="govuk-body">Page ${result.page} of ${pages}</p>
        <button type="button" class="govuk-button govuk-button--secondary" disabled=${result.page <= 1} onClick=${() => setFilter({ ...filter, page: filter.page - 1 })}>Previous page</button>
        <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-left-2" disabled=${result.page >= pages} onClick=${() => setFilter({ ...filter, page: filter.page + 1 })}>Next page</button></nav>`}`;
}
