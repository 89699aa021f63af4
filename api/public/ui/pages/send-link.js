import { html } from '../html.js';
import { Select, Textarea } from '../fields.js';
import { deadline, when } from '../format.js';
import { Tag } from '../components.js';
import { SEND_ANSWERS, SEND_REQUESTS, actorWords, barrierWords, sendRequestWords } from '../words.js';
import { DecisionForm } from './decisions.js';

/** Who asks and who answers (domain/support/send-link.ts); the case checks each again. */
const ASKING_ROLES = ['school', 'la_cme_officer'];
const ANSWERING_ROLE = 'la_send_officer';
/** The request each SEN status on the register is for: an EHC plan's early review, SEN support's needs assessment. */
const KIND_OF_STATUS = { ehc_plan: 'early_ehcp_review', sen_support: 'ehc_needs_assessment' };

function Status({ request }) {
  if (request.answer) return html`<${Tag} colour=${request.answer.decision === 'agreed' ? 'govuk-tag--green' : 'govuk-tag--grey'}>${SEND_ANSWERS.find(([code]) => code === request.answer.decision)?.[1]}<//>`;
  if (request.lapsedAt) return html`<${Tag} colour="govuk-tag--red">Overdue<//>`;
  return html`<${Tag} colour="govuk-tag--blue">Awaiting the SEND team<//>`;
}

/**
 * The SEND link on the case page (issue 16): where unmet need keeps the pupil from school, the school or the LA
 * asks the SEND team, and the SEND officer answers. Shown once a request is made or an unmet-need barrier allows one.
 */
export function SendLink({ caseId, state, user, schools, onDone }) {
  const plan = state.supportPlan;
  const requests = plan?.sendRequests ?? [];
  const unmet = (plan?.barriers ?? []).filter((b) => b.code === 'unmet_send_need');
  const kind = KIND_OF_STATUS[state.placement?.senStatus];
  const asks = ASKING_ROLES.includes(user.role) && state.stage === 'support_first' && unmet.length > 0;
  const open = requests.filter((r) => !r.answer);
  if (requests.length === 0 && !asks) return null;
  return html`<section aria-labelledby="send-link"><h2 class="govuk-heading-m" id="send-link">Requests to the SEND team</h2>
    ${requests.length === 0 ? html`<p class="govuk-body">No request made yet.</p>` : html`<ul class="govuk-list" data-testid="send-requests">
      ${requests.map((r) => html`<li><strong>${sendRequestWords(r.kind)}</strong> <${Status} request=${r} /><br />
        <span class="govuk-body-s">${r.reason} (${actorWords(r.requestedBy, schools)}, ${when(r.requestedAt)}); answer by ${deadline(r.respondBy)}</span>
        ${r.answer && html`<br /><span class="govuk-body-s">${r.answer.note} (${actorWords(r.answer.answeredBy, schools)}, ${when(r.answer.answeredAt)})</span>`}</li>`)}</ul>`}
    <div class="app-decisions">
    ${asks && html`<${DecisionForm} caseId=${caseId} prefix="send" path="send-requests" title="Ask the SEND team"
      toBody=${(f) => ({ kind: f.get('kind'), barrierId: f.get('barrierId'), reason: f.get('reason') })} onDone=${onDone}>
      ${(err) => html`<${Select} id="send-kind" name="kind" label="What the SEND team is asked" options=${SEND_REQUESTS.filter(([code]) => !kind || code === kind)} error=${err('kind')} />
      <${Select} id="send-barrierId" name="barrierId" label="The barrier it rests on" options=${unmet.map((b) => [b.barrierId, `${barrierWords(b.code)} (${when(b.identifiedAt)})`])} error=${err('barrierId')} />
      <${Textarea} id="send-reason" name="reason" label="Why (recorded in the audit log)" maxlength="1000" error=${err('reason')} />`}
    <//>`}
    ${user.role === ANSWERING_ROLE && open.length > 0 && html`<${DecisionForm} caseId=${caseId} prefix="answer" path="send-request-answers" title="Answer a request"
      toBody=${(f) => ({ requestId: f.get('requestId'), decision: f.get('decision'), note: f.get('note') })} onDone=${onDone}>
      ${(err) => html`<${Select} id="answer-requestId" name="requestId" label="Request" options=${open.map((r) => [r.requestId, `${sendRequestWords(r.kind)}, ${when(r.requestedAt)}`])} error=${err('requestId')} />
      <${Select} id="answer-decision" name="decision" label="The SEND team" options=${SEND_ANSWERS} />
      <${Textarea} id="answer-note" name="note" label="Why (recorded in the audit log)" maxlength="1000" error=${err('note')} />`}
    <//>`}
    </div>
  </section>`;
}
