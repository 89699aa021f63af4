import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { label } from '../format.js';
import { html } from '../html.js';

/** One Chart.js chart; the table beside it carries the same figures for screen readers. */
function Chart({ id, type, labels, datasets, title }) {
  const canvas = useRef(null);
  useEffect(() => {
    if (!window.Chart || !canvas.current) return undefined;
    const chart = new window.Chart(canvas.current, { type, data: { labels, datasets }, options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: datasets.length > 1 || type === 'doughnut' } } } });
    return () => chart.destroy();
  }, [JSON.stringify([labels, datasets])]);
  return html`<figure class="card" style="margin:0"><figcaption><strong>${title}</strong></figcaption>
    <div class="chart"><canvas id=${id} ref=${canvas} role="img" aria-label=${title}></canvas></div>
    <details><summary>Figures</summary>
      <table><thead><tr><th scope="col">${title}</th>${datasets.map((d) => html`<th scope="col">${d.label}</th>`)}</tr></thead>
      <tbody>${labels.map((l, i) => html`<tr><th scope="row">${l}</th>${datasets.map((d) => html`<td>${d.data[i]}</td>`)}</tr>`)}</tbody></table>
    </details>
  </figure>`;
}

export function DashboardPage() {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    api('/v1/dashboard').then(setData).catch((e) => setError(e.message));
  }, []);
  if (error) return html`<p class="error" role="alert">${error}</p>`;
  if (!data) return html`<p>Loading…</p>`;
  const open = data.openByStage.reduce((sum, row) => sum + row.count, 0);
  const send = data.openBySend.find((row) => row.send)?.count ?? 0;
  const undelivered = data.undeliveredAlerts.reduce((sum, row) => sum + row.count, 0);
  return html`<h1>Dashboard</h1>
    <div class="cards">
      <div class="card"><div class="figure" data-testid="open-cases">${open}</div>open cases</div>
      <div class="card"><div class="figure">${send}</div>with SEN support or an EHC plan</div>
      <div class="card"><div class="figure" data-testid="overdue">${data.overdue}</div>open with a clock overdue</div>
      <div class="card"><div class="figure" data-testid="breached">${data.breached}</div>open with a clock breached (ran out and escalated, step not done)</div>
      <div class="card"><div class="figure" data-testid="undelivered-alerts">${undelivered}</div>attendance alerts not yet on a case${undelivered ? html`<br /><small>${data.undeliveredAlerts.map((r) => `${label(r.kind)} ${r.count}, oldest ${r.oldestDetectedAt.slice(0, 10)}`).join('; ')}</small>` : ''}</div>
    </div>
    <div class="grid2" style="margin-top:1.25rem">
      <${Chart} id="by-stage" type="bar" title="Open cases by stage" labels=${data.openByStage.map((r) => label(r.stage))} datasets=${[{ label: 'cases', data: data.openByStage.map((r) => r.count), backgroundColor: '#1d4f91' }]} />
      <${Chart} id="by-school" type="bar" title="Open cases by school" labels=${data.openBySchool.map((r) => r.name)} datasets=${[{ label: 'cases', data: data.openBySchool.map((r) => r.count), backgroundColor: '#00703c' }]} />
      <${Chart} id="by-send" type="doughnut" title="Open cases by SEND flag" labels=${data.openBySend.map((r) => (r.send ? 'SEN support / EHC plan' : 'no SEN'))} datasets=${[{ label: 'cases', data: data.openBySend.map((r) => r.count), backgroundColor: ['#b1b4b6', '#f47738'] }]} />
      <${Chart} id="weekly" type="line" title="Cases opened and closed per week" labels=${data.weekly.map((r) => r.week)} datasets=${[{ label: 'opened', data: data.weekly.map((r) => r.opened), borderColor: '#1d4f91' }, { label: 'closed', data: data.weekly.map((r) => r.closed), borderColor: '#942514' }]} />
    </div>`;
}
