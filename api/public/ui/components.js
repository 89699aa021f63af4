import { useEffect, useRef } from 'preact/hooks';
import { senTag, stageName } from './format.js';
import { html } from './html.js';

/** GOV.UK summary list: [key, value] rows; a row whose value is null or false is left out. */
export const SummaryList = ({ rows }) => html`<dl class="govuk-summary-list">
  ${rows.filter(([, value]) => value !== null && value !== undefined && value !== false).map(([key, value]) => html`<div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">${key}</dt><dd class="govuk-summary-list__value">${value}</dd></div>`)}
</dl>`;

export const Tag = ({ colour, children, testid }) => html`<strong class=${`govuk-tag${colour ? ` ${colour}` : ''}`} data-testid=${testid}>${children}</strong>`;
export const StageTag = ({ stage }) => html`<${Tag} colour=${stage === 'closed' ? 'govuk-tag--grey' : 'govuk-tag--light-blue'} testid="stage">${stageName(stage)}<//>`;
export function SenTag({ status }) {
  const tag = senTag(status);
  return tag ? html`<${Tag} colour=${tag[1]}>${tag[0]}<//>` : null;
}

/** A problem loading a page, said as a GOV.UK error summary without links. */
export const Problem = ({ message }) => html`<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">
  <h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body"><p class="govuk-body">${message}</p></div></div></div>`;

/**
 * The GOV.UK error summary: at the top of the form, focused when it appears, one link per field that moves to it.
 * `errors` is [{ field, message }]; the links focus the field rather than change the hash route.
 */
export function ErrorSummary({ errors, title = 'There is a problem' }) {
  const box = useRef(null);
  useEffect(() => box.current?.focus(), [errors]);
  if (!errors?.length) return null;
  const go = (field) => (event) => {
    event.preventDefault();
    const target = document.getElementById(field);
    target?.scrollIntoView();
    target?.focus();
  };
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1" ref=${box}><div role="alert">
    <h2 class="govuk-error-summary__title">${title}</h2>
    <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">
      ${errors.map((e) => html`<li>${e.field ? html`<a href=${`#${e.field}`} onClick=${go(e.field)}>${e.message}</a>` : e.message}</li>`)}
    </ul></div></div></div>`;
}

/** A form field's error message, as GOV.UK Frontend marks it. */
export const FieldError = ({ id, message }) =>
  message ? html`<p id=${`${id}-error`} class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${message}</p>` : null;
