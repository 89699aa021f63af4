import { useEffect, useState } from 'preact/hooks';
import { api, session } from '../api.js';
import { Problem, SenTag, StageTag, SummaryList } from '../components.js';
import { childName, day, daysLeft, deadline, isOverdue, label, when, yearGroupName } from '../format.js';
import { html } from '../html.js';
import { schoolNames } from '../schools.js';
import { actionWords, actorWords, concernWords, detailWords, nextStepOf, partyOf, schoolWords } from '../words.js';
import { Decisions } from './decisions.js';
import { SendLink } from './send-link.js';
import { SupportPlan } from './support-plan.js';
import { Attendance } from './attendance.js';

/** The printable record needs the bearer token, so it is fetched and opened as a local page. */
async function openExport(caseId) {
  const response = await fetch(`/v1/cases/${caseId}/export?format=html`, { headers: { authorization: `Bearer ${session.token}` } });
  window.open(URL.createObjectURL(new Blob([await response.text()], { type: 'text/html' })), '_blank');
}

/** What happens next, first on the page: who the case waits for, what they must do, by when. */
function NextStep({ state }) {
  const step = nextStepOf(state.stage);
  if (!step) return html`<div class="govuk-inset-text">This case is closed${state.outcome ? `: ${label(state.outcome)}` : ''}.</div>`;
  const [who, what] = step;
  const byWhen = (clock) => ` — by ${deadline(clock.at)} (${isOverdue(clock.at) ? 'overdue' : daysLeft(clock.daysLeft)})`;
  const soonest = (clocks) => [...clocks].sort((a, b) => a.at.localeCompare(b.at));
  // A request to the SEND team runs on its own clock, beside the stage's: it is the SEND team's to answer, not the stage's party's.
  const next = soonest(state.deadlines.filter((d) => d.kind !== 'send_request'))[0];
  const requests = soonest(state.deadlines.filter((d) => d.kind === 'send_request'));
  const by = next ? byWhen(next) : '';
  return html`<div class="govuk-notification-banner" role="region" aria-labelledby="next-step-title">
    <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="next-step-title">What happens next</h2></div>
    <div class="govuk-notification-banner__content">
      <p class="govuk-notification-banner__heading" data-testid="next-step">Waiting for ${who} to ${what}${by}</p>
      ${next && html`<p class="govuk-body">${next.title} (rule ${next.ruleId})</p>`}
      ${requests.map((r) => html`<p class="govuk-body" data-testid="next-step-send">Also waiting for the LA SEND team to answer a request${byWhen(r)}: ${r.title}</p>`)}
    </div></div>`;
}

/** Our record of the case, once per event, in words; the engine's own history is one click further. */
function Timeline({ entries, schools }) {
  const record = entries.filter((e) => e.source !== 'temporal');
  const engine = entries.filter((e) => e.source === 'temporal');
  const cell = (content) => html`<td class="govuk-table__cell">${content}</td>`;
  return html`<section aria-labelledby="timeline"><h2 class="govuk-heading-m" id="timeline">Timeline</h2>
    <div class="app-table-scroll" tabindex="0" role="region" aria-label="Events, oldest first (scrolls sideways)"><table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">When</th><th scope="col" class="govuk-table__header">What</th><th scope="col" class="govuk-table__header">Who</th><th scope="col" class="govuk-table__header">Rule</th></tr></thead>
      <tbody class="govuk-table__body">
      ${record.map((e) => {
        const failed = e.detail?.status === 'failed';
        const what = e.source === 'outbox' ? `Notification to ${partyOf(e.detail?.recipient, schools)}: ${label(e.detail?.status)}` : actionWords(e.what);
        const detail = e.source === 'outbox' ? '' : detailWords(e.detail);
        return html`<tr class=${`govuk-table__row${failed ? ' app-delivery-failed' : ''}`}>
          ${cell(when(e.at))}${cell(html`${what}${detail ? html`<br /><span class="govuk-body-s">${detail}</span>` : ''}`)}${cell(actorWords(e.actor, schools))}${cell(e.ruleId ?? '')}</tr>`;
      })}
      </tbody></table></div>
    <details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">The engine's history (${engine.length} events)</span></summary>
      <div class="govuk-details__text"><ul class="govuk-list">${engine.map((e) => html`<li>${when(e.at)}: ${label(e.what.split(':')[0])}${e.detail?.summary ? ` (${e.detail.summary})` : ''}</li>`)}</ul></div>
    </details>
  </section>`;
}

