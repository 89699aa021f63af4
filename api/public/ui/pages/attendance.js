import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { day, label, when } from '../format.js';
import { html } from '../html.js';
import { actionWords, barrierWords, ownerWords } from '../words.js';

/** Below 90% attendance a pupil is persistently absent (PA-10: 10% or more of possible sessions missed). */
const PERSISTENT_LINE = 90;
const size = { width: 640, height: 220, left: 40, right: 10, top: 24, bottom: 36 };
const th = (text, numeric) => html`<th scope="col" class=${`govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}`}>${text}</th>`;
const num = (value) => html`<td class="govuk-table__cell govuk-table__cell--numeric">${value}</td>`;
const percent = (value) => (value === null ? 'no sessions' : `${value}%`);

/** What a support change was, in words: the action and its coded detail. */
function changeWords({ action, changed }) {
  const detail = [changed.to && label(changed.to), changed.code && barrierWords(changed.code), changed.owner && ownerWords(changed.owner), changed.what, changed.status && label(changed.status), changed.nextStep && `next: ${label(changed.nextStep)}`]
    .filter(Boolean)
    .join(': ');
  return `${actionWords(action)}${detail ? ` (${detail})` : ''}`;
}

/**
 * Weekly attendance as an SVG bar chart: one bar per week, the 90% line, and a numbered marker at each week support
 * changed. The same figures are in the table after it, which is what a screen reader reads (the SVG is one image).
 */
function Bars({ weeks, markers }) {
  const plotWidth = size.width - size.left - size.right;
  const plotHeight = size.height - size.top - size.bottom;
  const step = plotWidth / Math.max(weeks.length, 1);
  const y = (value) => size.top + plotHeight * (1 - value / 100);
  const x = (weekOf) => size.left + step * weeks.findIndex((w) => w.weekOf === weekOf);
  const described = `${weeks.length} weeks from ${day(weeks[0].weekOf)}: ${weeks.map((w) => `${day(w.weekOf)} ${percent(w.attendancePercent)}`).join(', ')}. Support changed ${markers.length} times.`;
  return html`<svg class="app-attendance-chart" viewBox=${`0 0 ${size.width} ${size.height}`} role="img" aria-labelledby="attendance-svg-title attendance-svg-desc">
    <title id="attendance-svg-title">Attendance by week this school year</title>
    <desc id="attendance-svg-desc">${described}</desc>
    ${[0, 50, 100].map((tick) => html`<text x=${size.left - 6} y=${y(tick) + 4} text-anchor="end" class="app-chart-axis">${tick}%</text>`)}
    <line x1=${size.left} x2=${size.width - size.right} y1=${y(PERSISTENT_LINE)} y2=${y(PERSISTENT_LINE)} class="app-chart-threshold" />
    <text x=${size.width - size.right} y=${y(PERSISTENT_LINE) - 4} text-anchor="end" class="app-chart-axis">90%</text>
    ${weeks.map((w) => w.attendancePercent !== null && html`<rect x=${x(w.weekOf) + step * 0.15} width=${step * 0.7} y=${y(w.attendancePercent)} height=${y(0) - y(w.attendancePercent)}
      class=${w.attendancePercent < PERSISTENT_LINE ? 'app-chart-bar app-chart-bar--low' : 'app-chart-bar'} />`)}
    <line x1=${size.left} x2=${size.width - size.right} y1=${y(0)} y2=${y(0)} class="app-chart-baseline" />
    ${weeks.map((w, i) => (i % Math.ceil(weeks.length / 8) === 0 ? html`<text x=${x(w.weekOf) + step / 2} y=${size.height - 18} text-anchor="middle" class="app-chart-axis">${day(w.weekOf).slice(4, -5)}</text>` : null))}
    ${markers.map((m) => html`<g class="app-chart-marker"><line x1=${x(m.weekOf) + step / 2} x2=${x(m.weekOf) + step / 2} y1=${size.top - 8} y2=${y(0)} />
      <text x=${x(m.weekOf) + step / 2} y=${size.top - 12} text-anchor="middle">${m.numbers}</text></g>`)}
  </svg>`;
}

/** The case's pupil's attendance this school year from the attendance feed, with where support changed. */
export function Attendance({ caseId, version }) {
  const [series, setSeries] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    api(`/v1/cases/${caseId}/attendance`).then(setSeries, (e) => setError(e.message));
  }, [caseId, version]);
  if (error) return html`<section aria-labelledby="attendance"><h2 class="govuk-heading-m" id="attendance">Attendance</h2><p class="govuk-body">Attendance could not be read: ${error}</p></section>`;
  if (!series) return null;
  const { weeks, total, supportChanges } = series;
  // Changes are numbered in order; a week's marker carries every number that fell in it. Only weeks with marks are on the chart.
  const numbered = supportChanges.map((change, i) => ({ ...change, number: i + 1 }));
  const charted = new Set(weeks.map((w) => w.weekOf));
  const markers = [...new Set(numbered.map((c) => c.weekOf))].filter((weekOf) => charted.has(weekOf)).map((weekOf) => ({ weekOf, numbers: numbered.filter((c) => c.weekOf === weekOf).map((c) => c.number).join(',') }));
  const changesIn = (weekOf) => numbered.filter((c) => c.weekOf === weekOf).map((c) => c.number).join(', ');
  return html`<section aria-labelledby="attendance"><h2 class="govuk-heading-m" id="attendance">Attendance ${series.schoolYear}</h2>
    ${weeks.length === 0 ? html`<p class="govuk-body">No register marks this school year.</p>` : html`
      <p class="govuk-body" data-testid="attendance-total">${percent(total.attendancePercent)} attendance: ${total.present} of ${total.possibleSessions} possible sessions; ${total.authorisedAbsence} authorised and ${total.unauthorisedAbsence} unauthorised absences.</p>
      <figure class="app-card govuk-!-margin-0"><${Bars} weeks=${weeks} markers=${markers} />
        <figcaption class="govuk-body-s">Bars: attendance each week. Dashed line: 90%, below which a pupil is persistently absent. Numbers above the bars: support changes, listed below.</figcaption></figure>
      <details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Attendance by week, with the codes</span></summary>
        <div class="govuk-details__text app-table-scroll" tabindex="0" role="region" aria-label="Attendance by week (scrolls sideways)"><table class="govuk-table" data-testid="attendance-weeks">
          <thead class="govuk-table__head"><tr class="govuk-table__row">${th('Week of')}${th('Possible', true)}${th('Present', true)}${th('Authorised absence', true)}${th('Unauthorised absence', true)}${th('Attendance', true)}${th('Codes (sessions)')}${th('Support changes')}</tr></thead>
          <tbody class="govuk-table__body">${weeks.map((w) => html`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${day(w.weekOf)}</th>
            ${num(w.possibleSessions)}${num(w.present)}${num(w.authorisedAbsence)}${num(w.unauthorisedAbsence)}${num(percent(w.attendancePercent))}
            <td class="govuk-table__cell">${w.codes.map((c) => `${c.code} ${c.sessions}`).join(', ')}</td><td class="govuk-table__cell">${changesIn(w.weekOf)}</td></tr>`)}</tbody>
        </table></div></details>`}
    ${numbered.length > 0 && html`<h3 class="govuk-heading-s">Support changes</h3><ol class="govuk-list govuk-list--number" data-testid="support-changes">
      ${numbered.map((c) => html`<li>${when(c.at)}: ${changeWords(c)}</li>`)}</ol>`}
  </section>`;
}
