import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { ErrorSummary, FieldError, SummaryList } from '../components.js';
import { Select, errorOf, errorsFrom } from '../fields.js';
import { html } from '../html.js';
import { scrolling, td, th } from './admin-form.js';

const REGISTERS = [
  ['pupils', 'Pupils: school_urn, upn, and optionally sen_status, placed_by_la, leaving_date, names, date of birth, sex, year group'],
  ['schools', 'Schools: urn, name, la_code, is_special'],
];

/** What the import did: rows received, kept (added, changed, unchanged) and refused, each refused row by line and field. */
function RowReport({ report }) {
  const refused = report.rejected?.rows ?? [];
  return html`<section aria-labelledby="import-report" data-testid="import-report"><h3 class="govuk-heading-s" id="import-report">What the import did</h3>
    <${SummaryList} rows=${[
      ['Rows received', report.received],
      ['Added', report.inserted],
      ['Changed', report.changed],
      ['Unchanged', report.unchanged],
      ['Refused', report.rejected?.count ?? 0],
      ['Attendance alerts found', report.detection ? report.detection.newAlerts : null],
    ]} />
    ${refused.length > 0 && scrolling('Refused rows', html`<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">Refused rows${report.rejected.truncated ? ' (the first ones)' : ''}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">${th('Line')}${th('Field')}${th('Why')}</tr></thead>
      <tbody class="govuk-table__body">${refused.map((row) => html`<tr class="govuk-table__row">${td(row.line)}${td(row.field)}${td(row.message)}</tr>`)}</tbody></table>`)}
  </section>`;
}

/** The register import: a CSV file as the LA's management information system exports it, with the row report shown. */
export function RegisterImport({ onDone }) {
  const [errors, setErrors] = useState([]);
  const [report, setReport] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const file = form.get('registerFile');
    setReport(null);
    const problems = file?.size ? [] : [{ field: 'registerFile', message: 'Choose the CSV file of the register' }];
    setErrors(problems);
    if (problems.length) return;
    try {
      setReport(await api(`/v1/register/${form.get('register')}`, { method: 'POST', body: await file.text(), contentType: 'text/csv' }));
      onDone();
    } catch (e) {
      if (e.code === 'rows_refused') {
        setReport(e.body);
        setErrors([{ message: 'Every row was refused, so nothing was saved: correct the rows listed below and import the file again' }]);
      } else setErrors(errorsFrom(e, { body: ['registerFile', 'The file could not be read as a register: check it is the CSV with its header row'] }));
    }
  };
  const error = errorOf(errors, 'registerFile');
  return html`<section aria-labelledby="admin-register"><h2 class="govuk-heading-m" id="admin-register">Import a register</h2>
    <form aria-labelledby="admin-register" onSubmit=${submit} novalidate>
      <${ErrorSummary} errors=${errors} />
      <${Select} id="register" label="Register" options=${REGISTERS} />
      <div class=${`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label class="govuk-label" for="registerFile">CSV file</label>
        <div id="registerFile-hint" class="govuk-hint">With its header row; at most 8 MB</div>
        <${FieldError} id="registerFile" message=${error} />
        <input class=${`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`} id="registerFile" name="registerFile" type="file" accept=".csv,text/csv" aria-describedby=${error ? 'registerFile-hint registerFile-error' : 'registerFile-hint'} />
      </div>
      <button type="submit" class="govuk-button">Import the file</button>
    </form>
    ${report && html`<${RowReport} report=${report} />`}
  </section>`;
}
