import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { html } from '../html.js';
import { CaseTable } from './case-table.js';
import { UnresolvedNTable } from './unresolved-n-table.js';

/** What awaits the signed-in user, most urgent first. */
export function InboxPage({ user }) {
  const [inbox, setInbox] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    api('/v1/inbox').then(setInbox).catch((e) => setError(e.message));
  }, []);
  if (error) return html`<p class="error" role="alert">${error}</p>`;
  if (!inbox) return html`<p>Loading…</p>`;
  const sections = [
    ['consents', 'Consents to decide', inbox.consentsToDecide, user.role === 'la_send_officer' ? 'Special-school deletions wait for your consent (SAR24 reg 9).' : 'Deletions waiting for the LA SEND officer.'],
    ['enquiries', 'Enquiries to sign', inbox.enquiriesToSign, 'Joint school + LA reasonable enquiries: whereabouts not yet established.'],
    ['trace', 'Children to trace', inbox.childrenToTrace, 'Children missing education: trace through other LAs, the Lost Pupils Database and agencies.'],
    ['overdue', 'Overdue', inbox.overdue, 'A clock has run out.'],
    ['due', 'Due in the next 5 days', inbox.dueSoon, 'Clocks running out soon.'],
  ];
  return html`<h1>Inbox</h1>
    ${sections.map(([id, title, cases, caption]) => html`<section aria-labelledby="inbox-${id}">
      <h2 id="inbox-${id}">${title} (${cases.length})</h2>
      <${CaseTable} cases=${cases} caption=${caption} />
    </section>`)}
    <section aria-labelledby="inbox-code-n">
      <h2 id="inbox-code-n">Code N to replace (${inbox.unresolvedNMarks?.length ?? 0})</h2>
      <${UnresolvedNTable} items=${inbox.unresolvedNMarks} />
    </section>`;
}
