// How the UI writes stages, dates and deadlines for people, not machines.
export const label = (code) => (code ?? '').replaceAll('_', ' ');

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });
export const when = (iso) => (iso ? dateTime.format(new Date(iso)) : '—');
export const day = (iso) => (iso ? dateOnly.format(new Date(iso)) : '—');
export const isOverdue = (iso) => Boolean(iso) && Date.parse(iso) < Date.now();
export const englandToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
