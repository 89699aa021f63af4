import { useEffect, useRef } from 'preact/hooks';
import { html } from './html.js';

/** Counts are whole: axes step by one at least, starting at zero. */
const countScale = (text) => ({ beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text } });

/** Each doughnut segment's figure drawn on it, so the chart reads without hovering over it. */
const segmentFigures = {
  id: 'segmentFigures',
  afterDatasetsDraw(chart) {
    if (chart.config.type !== 'doughnut') return;
    const { ctx } = chart;
    ctx.save();
    Object.assign(ctx, { font: 'bold 16px system-ui, sans-serif', fillStyle: '#0b0c0c', textAlign: 'center', textBaseline: 'middle' });
    chart.getDatasetMeta(0).data.forEach((segment, i) => {
      const figure = chart.data.datasets[0].data[i];
      if (figure) ctx.fillText(String(figure), segment.tooltipPosition().x, segment.tooltipPosition().y);
    });
    ctx.restore();
  },
};

/** One Chart.js chart with its title; the table under it carries the same figures for screen readers. */
export function Chart({ id, type, labels, datasets, title, xTitle, yTitle = 'Cases', stacked = false }) {
  const canvas = useRef(null);
  useEffect(() => {
    if (!window.Chart || !canvas.current) return undefined;
    const scales = type === 'doughnut' ? {} : { y: { ...countScale(yTitle), stacked }, x: { title: { display: true, text: xTitle }, stacked } };
    const chart = new window.Chart(canvas.current, {
      type,
      data: { labels, datasets },
      plugins: [segmentFigures],
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales, plugins: { title: { display: true, text: title }, legend: { display: datasets.length > 1 || type === 'doughnut' || stacked } } },
    });
    return () => chart.destroy();
  }, [JSON.stringify([labels, datasets])]);
  return html`<figure class="app-card govuk-!-margin-0"><figcaption class="govuk-heading-s">${title}</figcaption>
    <div class="app-chart"><canvas id=${id} ref=${canvas} role="img" aria-label=${`${title}: ${labels.map((l, i) => `${l} ${datasets.map((d) => d.data[i]).join(' and ')}`).join(', ')}`}></canvas></div>
    <details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Figures</span></summary>
      <div class="govuk-details__text app-table-scroll" tabindex="0" role="region" aria-label=${`${title}: figures (scrolls sideways)`}><table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">${xTitle}</th>${datasets.map((d) => html`<th scope="col" class="govuk-table__header govuk-table__header--numeric">${d.label}</th>`)}</tr></thead>
      <tbody class="govuk-table__body">${labels.map((l, i) => html`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${l}</th>${datasets.map((d) => html`<td class="govuk-table__cell govuk-table__cell--numeric">${d.data[i]}</td>`)}</tr>`)}</tbody></table></div>
    </details>
  </figure>`;
}
