import { statusChangeOf } from '../../domain/collection/education-status';
import { closingReason, closingReasonRefusals, cmeReasonRefusals, inferredCmeReasons, reasonAtClose } from '../../domain/collection/reason-capture';
import { defaultPolicy } from '../../domain/rules/policy';

// Issue 15 item 1: a primary reason from the LA's list (CME-REASONS, EHE-REASONS; domain/collection/lists.ts),
// inferred only where the event says why (domain/collection/reason-capture.ts, each inference with its source).

describe('the primary reason a closing case takes', () => {
  it('EHE-REASONS is required when a case closes into home education: the return counts EHE by primary reason; a written notice does not say why', () => {
    expect(reasonAtClose('elective_home_education', false)).toEqual({ list: 'EHE-REASONS', required: true });
    expect(closingReasonRefusals('elective_home_education', false, undefined, defaultPolicy)).toEqual([expect.stringMatching(/^primaryReason: is required .* EHE-REASONS/)]);
    expect(closingReasonRefusals('elective_home_education', true, 'bullying', defaultPolicy)).toEqual([]);
    expect(closingReasonRefusals('elective_home_education', false, 'whereabouts_unknown', defaultPolicy)).toEqual(['primaryReason: whereabouts_unknown is not on the LA\'s EHE-REASONS list']);
  });

  it(`a CME case closed as moved abroad infers moved_out_of_country (${inferredCmeReasons.closedMovedAbroad.source}) and refuses a contradicting code`, () => {
    const rule = reasonAtClose('moved_abroad', true);
    expect(closingReason(rule, undefined, defaultPolicy)).toBe('moved_out_of_country');
    expect(closingReasonRefusals('moved_abroad', true, undefined, defaultPolicy)).toEqual([]);
    expect(closingReasonRefusals('moved_abroad', true, 'moved_out_of_country', defaultPolicy)).toEqual([]);
    expect(closingReasonRefusals('moved_abroad', true, 'health_needs', defaultPolicy)).toEqual([expect.stringMatching(/^primaryReason: health_needs contradicts moved_out_of_country/)]);
    // An LA whose list has no such code gets no inference, and is asked for none.
    expect(closingReason(rule, undefined, { ...defaultPolicy, 'CME-REASONS': ['whereabouts_unknown', 'other'] })).toBeUndefined();
  });

  it('a CME case ending otherwise may say why the child was missing (CME-REASONS); a case that was not CME, outside home education, takes none', () => {
    expect(closingReasonRefusals('on_roll_elsewhere', true, undefined, defaultPolicy)).toEqual([]);
    expect(closingReasonRefusals('on_roll_elsewhere', true, 'application_awaiting_outcome', defaultPolicy)).toEqual([]);
    expect(closingReasonRefusals('on_roll_elsewhere', true, 'made_up', defaultPolicy)).toEqual(["primaryReason: made_up is not on the LA's CME-REASONS list"]);
    expect(closingReasonRefusals('located_and_attending', false, 'other', defaultPolicy)).toEqual([expect.stringMatching(/^primaryReason: a case closing as located_and_attending records no primary reason/)]);
    expect(closingReasonRefusals('moved_abroad', false, undefined, defaultPolicy)).toEqual([]);
  });

  it("follows the LA's own list (CME-REASONS is an LA setting), and the collection's for a case read before the lists existed", () => {
    const local = { ...defaultPolicy, 'CME-REASONS': ['whereabouts_unknown', 'local_reason'] };
    expect(closingReasonRefusals('on_roll_elsewhere', true, 'local_reason', local)).toEqual([]);
    expect(closingReasonRefusals('on_roll_elsewhere', true, 'health_needs', local)).toEqual(["primaryReason: health_needs is not on the LA's CME-REASONS list"]);
    expect(closingReasonRefusals('on_roll_elsewhere', true, 'health_needs', {})).toEqual([]);
  });
});

describe('the CME reason and circumstances the officer records while tracing', () => {
  it('refuses codes off the LA\'s CME-REASONS and CME-RISK-CIRCUMSTANCES lists, naming each field', () => {
    expect(cmeReasonRefusals('application_not_made', ['young_carer', 'temporary_accommodation'], defaultPolicy)).toEqual([]);
    expect(cmeReasonRefusals('lost', ['young_carer', 'unlucky', 'young_carer'], defaultPolicy)).toEqual([
      "primaryReason: lost is not on the LA's CME-REASONS list",
      "circumstances: unlucky is not on the LA's CME-RISK-CIRCUMSTANCES list",
      'circumstances: name each circumstance once',
    ]);
  });

  it('puts the reason on the child\'s CME run, and the EHE reason at close on the EHE status; a reason is never taken from another list\'s outcome', () => {
    expect(statusChangeOf({ action: 'cme_reason_recorded', stage: 'cme_tracing', detail: { primaryReason: 'health_needs' } })).toEqual({ status: 'cme', reason: 'health_needs' });
    expect(statusChangeOf({ action: 'case_closed', stage: 'closed', outcome: 'elective_home_education', detail: { primaryReason: 'bullying' } })).toEqual({ status: 'ehe', reason: 'bullying' });
    expect(statusChangeOf({ action: 'case_closed', stage: 'closed', outcome: 'moved_abroad', detail: { primaryReason: 'moved_out_of_country' } })).toEqual({ status: 'moved_abroad' });
    expect(statusChangeOf({ action: 'cme_opened', stage: 'cme_tracing' })).toEqual({ status: 'cme', reason: inferredCmeReasons.cmeOpenedAfterEnquiries.reason });
  });
});
