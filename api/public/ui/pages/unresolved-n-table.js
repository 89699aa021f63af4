import { html } from '../html.js';

/** Pupils whose register still has code N past its 5 school days (T1): the school establishes the reason and replaces it. */
export function UnresolvedNTable({ items }) {
  if (!items?.length) return html`<p class="hint">Nothing here.</p>`;
  return html`<table>
    <caption class="hint" style="text-align:left">Code N ("reason not yet established") must be replaced within 5 school days (T1, SAR24 reg 10).</caption>
    <thead><tr><th scope="col">Pupil (UPN)</th><th scope="col">School</th><th scope="col">Sessions still N</th><th scope="col">School days overdue</th><th scope="col">Case</th></tr></thead>
    <tbody>
      ${items.map((item) => html`<tr>
        <td>${item.upn}</td>
        <td>${item.schoolUrn}</td>
        <td>${item.sessions.map((s) => `${s.date} ${s.session}`).join(', ')}</td>
        <td>${item.schoolDaysOverdue}</td>
        <td>${item.caseId ? html`<a href="#/cases/${item.caseId}">${item.caseId.slice(0, 8)}</a>` : '—'}</td>
      </tr>`)}
    </tbody>
  </table>`;
}
