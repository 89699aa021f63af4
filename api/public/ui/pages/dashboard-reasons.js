import { Chart } from '../chart.js';
import { senTag } from '../format.js';
import { html } from '../html.js';

/** GOV.UK palette colours, one per reason in the order the reasons first appear. */
const colours = ['#1d70b8', '#d4351c', '#00703c', '#f47738', '#4c2c92', '#b58840', '#28a197', '#d53880', '#505a5f', '#85994b', '#912b88', '#003078'];

/** Groups (terms, schools, …) as bars, each reason's count stacked in them: one dataset per reason, labelled from the list. */
function byReason(groups) {
  const reasons = new Map(groups.flatMap((group) => group.reasons.map((r) => [r.reason, r.label])));
  return [...reasons].map(([reason, label], index) => ({
    label,
    data: groups.map((group) => group.reasons.find((r) => r.reason === reason)?.count ?? 0),
    backgroundColor: colours[index % colours.length],
  }));
}

const ReasonChart = ({ id, title, xTitle, groups, labelOf }) =>
  html`<${Chart} id=${id} type="bar" stacked=${true} yTitle="Times missing" title=${title} xTitle=${xTitle} labels=${groups.map(labelOf)} datasets=${byReason(groups)} />`;

const header = (text, numeric) => html`<th scope="col" class=${`govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}`}>${text}</th>`;
const cell = (value) => html`<td class="govuk-table__cell govuk-table__cell--numeric">${value ?? 'none ended'}</td>`;

/** Why children went missing education (dashboard answer's `reasons`), with each chart's figures in a table. */
export function ReasonsSection({ reasons }) {
  return html`<h2 class="govuk-heading-m govuk-!-margin-top-6">Why children went missing education</h2>
    <p class="govuk-body" data-testid="reason-episodes">${reasons.episodes} ${reasons.episodes === 1 ? 'time' : 'times'} a child went missing education, each counted by its primary reason (reason not known until one is recorded).</p>
    ${reasons.episodes === 0
      ? ''
      : html`<div class="app-charts">
          <${ReasonChart} id="reasons-by-term" title="Reasons term on term" xTitle="Term went missing in" groups=${reasons.byTerm} labelOf=${(g) => g.term ?? 'Before the first term'} />
          <${ReasonChart} id="reasons-by-sen" title="Reasons by SEN status" xTitle="SEN status" groups=${reasons.bySen} labelOf=${(g) => senTag(g.senStatus)?.[0] ?? 'No SEN'} />
          <${ReasonChart} id="reasons-by-school" title="Reasons by school left" xTitle="School" groups=${reasons.bySchool} labelOf=${(g) => (g.schoolUrn ? g.name : 'On no school roll')} />
          <${ReasonChart} id="reasons-by-year" title="Reasons by year group" xTitle="Year group" groups=${reasons.byYearGroup} labelOf=${(g) => (g.yearGroup === 'R' ? 'Reception' : g.yearGroup === 'not_known' ? 'Not known' : `Year ${g.yearGroup}`)} />
        </div>
        <div class="app-table-scroll" tabindex="0" role="region" aria-label="Outcomes by reason (scrolls sideways)"><table class="govuk-table govuk-!-margin-top-6" data-testid="reason-outcomes">
          <caption class="govuk-table__caption govuk-table__caption--s">Outcomes and time to resolution by reason (school days on the LA's calendar)</caption>
          <thead class="govuk-table__head"><tr class="govuk-table__row">
            ${header('Primary reason')}${header('Times missing', true)}${header('Still missing', true)}${header('Ended in')}${header('Median school days', true)}${header('Longest (school days)', true)}
          </tr></thead>
          <tbody class="govuk-table__body">${reasons.outcomes.map(
            (r) => html`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${r.label}</th>${cell(r.episodes)}${cell(r.stillMissing)}
              <td class="govuk-table__cell">${r.endedIn.map((e) => `${e.label} ${e.count}`).join('; ') || 'none ended'}</td>${cell(r.medianSchoolDays)}${cell(r.longestSchoolDays)}</tr>`,
          )}</tbody>
        </table></div>`}`;
}
