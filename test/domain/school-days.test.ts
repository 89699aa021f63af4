import { endOfEnglandDay, englandDateOf } from '../../domain/england-time';
import { addSchoolDays, isSchoolDay } from '../../domain/school-days';

describe('school days (weekdays until term dates arrive, issue #3)', () => {
  it('weekends are not school days', () => {
    expect(isSchoolDay('2026-11-28')).toBe(false); // Saturday
    expect(isSchoolDay('2026-11-29')).toBe(false); // Sunday
    expect(isSchoolDay('2026-11-30')).toBe(true); // Monday
  });

  it.each([
    ['2026-11-30', 5, '2026-12-07', 'Monday + 5 crosses one weekend'],
    ['2026-11-28', 5, '2026-12-04', 'a Saturday report counts from Monday'],
    ['2026-12-04', 1, '2026-12-07', 'Friday + 1 is Monday'],
    ['2026-12-01', 0, '2026-12-01', 'zero days is the same day'],
    ['2026-11-02', 20, '2026-11-30', 'ground I length: 20 school days span four weeks'],
  ])('%s + %i school days = %s (%s)', (from, days, expected) => {
    expect(addSchoolDays(from, days)).toBe(expected);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addSchoolDays('2026-12-01', -1)).toThrow(RangeError);
    expect(() => addSchoolDays('2026-12-01', 1.5)).toThrow(RangeError);
  });
});

describe('days in England', () => {
  it('a winter day ends at midnight UTC', () => {
    expect(endOfEnglandDay('2026-12-04').toISOString()).toBe('2026-12-05T00:00:00.000Z');
  });

  it('a summer day ends at 23:00 UTC (BST)', () => {
    expect(endOfEnglandDay('2026-06-10').toISOString()).toBe('2026-06-10T23:00:00.000Z');
  });

  it('the day the clocks go forward ends on BST', () => {
    expect(endOfEnglandDay('2026-03-29').toISOString()).toBe('2026-03-29T23:00:00.000Z');
  });

  it('the day the clocks go back ends on GMT', () => {
    expect(endOfEnglandDay('2026-10-25').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('late evening UTC in summer is already the next day in England', () => {
    expect(englandDateOf(new Date('2026-06-10T23:30:00Z'))).toBe('2026-06-11');
    expect(englandDateOf(new Date('2026-12-10T23:30:00Z'))).toBe('2026-12-10');
  });
});
