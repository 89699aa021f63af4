// How the UI writes stages, dates and deadlines for people: days in England, counts in the clock's own days.
export const label = (code) => (code ?? '').replaceAll('_', ' ');

const ENGLAND = 'Europe/London';
const dayWords = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: ENGLAND });
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ENGLAND });
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: ENGLAND });

/** "Tue 8 Dec 2026" (the weekday without its comma). */
const words = (date) => dayWords.format(date).replace(',', '');
/** A day in England: "Tue 8 Dec 2026". Takes an instant or an ISO date ("2026-12-08"). */
export const day = (value) => (value ? words(new Date(value.length === 10 ? `${value}T12:00:00Z` : value)) : 'not known');
/** An instant in England: "Tue 8 Dec 2026 at 14:05". */
export const when = (iso) => (iso ? `${words(new Date(iso))} at ${clock.format(new Date(iso))}` : 'not known');
/** A clock's end: at midnight in England it is "end of" the day before, as the law counts it. */
export function deadline(iso) {
  if (!iso) return 'no deadline';
  const at = new Date(iso);
  return clock.format(at) === '00:00' ? `end of ${words(new Date(at.getTime() - 1))}` : when(iso);
}
/** "5 school days left", "3 days left", "last day today". */
export function daysLeft({ count, unit }) {
  if (count === 0) return 'last day today';
  return `${count} ${unit === 'days' ? '' : 'school '}day${count === 1 ? '' : 's'} left`;
}
export const isOverdue = (iso) => Boolean(iso) && Date.parse(iso) < Date.now();
export const englandToday = () => isoDay.format(new Date());

const stages = {
  opening: 'Opening',
  awaiting_reason: 'Awaiting the reason for absence',
  whereabouts_check: 'Checking whereabouts',
  health_needs_s19: 'Health needs (s19 education)',
  support_first: 'Support first',
  deletion_intended: 'Deletion from the roll intended',
  exclusion_process: 'Permanent exclusion process',
  escalated_to_la: 'Escalated to the LA',
  awaiting_la_consent: 'Awaiting LA consent',
  consent_refused: 'LA consent refused',
  deleted_from_roll: 'Deleted from the roll',
  cme_tracing: 'Missing education: tracing',
  closed: 'Closed',
};
/** The stage in words. */
export const stageName = (stage) => stages[stage] ?? label(stage);

const sen = { ehc_plan: ['EHC plan', 'govuk-tag--purple'], sen_support: ['SEN support', 'govuk-tag--blue'] };
/** The child's SEN status as a GOV.UK tag text and colour; none for a child without SEN. */
export const senTag = (status) => sen[status];
/** "Rowan Testchild", or the words people use when the register holds no name. */
export const childName = (child) => (child?.givenName || child?.familyName ? `${child.givenName ?? ''} ${child.familyName ?? ''}`.trim() : 'Name not held');
/** "Year 4", "Reception"; null when not known. */
export const yearGroupName = (code) => (code === 'R' ? 'Reception' : code ? `Year ${code}` : null);
