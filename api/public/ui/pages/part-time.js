import { html } from '../html.js';
import { Checkbox, DateInput, Input, Select, Textarea } from '../fields.js';
import { day, when } from '../format.js';
import { actorWords } from '../words.js';
import { scrolling, td, th } from './admin-form.js';
import { DecisionForm } from './decisions.js';

/** A timetable in place whose review or end date passed is raised (domain/support/part-time.ts); the last raise shows. */
function TimetableStatus({ timetable }) {
  if (timetable.status === 'ended') return html`<strong class="govuk-tag govuk-tag--grey">Ended: full time</strong>`;
  const lapse = timetable.raised.at(-1)?.lapse;
  if (lapse) return html`<strong class="govuk-tag govuk-tag--red">${lapse === 'end' ? 'Past its end date' : 'Past its review date'}</strong>`;
  return html`<strong class="govuk-tag govuk-tag--blue">In place</strong>`;
}

/** The school's forms: agree a timetable with the parent, and review the one in place (extend or end). */
function TimetableForms({ caseId, active, supportFirst, onDone }) {
  const terms = (prefix, err) => html`
    <${DateInput} id=${`${prefix}-endDate`} name="endDate" label="Last day on the timetable" hint="By then the child is back full time. For example, 27 3 2026" error=${err('endDate')} />
    <${DateInput} id=${`${prefix}-reviewDate`} name="reviewDate" label="Review by" hint="No later than the last day" error=${err('reviewDate')} />
    <${Input} id=${`${prefix}-hoursPerWeek`} name="hoursPerWeek" label="Hours a week in school" hint="Fewer than a full-time week of 32.5" inputmode="decimal" error=${err('hoursPerWeek')} />
    <${Checkbox} id=${`${prefix}-parentAgreed`} name="parentAgreed" label="The parent agreed to this timetable" />`;
  const termsOf = (f) => ({ endDate: f.get('endDate'), reviewDate: f.get('reviewDate'), hoursPerWeek: Number(f.get('hoursPerWeek')), parentAgreed: f.get('parentAgreed') === 'on' });
  return html`<div class="app-decisions">
    ${!active && supportFirst && html`<${DecisionForm} caseId=${caseId} prefix="timetable" path="part-time-timetables" title="Record a part-time timetable"
      toBody=${(f) => ({ startDate: f.get('startDate'), ...termsOf(f), reason: f.get('reason') })} onDone=${onDone}>
      ${(err) => html`<${DateInput} id="timetable-startDate" name="startDate" label="First day on the timetable" error=${err('startDate')} />
      ${terms('timetable', err)}
      <${Textarea} id="timetable-reason" name="reason" label="Why it is needed" maxlength="500" error=${err('reason')} />`}
    <//>`}
    ${active && html`<${DecisionForm} caseId=${caseId} prefix="ptreview" path="part-time-timetable-reviews" title="Review the part-time timetable"
      toBody=${(f) => ({ timetableId: active.timetableId, outcome: f.get('outcome'), note: f.get('note'), ...(f.get('outcome') === 'extend' ? termsOf(f) : {}) })} onDone=${onDone}>
      ${(err) => html`<${Select} id="ptreview-outcome" name="outcome" label="Outcome" options=${[['end', 'End it: back to full time'], ['extend', 'Extend it with new dates']]} />
      <p class="govuk-body-s">To extend, enter the new dates and hours agreed with the parent:</p>
      ${terms('ptreview', err)}
      <${Textarea} id="ptreview-note" name="note" label="What the review found" error=${err('note')} />`}
    <//>`}
  </div>`;
}

/** Part-time timetables (T7) on the case page: read by everyone who reads the case; agreed and reviewed by its school. */
export function PartTimeTimetables({ caseId, state, user, schools, onDone }) {
  const timetables = state.supportPlan?.timetables ?? [];
  const active = timetables.find((t) => t.status === 'active');
  const supportFirst = state.stage === 'support_first';
  const works = user.role === 'school' && (active || supportFirst);
  if (timetables.length === 0 && !works) return null;
  return html`<h3 class="govuk-heading-s">Part-time timetable</h3>
    ${timetables.length === 0 ? html`<p class="govuk-body">No part-time timetable recorded.</p>` : scrolling('Part-time timetables', html`<table class="govuk-table">
      <thead class="govuk-table__head"><tr class="govuk-table__row">${['From', 'To', 'Review by', 'Hours a week', 'Agreed', 'Status'].map(th)}</tr></thead>
      <tbody class="govuk-table__body">${timetables.map((t) => html`<tr class="govuk-table__row" data-testid="part-time-timetable">
        ${td(day(t.startDate))}${td(day(t.endDate))}${td(day(t.reviewDate))}${td(String(t.hoursPerWeek))}
        ${td(html`${actorWords(t.agreedBy, schools)}, ${when(t.agreedAt)}<br /><span class="govuk-body-s">${t.reason}</span>`)}${td(html`<${TimetableStatus} timetable=${t} />`)}</tr>`)}</tbody></table>`)}
    ${works && html`<${TimetableForms} caseId=${caseId} active=${active} supportFirst=${supportFirst} onDone=${onDone} />`}`;
}
