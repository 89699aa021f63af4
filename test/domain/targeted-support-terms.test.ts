import { demoTerms } from '../../config/demo';
import { schoolYearOf } from '../../domain/attendance/school-year';
import { mondayOf } from '../../domain/attendance/weekly-attendance';
import { termDates } from '../../domain/support/targeted-support';

/** TSM-TERMLY reads a term from the LA's own term dates, whatever it names them; weeks and years as the feed counts them. */
describe('the terms and weeks the attendance views count in', () => {
  it('a term is the LA terms starting in its months: autumn August to December, spring January to March, summer April to July', () => {
    expect(termDates(demoTerms, { year: 2026, season: 'autumn' })).toEqual({ from: '2026-09-02', to: '2026-12-18' });
    expect(termDates(demoTerms, { year: 2026, season: 'spring' })).toEqual({ from: '2027-01-04', to: '2027-03-26' });
    expect(termDates(demoTerms, { year: 2026, season: 'summer' })).toEqual({ from: '2027-04-12', to: '2027-07-21' });
    expect(termDates(demoTerms, { year: 2025, season: 'autumn' })).toBeUndefined();
    // A spring term an LA starts in late February belongs to spring still; an Easter-late summer term in April to summer.
    const lateEaster = [{ name: 'Spring B', start: '2028-02-28', end: '2028-04-07' }, { name: 'Summer A', start: '2028-04-24', end: '2028-05-26' }];
    expect(termDates(lateEaster, { year: 2027, season: 'spring' })).toEqual({ from: '2028-02-28', to: '2028-04-07' });
    expect(termDates(lateEaster, { year: 2027, season: 'summer' })).toEqual({ from: '2028-04-24', to: '2028-05-26' });
  });

  it('a school year runs from 1 September; a week from its Monday', () => {
    expect([schoolYearOf('2026-08-31'), schoolYearOf('2026-09-01'), schoolYearOf('2027-07-21')]).toEqual([2025, 2026, 2026]);
    expect(['2026-11-09', '2026-11-13', '2026-11-15', '2026-11-16'].map(mondayOf)).toEqual(['2026-11-09', '2026-11-09', '2026-11-09', '2026-11-16']);
  });
});
