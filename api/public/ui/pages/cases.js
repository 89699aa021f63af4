import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { html } from '../html.js';
import { CaseTable } from './case-table.js';

/** Every case in scope, filtered by status and deadline, a page at a time. */
export function CasesPage() {
  const [filter, setFilter] = useState({ status: 'open', deadline: '', page: 1 });
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    const query = new URLSearchParams({ status: filter.status, page: String(filter.page), pageSize: '25', ...(filter.deadline ? { deadline: filter.deadline } : {}) });
    api(`/v1/cases?${query}`).then(setResult).catch((e) => setError(e.message));
  }, [filter]);
  const set = (key) => (event) => setFilter({ ...filter, [key]: event.target.value, page: 1 });
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  return html`<h1>Cases</h1>
    <form class="grid2" onSubmit=${(e) => e.preventDefault()}>
      <div><label for="status">Status</label>
        <select id="status" value=${filter.status} onChange=${set('status')}><option value="open">Open</option><option value="closed">Closed</option><option value="all">All</option></select></div>
      <div><label for="deadline">Deadline</label>
        <select id="deadline" value=${filter.deadline} onChange=${set('deadline')}><option value="">Any</option><option value="overdue">Overdue</option><option value="due_soon">Due soon</option></select></div>
    </form>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${result && html`<${CaseTable} cases=${result.items} caption=${`${result.total} cases`} />
      <p>Page ${result.page} of ${pages}
        <button type="button" class="secondary" disabled=${result.page <= 1} onClick=${() => setFilter({ ...filter, page: filter.page - 1 })}>Previous</button>
        <button type="button" class="secondary" disabled=${result.page >= pages} onClick=${() => setFilter({ ...filter, page: filter.page + 1 })}>Next</button></p>`}`;
}
