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

const DATE_PARTS = [['day', 'Day', 2], ['month', 'Month', 2], ['year', 'Year', 4]];

/**
 * The GOV.UK date input: day, month and year as three numeric boxes under one legend, not the browser's own
 * date picker, whose order and look follow the browser's locale. The day box carries `id`, so an error summary
 * link lands on it; `formValues` reads the three boxes back as one ISO date named `name`.
 */
export function DateInput({ id, name = id, label, hint = 'For example, 27 3 2026', error, value }) {
  const [year, month, day] = value ? value.split('-') : [];
  const initial = { day, month, year };
  return group(error, html`<fieldset class="govuk-fieldset" role="group" data-date=${name} aria-describedby=${describedBy(id, hint, error)}>
    <legend class="govuk-fieldset__legend">${label}</legend><${Hint} id=${id} hint=${hint} /><${FieldError} id=${id} message=${error} />
    <div class="govuk-date-input">${DATE_PARTS.map(([part, text, width], index) => {
      const partId = index === 0 ? id : `${id}-${part}`;
      return html`<div class="govuk-date-input__item"><div class="govuk-form-group">
        <label class="govuk-label govuk-date-input__label" for=${partId}>${text}</label>
        <input class=${`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`} id=${partId} name=${`${name}-${part}`} type="text" inputmode="numeric" defaultValue=${initial[part]} />
      </div></div>`;
    })}</div></fieldset>`);
}

/**
 * A form's values, each date input read back as one date named by its field: YYYY-MM-DD, or '' when all three
 * boxes are empty. A date typed incompletely stays incomplete, so the check or the API names its field.
 */
export function formValues(formElement) {
  const form = new FormData(formElement);
  for (const fieldset of formElement.querySelectorAll('[data-date]')) {
    const name = fieldset.dataset.date;
    const [day, month, year] = DATE_PARTS.map(([part]) => String(form.get(`${name}-${part}`) ?? '').trim());
    DATE_PARTS.forEach(([part]) => form.delete(`${name}-${part}`));
    form.set(name, day || month || year ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : '');
  }
  return form;
}

export const Checkbox = ({ id, name = id, label, ...rest }) => html`<div class="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4" data-module="govuk-checkboxes">
  <div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id=${id} name=${name} type="checkbox" ...${rest} />
  <label class="govuk-label govuk-checkboxes__label" for=${id}>${label}</label></div></div>`;

/** What to do about a refusal naming the field: the first of its phrasings the reason matches, else what to do. */
function refusalWords([, instruction, phrasings = []], why) {
  for (const [pattern, words] of phrasings) {
    const match = pattern.exec(why);
    if (match) return typeof words === 'function' ? words(...match.slice(1)) : words;
  }
  return instruction;
}

/**
 * An API refusal as errors for the error summary: a 400 names one field (its path, e.g. `child.givenName`);
 * `plain` turns that path into the form's field id and a message in plain words ([id, message, phrasings of the
 * case's refusals]). Any other failure is one message, or the case's every reason (422 `refused`), each naming
 * what to do and linked to the field it names when the form has it.
 */
export function errorsFrom(apiError, plain = {}) {
  if (apiError.reasons?.length) {
    return apiError.reasons.map((message) => {
      const [, field, why] = /^(\w+): (.*)$/s.exec(message) ?? [];
      const named = plain[field];
      if (named) return { field: named[0], message: refusalWords(named, why) };
      // A field this form does not have: the case's words, without the API's field name.
      return { message: field ? why.replace(/^./, (c) => c.toUpperCase()) : message };
    });
  }
  const known = apiError.field && plain[apiError.field];
  if (known) return [{ field: known[0], message: known[1] }];
  // Our API writes "<field>: <message>"; people need the message only.
  return [{ message: apiError.message.replace(/^[\w.]+: /, '').replace(/^./, (c) => c.toUpperCase()) }];
}
export const errorOf = (errors, id) => errors?.find((e) => e.field === id)?.message;
