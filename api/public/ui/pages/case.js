import { useEffect, useState } from 'preact/hooks';
import { api, session } from '../api.js';
import { day, englandToday, isOverdue, label, when } from '../format.js';
import { html } from '../html.js';
import { Decisions } from './decisions.js';

// Which part of the system an entry comes from: the engine's history, or a notification's delivery (outbox).
const sourceNote = { temporal: ' (engine)', outbox: ' (delivery)' };

/** School days from today to a deadline, on the case's school calendar (or none for a child on no roll). */
function SchoolDaysLeft({ schoolUrn, at }) {
  const [days, setDays] = useState(null);
  useEffect(() => {
    const to = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(Date.parse(at) - 1000));
    const from = englandToday();
    if (!schoolUrn || to < from) return;
    api(`/v1/schools/${schoolUrn}/school-days?from=${from}&to=${to}`).then((r) => setDays(r.schoolDays)).catch(() => setDays(null));
  }, [schoolUrn, at]);
  if (isOverdue(at)) return html`<span class="tag overdue">overdue</span>`;
  return days === null ? '' : html`<span>${days} school day${days === 1 ? '' : 's'} left</span>`;
}

function Child({ caseId }) {
  const [child, setChild] = useState(null);
  useEffect(() => {
    api(`/v1/cases/${caseId}/child`).then(setChild).catch(() => setChild(null));
  }, [caseId]);
  if (!child) return null;
  const d = child.details;
  return html`<section aria-labelledby="child"><h2 id="child">Child</h2>
    <dl class="facts">
      <dt>Name</dt><dd>${d ? `${d.givenName} ${d.familyName}` : 'not held'}</dd>
      <dt>UPN</dt><dd>${child.upn ?? 'none'}</dd>
      <dt>Date of birth</dt><dd>${d?.dateOfBirth ? day(d.dateOfBirth) : 'not held'}</dd>
      <dt>Address</dt><dd>${d?.address ?? 'not held'}</dd>
      <dt>SEN status</dt><dd>${label(child.senStatus)}${child.placedByLa ? ' · placed by the LA' : ''}</dd>
    </dl></section>`;
}

/** The printable record needs the bearer token, so it is fetched and opened as a local page. */
async function openExport(caseId) {
  const response = await fetch(`/v1/cases/${caseId}/export?format=html`, { headers: { authorization: `Bearer ${session.token}` } });
  window.open(URL.createObjectURL(new Blob([await response.text()], { type: 'text/html' })), '_blank');
}

export function CasePage({ caseId, user }) {
  const [state, setState] = useState(null);
  const [timeline, setTimeline] = useState([]);
  const [config, setConfig] = useState(null);
  const [error, setError] = useState(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    Promise.all([api(`/v1/cases/${caseId}`), api(`/v1/cases/${caseId}/timeline`), api('/v1/ui-config')])
      .then(([s, t, c]) => {
        setState(s);
        setTimeline(t.entries);
        setConfig(c);
      })
      .catch((e) => setError(e.message));
  }, [caseId, version]);
  if (error) return html`<p class="error" role="alert">${error}</p>`;
  if (!state) return html`<p>Loading…</p>`;
  const temporalLink = config?.temporalUiUrl && `${config.temporalUiUrl}/namespaces/${config.namespace}/workflows/case-${caseId}`;
  return html`<h1>Case ${caseId.slice(0, 8)} <span class="tag" data-testid="stage">${label(state.stage)}</span></h1>
    <dl class="facts">
      <dt>School</dt><dd>${state.schoolUrn ?? 'on no roll'}</dd>
      <dt>LA</dt><dd>${state.laCode}</dd>
      <dt>Opened</dt><dd>${when(state.openedAt)}</dd>
      <dt>Concerns</dt><dd>${state.concerns.map((c) => label(c.reason)).join(', ')}</dd>
      ${state.outcome && html`<dt>Outcome</dt><dd>${label(state.outcome)}</dd>`}
      ${state.deletion && html`<dt>Deletion</dt><dd>ground ${state.deletion.ground}, on ${day(state.deletion.deleteOn)}: ${label(state.deletion.status)}</dd>`}
      ${temporalLink && user.role !== 'school' && html`<dt>Engine</dt><dd><a href=${temporalLink} target="_blank" rel="noopener">Open in the Temporal UI</a></dd>`}
      ${user.role !== 'school' && html`<dt>Record</dt><dd><button type="button" class="secondary" onClick=${() => openExport(caseId)}>Export the full record (printable)</button></dd>`}
    </dl>
    <${Child} caseId=${caseId} />
    <section aria-labelledby="deadlines"><h2 id="deadlines">Deadlines</h2>
      ${state.deadlines.length === 0 ? html`<p class="hint">No clock is running.</p>` : html`<table><thead><tr><th scope="col">Clock</th><th scope="col">Runs out</th><th scope="col">School days</th></tr></thead><tbody>
        ${state.deadlines.map((d) => html`<tr><td>${d.title}</td><td>${when(d.at)}</td><td><${SchoolDaysLeft} schoolUrn=${state.schoolUrn} at=${d.at} /></td></tr>`)}
      </tbody></table>`}
    </section>
    <section aria-labelledby="decide"><h2 id="decide">Decisions</h2>
      <${Decisions} caseId=${caseId} state=${state} user=${user} onDone=${() => setVersion(version + 1)} />
    </section>
    <section aria-labelledby="timeline"><h2 id="timeline">Timeline</h2>
      <table class="timeline"><thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Who</th><th scope="col">Rule</th><th scope="col">Detail</th></tr></thead><tbody>
        ${timeline.map((e) => html`<tr class=${`source-${e.source}${e.detail?.status === 'failed' ? ' delivery-failed' : ''}`}>
          <td>${when(e.at)}</td><td>${label(e.what)}${sourceNote[e.source] ?? ''}</td><td>${e.actor ?? ''}</td><td>${e.ruleId ?? ''}</td>
          <td>${e.detail ? Object.entries(e.detail).map(([k, v]) => `${label(k)}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('; ') : ''}</td>
        </tr>`)}
      </tbody></table>
    </section>`;
}
