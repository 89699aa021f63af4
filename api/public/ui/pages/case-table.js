import { childName, day, deadline, isOverdue, yearGroupName } from '../format.js';
import { html } from '../html.js';
import { SenTag, StageTag, Tag } from '../components.js';
import { ownerWords, sendRequestWords } from '../words.js';

/** A lapsed clock's time overdue: school days where the clock counts them, else days. */
const overdueFor = ({ count, unit }) => `${count} ${unit === 'school_days' ? 'school ' : ''}day${count === 1 ? '' : 's'}`;
const roles = { la_cme_officer: 'the LA CME officer', la_send_officer: 'the LA SEND officer', manager: 'the manager', school: 'the school' };

/** Cases as a GOV.UK table: the child by name (a link to the case), school, stage in words, the next deadline. */
export function CaseTable({ cases, caption, empty = 'Nothing here.' }) {
  if (!cases?.length) return html`<p class="govuk-body">${empty}</p>`;
  return html`<div class="app-table-scroll" tabindex="0" role="region" aria-label=${`${caption} (scrolls sideways)`}><table class="govuk-table">
    <caption class="govuk-table__caption govuk-table__caption--s">${caption}</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Child</th><th scope="col" class="govuk-table__header">Date of birth (year group)</th><th scope="col" class="govuk-table__header">School</th>
      <th scope="col" class="govuk-table__header">Stage</th><th scope="col" class="govuk-table__header">Deadline</th></tr></thead>
    <tbody class="govuk-table__body">
      ${cases.map((c) => html`<tr class="govuk-table__row">
        <td class="govuk-table__cell"><a class="govuk-link" href="#/cases/${c.caseId}">${childName(c.child)}</a> <${SenTag} status=${c.child?.senStatus} /></td>
        <td class="govuk-table__cell">${c.child?.dateOfBirth ? day(c.child.dateOfBirth) : 'not held'}${c.child?.yearGroup ? ` (${yearGroupName(c.child.yearGroup)})` : ''}</td>
        <td class="govuk-table__cell">${c.schoolName ?? (c.schoolUrn ? `School ${c.schoolUrn}` : 'On no school roll')}</td>
        <td class="govuk-table__cell"><${StageTag} stage=${c.stage} /></td>
        <td class="govuk-table__cell">
          ${(c.lapsedActions ?? []).map((action) => html`<p class="govuk-body-s">${ownerWords(action.owner)}: ${action.what}, due ${deadline(action.dueAt)} <${Tag} colour="govuk-tag--red">Past due<//></p>`)}
          ${(c.sendRequests ?? []).map((request) => html`<p class="govuk-body-s">${sendRequestWords(request.kind)}: answer by ${deadline(request.respondBy)} ${request.overdue ? html`<${Tag} colour="govuk-tag--red">Overdue<//>` : ''}</p>`)}
          ${(c.overdueSteps ?? []).map((step) => html`<p class="govuk-body-s">Was due ${deadline(step.dueAt)} <${Tag} colour="govuk-tag--red">Overdue ${overdueFor(step.overdueBy)}<//> escalated to ${roles[step.escalatedTo] ?? 'no one'} (${step.ruleId})</p>`)}
          ${c.nextDeadlineAt ? html`${deadline(c.nextDeadlineAt)} ${isOverdue(c.nextDeadlineAt) ? html`<${Tag} colour="govuk-tag--red">Overdue<//>` : ''}` : c.overdueSteps?.length ? '' : 'None running'}
        </td>
      </tr>`)}
    </tbody>
  </table></div>`;
}
