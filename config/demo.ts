import type { Term } from '../domain/calendar/school-calendar';

/** The demo LA and its schools, shared by the dev login and the seed command. */
export const demoLa = { code: '938', name: 'West Sussex (demo)' };
export const demoSchools = {
  oak: { urn: '100001', name: 'Oak Primary School', isSpecial: false },
  ash: { urn: '100002', name: 'Ash Secondary Academy', isSpecial: false },
  birch: { urn: '100003', name: 'Birch Special School', isSpecial: true },
};

/** The demo LA's year, 2026/27: six half-terms with the usual breaks (also the tests' fixture year). */
export const demoTerms: Term[] = [
  { name: 'Autumn 1', start: '2026-09-02', end: '2026-10-23' },
  { name: 'Autumn 2', start: '2026-11-02', end: '2026-12-18' },
  { name: 'Spring 1', start: '2027-01-04', end: '2027-02-12' },
  { name: 'Spring 2', start: '2027-02-22', end: '2027-03-26' },
  { name: 'Summer 1', start: '2027-04-12', end: '2027-05-28' },
  { name: 'Summer 2', start: '2027-06-07', end: '2027-07-21' },
];
