import { useState } from 'preact/hooks';
import { ErrorSummary } from '../components.js';
import { errorOf, errorsFrom, formValues } from '../fields.js';
import { html } from '../html.js';

export const th = (text) => html`<th scope="col" class="govuk-table__header">${text}</th>`;
export const td = (content) => html`<td class="govuk-table__cell">${content}</td>`;
/** A table that scrolls sideways in its own focusable region when the screen is narrower than it. */
export const scrolling = (label, table) => html`<div class="app-table-scroll" tabindex="0" role="region" aria-label=${`${label} (scrolls sideways)`}>${table}</div>`;

/** A small admin form: checks its own fields, sends, shows the error summary or the saved banner, then reloads. */
export function AdminForm({ id, title, check, send, plain, onDone, children }) {
  const [errors, setErrors] = useState([]);
  const [saved, setSaved] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    const form = formValues(event.target);
    setSaved(null);
    const problems = check(form);
    setErrors(problems);
    if (problems.length) return;
    try {
      setSaved(await send(form));
      onDone();
    } catch (e) {
      setErrors(errorsFrom(e, plain));
    }
  };
  return html`<form aria-labelledby=${id} onSubmit=${submit} novalidate>
    <h3 class="govuk-heading-s" id=${id}>${title}</h3>
    <${ErrorSummary} errors=${errors} />
    ${saved && html`<div class="govuk-inset-text" role="status">${saved}</div>`}
    ${children((field) => errorOf(errors, field))}
    <button type="submit" class="govuk-button">${title}</button>
  </form>`;
}
