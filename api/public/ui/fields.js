import { FieldError } from './components.js';
import { html } from './html.js';

/**
 * GOV.UK form fields. Each takes the field's error message (or none): the group and the control are marked, the
 * message sits above the control, and aria-describedby reads hint and error with it. Values the user typed stay:
 * the controls are uncontrolled, so a refused submission leaves them as they were.
 */
const describedBy = (id, hint, error) => [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
const group = (error, children) => html`<div class=${`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>${children}</div>`;
const Hint = ({ id, hint }) => (hint ? html`<div id=${`${id}-hint`} class="govuk-hint">${hint}</div>` : null);

export const Input = ({ id, name = id, label, hint, error, type = 'text', ...rest }) => group(error, html`
  <label class="govuk-label" for=${id}>${label}</label><${Hint} id=${id} hint=${hint} /><${FieldError} id=${id} message=${error} />
  <input class=${`govuk-input${error ? ' govuk-input--error' : ''}`} id=${id} name=${name} type=${type} aria-describedby=${describedBy(id, hint, error)} ...${rest} />`);

export const Select = ({ id, name = id, label, hint, error, options, ...rest }) => group(error, html`
  <label class="govuk-label" for=${id}>${label}</label><${Hint} id=${id} hint=${hint} /><${FieldError} id=${id} message=${error} />
  <select class=${`govuk-select${error ? ' govuk-select--error' : ''}`} id=${id} name=${name} aria-describedby=${describedBy(id, hint, error)} ...${rest}>
    ${options.map(([value, text]) => html`<option value=${value}>${text}</option>`)}</select>`);

export const Textarea = ({ id, name = id, label, hint, error, ...rest }) => group(error, html`
  <label class="govuk-label" for=${id}>${label}</label><${Hint} id=${id} hint=${hint} /><${FieldError} id=${id} message=${error} />
  <textarea class=${`govuk-textarea${error ? ' govuk-textarea--error' : ''}`} id=${id} name=${name} rows="2" aria-describedby=${describedBy(id, hint, error)} ...${rest}></textarea>`);

export const Checkbox = ({ id, name = id, label, ...rest }) => html`<div class="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4" data-module="govuk-checkboxes">
  <div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id=${id} name=${name} type="checkbox" ...${rest} />
  <label class="govuk-label govuk-checkboxes__label" for=${id}>${label}</label></div></div>`;

/**
 * An API refusal as errors for the error summary: a 400 names one field (its path, e.g. `child.givenName`);
 * `plain` turns that path into the form's field id and a message in plain words. Any other failure is one
 * message, or the case's every reason (422 `refused`).
 */
export function errorsFrom(apiError, plain = {}) {
  if (apiError.reasons?.length) return apiError.reasons.map((message) => ({ message }));
  const known = apiError.field && plain[apiError.field];
  if (known) return [{ field: known[0], message: known[1] }];
  // Our API writes "<field>: <message>"; people need the message only.
  return [{ message: apiError.message.replace(/^[\w.]+: /, '').replace(/^./, (c) => c.toUpperCase()) }];
}
export const errorOf = (errors, id) => errors?.find((e) => e.field === id)?.message;
