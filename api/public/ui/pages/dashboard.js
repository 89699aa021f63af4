import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Problem } from '../components.js';
import { day, label, stageName } from '../format.js';
import { html } from '../html.js';

/** Case counts are whole: axes step by one case at least, starting at zero. */
const countScale = { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Cases' } };

/** One Chart.js chart with its title; the table under it carries the same figures for screen readers. */
function Chart({ id, type, labels, datasets, title, xTitle }) {
  const canvas = useRef(null);
  useEffect(() => {
    if (!window.Chart || !canvas.current) return undefined;
    const scales = type === 'doughnut' ? {} : { y: countScale, x: { title: { display: true, text: xTitle } } };
    const chart = new window.Chart(canvas.current, {
      type,
      data: { labels, datasets },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales, plugins: { title: { display: true, text: title }, legend: { display: datasets.length > 1 || type === 'doughnut' } } },
    });
    return () => chart.destroy();
  }, [JSON.stringify([labels, datasets])]);
  return html`<figure class="app-card govuk-!-margin-0"><figcaption class="govuk-heading-s">${title}</figcaption>
    <div class="app-chart"><canvas id=${id} ref=${canvas} role="img" aria-label=${`${title}: ${labels.map((l, i) => `${l} ${datasets.map((d) => d.data[i]).join(' and ')}`).join(', ')}`}></canvas></div>
    <details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Figures</span></summary>
      <div class="govuk-details__text"><table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">${xTitle}</th>${datasets.map((d) => html`<th scope="col" class="govuk-table__header govuk-table__header--numeric">${d.label}</th>`)}</tr></thead>
      <tbody class="govuk-table__body">${labels.map((l, i) => html`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${l}</th>${datasets.map((d) => html`<td class="govuk-table__cell govuk-table__cell--numeric">${d.data[i]}</td>`)}</tr>`)}</tbody></table></div>
    </details>
  </figure>`;
}

/** A headline figure; where a case list shows the same cases, the figure links to it. */
const Card = ({ figure, text, href, testid }) => html`<div class="app-card"><span class="app-card__figure" data-testid=${testid}>${figure}</span>
  ${href ? html`<a class="govuk-link" href=${href}>${text}</a>` : text}</div>`;

export function DashboardPage() {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    api('/v1/dashboard').then(setData).catch((e) => setError(e.message));
  }, []);
  if (error) return html`<${Problem} message=${error} />`;
  if (!data) return html`<p class="govuk-body">Loading…</p>`;
  const open = data.openByStage.reduce((sum, row) => sum + row.count, 0);
  const send = data.openBySend.find((row) => row.send)?.count ?? 0;
  const undelivered = data.undeliveredAlerts.reduce((sum, row) => sum + row.count, 0);
  return html`<h1 class="govuk-heading-l">Dashboard</h1>
    <div class="app-cards">
      <${Card} figure=${open} text="open cases" href="#/cases?status=open" testid="open-cases" />
      <${Card} figure=${send} text="with SEN support or an EHC plan" href="#/cases?status=open&send=true" />
      <${Card} figure=${data.overdue} text="open with a clock overdue" href="#/cases?status=open&deadline=overdue" testid="overdue" />
      <${Card} figure=${data.breached} text="open with a clock breached (ran out and escalated, step not done)" testid="breached" />
      <${Card} figure=${undelivered} testid="undelivered-alerts" text=${html`attendance alerts not yet on a case${undelivered ? html`<br /><span class="govuk-body-s">${data.undeliveredAlerts.map((r) => `${label(r.kind)} ${r.count}, oldest ${day(r.oldestDetectedAt)}`).join('; ')}</span>` : ''}`} />
    </div>
    <div class="app-charts">
      <${Chart} id="by-stage" type="bar" title="Open cases by stage" xTitle="Stage" labels=${data.openByStage.map((r) => stageName(r.stage))} datasets=${[{ label: 'Cases', data: data.openByStage.map((r) => r.count), backgroundColor: '#1d70b8' }]} />
      <${Chart} id="by-school" type="bar" title="Open cases by school" xTitle="School" labels=${data.openBySchool.map((r) => (r.schoolUrn ? r.name : 'On no school roll'))} datasets=${[{ label: 'Cases', data: data.openBySchool.map((r) => r.count), backgroundColor: '#00703c' }]} />
      <${Chart} id="by-send" type="doughnut" title="Open cases by SEN status" xTitle="SEN status" labels=${data.openBySend.map((r) => (r.send ? 'SEN support or EHC plan' : 'No SEN'))} datasets=${[{ label: 'Cases', data: data.openBySend.map((r) => r.count), backgroundColor: ['#b1b4b6', '#f47738'] }]} />
      <${Chart} id="weekly" type="line" title="Cases opened and closed per week" xTitle="Week beginning" labels=${data.weekly.map((r) => day(r.week))} datasets=${[{ label: 'Opened', data: data.weekly.map((r) => r.opened), borderColor: '#1d70b8' }, { label: 'Closed', data: data.weekly.map((r) => r.closed), borderColor: '#d4351c' }]} />
    </div>`;
}
