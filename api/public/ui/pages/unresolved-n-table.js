import { day } from '../format.js';
import { html } from '../html.js';

/** Pupils whose register still has code N past its 5 school days (T1): the school establishes the reason and replaces it. */
export function UnresolvedNTable({ items }) {
  if (!items?.length) return html`<p class="govuk-body">Nothing here.</p>`;
  return html`<div class="app-table-scroll" tabindex="0" role="region" aria-label="Code N to replace (scrolls sideways)"><table class="govuk-table">
    <caption class="govuk-table__caption govuk-table__caption--s">Code N ("reason not yet established") must be replaced within 5 school days (T1, SAR24 reg 10).</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Pupil (UPN)</th><th scope="col" class="govuk-table__header">School</th><th scope="col" class="govuk-table__header">Sessions still N</th><th scope="col" class="govuk-table__header">School days overdue</th><th scope="col" class="govuk-table__header">Case</th></tr></thead>
    <tbody class="govuk-table__body">
      ${items.map((item) => html`<tr class="govuk-table__row">
        <td class="govuk-table__cell">${item.upn}</td>
        <td class="govuk-table__cell">${item.schoolUrn}</td>
        <td class="govuk-table__cell">${item.sessions.map((s) => `${day(s.date)} ${s.session}`).join(', ')}</td>
        <td class="govuk-table__cell">${item.schoolDaysOverdue}</td>
        <td class="govuk-table__cell">${item.caseId ? html`<a class="govuk-link" href="#/cases/${item.caseId}">Open the case</a>` : 'None'}</td>
      </tr>`)}
    </tbody>
  </table></div>`;
}
