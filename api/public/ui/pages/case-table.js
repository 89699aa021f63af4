import { html } from '../html.js';
import { day, isOverdue, label, when } from '../format.js';

/** A lapsed clock's time overdue: school days where the clock counts them, else days. */
const overdueFor = ({ count, unit }) => `${count} ${unit === 'school_days' ? 'school ' : ''}day${count === 1 ? '' : 's'}`;

/** Cases as a table: each row links to the case page. */
export function CaseTable({ cases, caption, empty = 'Nothing here.' }) {
  if (!cases?.length) return html`<p class="hint">${empty}</p>`;
  return html`<table>
    <caption class="hint" style="text-align:left">${caption}</caption>
    <thead><tr><th scope="col">Case</th><th scope="col">School</th><th scope="col">Stage</th><th scope="col">Deadline</th><th scope="col">Opened</th></tr></thead>
    <tbody>
      ${cases.map((c) => {
        const id = c.caseId;
        const deadline = c.nextDeadlineAt;
        return html`<tr>
          <td><a href="#/cases/${id}">${id.slice(0, 8)}</a> ${c.sendFlag ? html`<span class="tag send">SEND</span>` : ''}</td>
          <td>${c.schoolName ?? c.schoolUrn ?? 'no roll'}</td>
          <td>${label(c.stage)}</td>
          <td>${(c.overdueSteps ?? []).map((step) => html`<div>due ${when(step.dueAt)} <span class="tag overdue">overdue ${overdueFor(step.overdueBy)}</span> ${step.ruleId}, escalated to ${label(step.escalatedTo)}</div>`)}
            ${deadline ? html`${c.overdueSteps?.length ? 'next ' : ''}${when(deadline)} ${isOverdue(deadline) ? html`<span class="tag overdue">overdue</span>` : ''}` : c.overdueSteps?.length ? '' : '—'}</td>
          <td>${day(c.openedAt)}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}
