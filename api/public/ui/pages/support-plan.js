import { html } from '../html.js';
import { Input, Select, Textarea } from '../fields.js';
import { deadline, isOverdue, when } from '../format.js';
import { BARRIERS, NEXT_STEPS, OUTCOMES, OWNERS, actorWords, barrierWords, ownerWords } from '../words.js';
import { DecisionForm } from './decisions.js';
import { PartTimeTimetables } from './part-time.js';

/** Who works on the plan: the school (its SENCo among its staff) and the LA's CME and SEND officers (domain/support/plan.ts). */
const PLAN_ROLES = ['school', 'la_cme_officer', 'la_send_officer'];
const STATUS_TAGS = { open: ['Open', 'govuk-tag--blue'], done: ['Done', 'govuk-tag--green'], dropped: ['Dropped', 'govuk-tag--grey'] };

const th = (text) => html`<th scope="col" class="govuk-table__header">${text}</th>`;
const td = (content) => html`<td class="govuk-table__cell">${content}</td>`;
const table = (heads, rows) => html`<div class="app-table-scroll"><table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row">${heads.map(th)}</tr></thead>
  <tbody class="govuk-table__body">${rows}</tbody></table></div>`;

function ActionStatus({ action }) {
  if (action.status === 'open' && isOverdue(action.dueAt)) return html`<strong class="govuk-tag govuk-tag--red">Past due</strong>`;
  const [text, colour] = STATUS_TAGS[action.status];
  return html`<strong class=${`govuk-tag ${colour}`}>${text}</strong>`;
}

/** The plan as the parties share it: barriers, who does what by when, and what each review found. */
function PlanTables({ plan, schools }) {
  const actionWhat = new Map(plan.actions.map((a) => [a.actionId, a.what]));
  return html`
    <h3 class="govuk-heading-s">Barriers</h3>
    ${plan.barriers.length === 0 ? html`<p class="govuk-body">No barrier recorded yet.</p>` : html`<ul class="govuk-list govuk-list--bullet" data-testid="barriers">
      ${plan.barriers.map((b) => html`<li>${barrierWords(b.code)} <span class="govuk-body-s">(${actorWords(b.identifiedBy, schools)}, ${when(b.identifiedAt)})</span></li>`)}</ul>`}
    <h3 class="govuk-heading-s">Actions</h3>
    ${plan.actions.length === 0 ? html`<p class="govuk-body">No action agreed yet.</p>` : table(['Who', 'Will do', 'Due', 'Status'],
      plan.actions.map((a) => html`<tr class="govuk-table__row" data-testid="plan-action">${td(ownerWords(a.owner))}${td(a.what)}${td(deadline(a.dueAt))}${td(html`<${ActionStatus} action=${a} />`)}</tr>`))}
    ${plan.reviews.length > 0 && html`<h3 class="govuk-heading-s">Reviews</h3>${table(['When', 'Who', 'Each action', 'Next step'],
      plan.reviews.map((r) => html`<tr class="govuk-table__row">${td(when(r.reviewedAt))}${td(actorWords(r.reviewedBy, schools))}
        ${td(r.outcomes.map((o) => `${actionWhat.get(o.actionId) ?? o.actionId}: ${OUTCOMES.find(([code]) => code === o.outcome)?.[1] ?? o.outcome}`).join('; '))}
        ${td(html`${NEXT_STEPS.find(([code]) => code === r.nextStep)?.[1] ?? r.nextStep}<br /><span class="govuk-body-s">${r.note}</span>`)}</tr>`))}`}`;
}

/** The forms of the plan, for the school and LA officers while the case is in support first; the case checks each again. */
function PlanForms({ caseId, plan, user, onDone }) {
  const open = plan.actions.filter((a) => a.status === 'open');
  const steps = user.role === 'la_cme_officer' ? NEXT_STEPS : NEXT_STEPS.filter(([code]) => code !== 'enforce');
  return html`<div class="app-decisions">
    <${DecisionForm} caseId=${caseId} prefix="barrier" path="support-barriers" title="Record a barrier" toBody=${(f) => ({ code: f.get('code') })} onDone=${onDone}>
      ${(err) => html`<${Select} id="barrier-code" name="code" label="What keeps the child from attending" options=${BARRIERS} error=${err('code')} />`}
    <//>
    <${DecisionForm} caseId=${caseId} prefix="action" path="support-actions" title="Add an action" toBody=${(f) => ({ owner: f.get('owner'), what: f.get('what'), dueInSchoolDays: Number(f.get('dueInSchoolDays')) })} onDone=${onDone}>
      ${(err) => html`<${Select} id="action-owner" name="owner" label="Who will do it" options=${OWNERS} />
      <${Textarea} id="action-what" name="what" label="What they will do" maxlength="500" error=${err('what')} />
      <${Input} id="action-dueInSchoolDays" name="dueInSchoolDays" label="Due in (school days)" hint="Counted on the school's calendar; the owner is told now and when it falls due" inputmode="numeric" error=${err('dueInSchoolDays')} />`}
    <//>
    ${open.length > 0 && html`<${DecisionForm} caseId=${caseId} prefix="status" path="support-action-status" title="Update an action" toBody=${(f) => ({ actionId: f.get('actionId'), status: f.get('status') })} onDone=${onDone}>
      <${Select} id="status-actionId" name="actionId" label="Action" options=${open.map((a) => [a.actionId, `${ownerWords(a.owner)}: ${a.what}`])} />
      <${Select} id="status-status" name="status" label="It is" options=${[['done', 'Done'], ['dropped', 'Dropped']]} />
    <//>`}
    <${DecisionForm} caseId=${caseId} prefix="review" path="support-reviews" title="Record a review"
      toBody=${(f) => ({ outcomes: open.map((a) => ({ actionId: a.actionId, outcome: f.get(`outcome-${a.actionId}`) })), nextStep: f.get('nextStep'), note: f.get('note') })} onDone=${onDone}>
      ${(err) => html`${open.map((a) => html`<${Select} id=${`review-outcome-${a.actionId}`} name=${`outcome-${a.actionId}`} label=${`${ownerWords(a.owner)}: ${a.what}`} options=${OUTCOMES} />`)}
      <${Select} id="review-nextStep" name="nextStep" label="Next step" options=${steps} />
      <${Textarea} id="review-note" name="note" label="What the review found (recorded in the audit log)" error=${err('note')} />`}
    <//>
  </div>`;
}

/** The support plan on the case page: shown to everyone who reads the case; its forms to those who work on it. */
export function SupportPlan({ caseId, state, user, schools, onDone }) {
  const plan = state.supportPlan ?? { barriers: [], actions: [], reviews: [] };
  const works = PLAN_ROLES.includes(user.role) && state.stage === 'support_first';
  if (!state.supportPlan && !works) return null;
  return html`<section aria-labelledby="support-plan"><h2 class="govuk-heading-m" id="support-plan">Support plan</h2>
    <${PlanTables} plan=${plan} schools=${schools} />
    ${works && html`<${PlanForms} caseId=${caseId} plan=${plan} user=${user} onDone=${onDone} />`}
    <${PartTimeTimetables} caseId=${caseId} state=${state} user=${user} schools=${schools} onDone=${onDone} />
  </section>`;
}
