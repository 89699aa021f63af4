import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Chart } from '../chart.js';
import { Problem } from '../components.js';
import { day, label, stageName } from '../format.js';
import { html } from '../html.js';
import { ReasonsSection } from './dashboard-reasons.js';

/** A headline figure; where a case list shows the same cases, the figure links to it. */
const Card = ({ figure, text, href, testid }) => html`<div class="app-card"><span class="app-card__figure" data-testid=${testid}>${figure}</span>
  ${href ? html`<a class="govuk-link" href=${href}>${text}</a>` : text}</div>`;

export function DashboardPage() {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    // How many are due soon is the case list's own count, so the card and the list it links to agree.
    Promise.all([api('/v1/dashboard'), api('/v1/cases?status=open&deadline=due_soon&pageSize=1')])
      .then(([dashboard, dueSoon]) => setData({ ...dashboard, dueSoon: dueSoon.total }))
      .catch((e) => setError(e.message));
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
      <${Card} figure=${data.dueSoon} text="open with a clock due in the next 5 school days" href="#/cases?status=open&deadline=due_soon" testid="due-soon" />
      <${Card} figure=${data.breached} text="open with a clock breached (ran out and escalated, step not done)" href="#/cases?status=open&deadline=breached" testid="breached" />
      <${Card} figure=${undelivered} testid="undelivered-alerts" text=${html`attendance alerts not yet on a case${undelivered ? html`<br /><span class="govuk-body-s">${data.undeliveredAlerts.map((r) => `${label(r.kind)} ${r.count}, oldest ${day(r.oldestDetectedAt)}`).join('; ')}</span>` : ''}`} />
    </div>
    <div class="app-charts">
      <${Chart} id="by-stage" type="bar" title="Open cases by stage" xTitle="Stage" labels=${data.openByStage.map((r) => stageName(r.stage))} datasets=${[{ label: 'Cases', data: data.openByStage.map((r) => r.count), backgroundColor: '#1d70b8' }]} />
      <${Chart} id="by-school" type="bar" title="Open cases by school" xTitle="School" labels=${data.openBySchool.map((r) => (r.schoolUrn ? r.name : 'On no school roll'))} datasets=${[{ label: 'Cases', data: data.openBySchool.map((r) => r.count), backgroundColor: '#00703c' }]} />
      <${Chart} id="by-send" type="doughnut" title="Open cases by SEN status" xTitle="SEN status" labels=${data.openBySend.map((r) => (r.send ? 'SEN support or EHC plan' : 'No SEN'))} datasets=${[{ label: 'Cases', data: data.openBySend.map((r) => r.count), backgroundColor: ['#b1b4b6', '#f47738'] }]} />
      <${Chart} id="weekly" type="line" title="Cases opened and closed per week" xTitle="Week beginning" labels=${data.weekly.map((r) => day(r.week))} datasets=${[{ label: 'Opened', data: data.weekly.map((r) => r.opened), borderColor: '#1d70b8' }, { label: 'Closed', data: data.weekly.map((r) => r.closed), borderColor: '#d4351c' }]} />
    </div>
    <${ReasonsSection} reasons=${data.reasons} />`;
}