export function CasePage({ caseId, user }) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    // The case first: a case the caller may not see (404) asks nothing more.
    api(`/v1/cases/${caseId}`)
      .then((state) => Promise.all([state, api(`/v1/cases/${caseId}/timeline`), api('/v1/ui-config'), api(`/v1/cases/${caseId}/child`), schoolNames(session.token)]))
      .then(([state, timeline, config, child, schools]) => setData({ state, entries: timeline.entries, config, child, schools }))
      .catch((e) => setError(e.message));
  }, [caseId, version]);
  if (error) return html`<${Problem} message=${error} />`;
  if (!data) return html`<p class="govuk-body">Loading…</p>`;
  const { state, entries, config, child, schools } = data;
  const d = child.details;
  const temporalLink = config?.temporalUiUrl && `${config.temporalUiUrl}/namespaces/${config.namespace}/workflows/case-${caseId}`;
  return html`<span class="govuk-caption-l">Case</span>
    <h1 class="govuk-heading-l">${childName(d)} <${StageTag} stage=${state.stage} /> <${SenTag} status=${child.senStatus} /></h1>
    <${NextStep} state=${state} />
    <${SummaryList} rows=${[
      ['Date of birth', d?.dateOfBirth ? day(d.dateOfBirth) : 'Not held'],
      ['Year group', yearGroupName(child.yearGroup) ?? 'Not known'],
      ['School', state.schoolUrn ? schoolWords(state.schoolUrn, schools) : 'On no school roll'],
      ['SEN status', child.senStatus === 'none' ? 'No SEN' : html`<${SenTag} status=${child.senStatus} />${child.placedByLa ? ' placed by the LA' : ''}`],
      ['UPN', child.upn ?? 'None'],
      ['Address', d?.address ?? 'Not held'],
      ['Concerns', state.concerns.map((c) => concernWords(c.reason)).join(', ')],
      ['Opened', when(state.openedAt)],
      ['Outcome', state.outcome ? label(state.outcome) : null],
      ['Deletion', state.deletion ? `Ground ${state.deletion.ground}, on ${day(state.deletion.deleteOn)}: ${label(state.deletion.status)}` : null],
    ]} />
    <section aria-labelledby="deadlines"><h2 class="govuk-heading-m" id="deadlines">Clocks</h2>
      ${state.deadlines.length === 0 ? html`<p class="govuk-body">No clock is running.</p>` : html`<table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Clock</th><th scope="col" class="govuk-table__header">Runs out</th><th scope="col" class="govuk-table__header">Left</th></tr></thead><tbody class="govuk-table__body">
        ${state.deadlines.map((dl) => html`<tr class="govuk-table__row"><td class="govuk-table__cell">${dl.title}</td><td class="govuk-table__cell">${deadline(dl.at)}</td><td class="govuk-table__cell">${isOverdue(dl.at) ? html`<strong class="govuk-tag govuk-tag--red">Overdue</strong>` : daysLeft(dl.daysLeft)}</td></tr>`)}
      </tbody></table>`}
    </section>
    <${Attendance} caseId=${caseId} version=${version} />
    <${SupportPlan} caseId=${caseId} state=${state} user=${user} schools=${schools} onDone=${() => setVersion(version + 1)} />
    <${SendLink} caseId=${caseId} state=${state} user=${user} schools=${schools} onDone=${() => setVersion(version + 1)} />
    <section aria-labelledby="decide"><h2 class="govuk-heading-m" id="decide">Decisions</h2>
      <${Decisions} caseId=${caseId} state=${state} user=${user} onDone=${() => setVersion(version + 1)} />
    </section>
    <${Timeline} entries=${entries} schools=${schools} />
    ${user.role !== 'school' && html`<h2 class="govuk-heading-m">The full record</h2><p class="govuk-body">
      <button type="button" class="govuk-button govuk-button--secondary" onClick=${() => openExport(caseId)}>Export the full record (printable)</button>
      ${temporalLink && html` <a class="govuk-link" href=${temporalLink} target="_blank" rel="noopener">Open in the Temporal UI (opens in a new tab)</a>`}</p>`}`;
}
