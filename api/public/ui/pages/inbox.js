import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Problem } from '../components.js';
import { html } from '../html.js';
import { CaseTable } from './case-table.js';
import { UnresolvedNTable } from './unresolved-n-table.js';

/** What awaits the signed-in user, most urgent first. */
export function InboxPage() {
  const [inbox, setInbox] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    api('/v1/inbox').then(setInbox).catch((e) => setError(e.message));
  }, []);
  if (error) return html`<${Problem} message=${error} />`;
  if (!inbox) return html`<p class="govuk-body">Loading…</p>`;
  // The API sends only the sections the signed-in role may act on.
  const sections = [
    ['escalated', 'Escalated to you', inbox.escalated, 'Clocks that ran out and were escalated to your role: overdue until the step is done.'],
    ['consents', 'Consents to decide', inbox.consentsToDecide, 'Special-school deletions wait for the LA\'s consent (SAR24 reg 9).'],
    ['directions', 'Directions to record', inbox.directionsToRecord, 'Consent refused: only a Secretary of State direction lets the deletion go ahead.'],
    ['enquiries', 'Enquiries to sign', inbox.enquiriesToSign, 'Joint school and LA reasonable enquiries: where the child is is not yet known.'],
    ['trace', 'Children to trace', inbox.childrenToTrace, 'Children missing education: trace through other LAs, the Lost Pupils Database and agencies.'],
    ['overdue', 'Overdue', inbox.overdue, 'A clock has run out and its step is not done.'],
    ['due', 'Due in the next 5 school days', inbox.dueSoon, 'Clocks whose last day is within the next 5 school days on the case\'s calendar.'],
    ['actions', 'Support plan actions past their due date', inbox.supportActionsLapsed, 'Actions you own, or oversee as the case officer, still open after their due date.'],
    ['send', 'Requests to the SEND team', inbox.sendRequests, 'An early EHC plan review or an EHC needs assessment asked for where unmet need keeps the pupil from school, awaiting your answer.'],
  ].filter(([, , cases]) => cases !== undefined);
  return html`<h1 class="govuk-heading-l">Inbox</h1>
    ${sections.map(([id, title, cases, caption]) => html`<section aria-labelledby="inbox-${id}">
      <h2 class="govuk-heading-m" id="inbox-${id}">${title} (${cases.length})</h2>
      <${CaseTable} cases=${cases} caption=${caption} />
    </section>`)}
    ${inbox.unresolvedNMarks && html`<section aria-labelledby="inbox-code-n">
      <h2 class="govuk-heading-m" id="inbox-code-n">Code N to replace (${inbox.unresolvedNMarks.length})</h2>
      <${UnresolvedNTable} items=${inbox.unresolvedNMarks} />
    </section>`}`;
}
