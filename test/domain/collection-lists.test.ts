import { statusChangeOf } from '../../domain/collection/education-status';
import { cmeLengthBands, cmeReasons, codeLists, eheReasons, riskCircumstances } from '../../domain/collection/lists';
import { yearGroupOn } from '../../domain/collection/year-group';
import { parseRuleSetting } from '../../domain/rules/policy';
import { ruleTable } from '../../domain/rules/table';

describe("the collection's code lists (DfE EHE and CME termly collection)", () => {
  it.each(codeLists.map((list) => [list.id, list] as const))('%s names its source and the day it was checked, each code once', (id, list) => {
    expect(list.source.length).toBeGreaterThan(20);
    expect(list.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const codes = list.items.map((item) => item.code);
    expect(new Set(codes).size).toBe(codes.length);
    // The rule table carries the list with its source and date, so the rules endpoint shows them.
    expect(ruleTable.find((rule) => rule.id === id)?.source).toContain(`checked ${list.checkedOn}`);
  });

  it('CME-REASONS keeps the two reasons the release names as most reported; CME-LENGTH-BANDS the release\'s bands (Explore education statistics, autumn 2025/26)', () => {
    expect(cmeReasons.items.map((item) => item.label)).toEqual(expect.arrayContaining(['School application awaiting outcome', 'Believed to have moved out of the country']));
    expect(cmeLengthBands.items.map((item) => item.label)).toEqual(['12 weeks or less', 'More than 12 weeks', 'Not known']);
  });

  it('lets an LA correct the unverified reason lists and its local risk circumstances, refusing a malformed list', () => {
    expect(parseRuleSetting('CME-REASONS', ['whereabouts_unknown', 'local_reason'])).toEqual(['whereabouts_unknown', 'local_reason']);
    expect(() => parseRuleSetting('EHE-REASONS', ['Bullying'])).toThrow(/EHE-REASONS/);
    expect(() => parseRuleSetting('CME-RISK-CIRCUMSTANCES', ['young_carer', 'young_carer'])).toThrow(/each code once/);
    expect(() => parseRuleSetting('SEX-CODES', ['M'])).toThrow(/not a configurable rule/);
    expect(eheReasons.items.length + riskCircumstances.items.length).toBeGreaterThan(20);
  });
});

describe('education status changes read from case events', () => {
  it('marks CME when a case opens in tracing (reason not yet known) or after an H/I deletion with the child not found', () => {
    expect(statusChangeOf({ action: 'case_opened', stage: 'cme_tracing' })).toEqual({ status: 'cme' });
    expect(statusChangeOf({ action: 'case_opened', stage: 'awaiting_reason' })).toBeUndefined();
    expect(statusChangeOf({ action: 'cme_opened', stage: 'cme_tracing' })).toEqual({ status: 'cme', reason: 'whereabouts_unknown' });
  });

  it('reads the destination from a deletion ground that names it, and from every outcome', () => {
    expect(statusChangeOf({ action: 'deletion_confirmed', stage: 'deleted_from_roll', detail: { ground: 'F' } })).toEqual({ status: 'ehe' });
    expect(statusChangeOf({ action: 'deletion_confirmed', stage: 'deleted_from_roll', detail: { ground: 'H' } })).toBeUndefined();
    expect(statusChangeOf({ action: 'case_closed', stage: 'closed', outcome: 'moved_abroad' })).toEqual({ status: 'moved_abroad' });
    expect(statusChangeOf({ action: 'case_closed', stage: 'closed', outcome: 'located_and_attending' })).toEqual({ status: 'on_roll' });
    expect(statusChangeOf({ action: 'case_closed', stage: 'closed', outcome: 'elective_home_education' })).toEqual({ status: 'ehe' });
  });
});

describe('YEAR-GROUPS: year group from the date of birth (cohort 1 September to 31 August)', () => {
  it.each([
    ['2015-09-01', '2020-10-01', 'R'],
    ['2016-08-31', '2020-10-01', 'R'],
    ['2016-09-01', '2020-10-01', undefined],
    ['2015-10-15', '2026-10-01', '6'],
    ['2010-01-20', '2026-01-15', '11'],
    ['2009-09-01', '2026-10-01', undefined],
  ])('born %s, on %s: %s', (born, on, expected) => {
    expect(yearGroupOn(born, on)).toBe(expected);
  });
});
