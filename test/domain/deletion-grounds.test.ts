import { assessGround, type GroundContext } from '../../domain/deletion/assess-ground';
import { ehcpReviewRequired, laConsentRequired, type Placement } from '../../domain/deletion/consent-gate';
import type { DeletionRequestDetails, GroundEvidence } from '../../domain/deletion/evidence';
import { defaultPolicy } from '../../domain/rules/policy';
import { fixtureCalendar } from '../fixtures/calendar';
import { validEvidence as valid } from '../fixtures/ground-evidence';

const calendar = fixtureCalendar();
const today = '2027-01-20';
const signedOff = { outcome: 'not_found' as const, schoolSignedOff: true, laSignedOff: true };
const context: GroundContext = {
  today,
  schoolDaysBetween: (from, to) => calendar.schoolDaysBetween(from, to),
  calendar,
  jointEnquiries: signedOff,
  groundHSchoolDays: defaultPolicy['GROUND-H'],
  exclusionPeriods: defaultPolicy,
};

function request<G extends keyof GroundEvidence>(ground: G, change: Partial<GroundEvidence[G]> = {}, deleteOn = today): DeletionRequestDetails {
  return { ground, deleteOn, evidence: { ...valid[ground], ...change } } as DeletionRequestDetails;
}

describe('SAR24 reg 9(1): a name is deleted if, and only if, a ground applies', () => {
  it.each(Object.keys(valid) as (keyof GroundEvidence)[])('ground %s applies when its conditions are met', (ground) => {
    expect(assessGround(request(ground), context)).toEqual({ qualifies: true, reasons: [], ruleIds: [`GROUND-${ground}`, 'NO-BACKDATING'] });
  });

  it.each<[string, DeletionRequestDetails, RegExp]>([
    ['A: SAO naming this school', request('A', { saoNamesThisSchool: true }), /school attendance order/],
    ['A: mobile child, main school here', request('A', { mobileChildWithMainSchoolHere: true }), /mobile child/],
    ['A: dual registration agreed', request('A', { dualRegistrationAgreed: true }), /dual registration/],
    ['A: new school not named', request('A', { newSchoolName: ' ' }), /new school must be named/],
    ['B: expected to attend again', request('B', { reasonableGroundsToExpectReturn: true }), /attend again/],
    ['C: another school has not consented', request('C', { everyOtherSchoolConsented: false }), /every other school/],
    ['D: SAO not amended', request('D', { saoAmendedToNameAnotherSchool: false }), /amended/],
    ['E: SAO not revoked', request('E', { saoRevokedAsEducationArrangedOtherwise: false }), /revoked/],
    ['F: oral intention only (T9)', request('F', { writtenNoticeReceived: false }), /in writing/],
    ['F: date in the notice not yet passed', request('F', { educationOtherwiseFrom: '2027-02-01' }), /not yet passed/],
    ['F: SAO in force', request('F', { saoInForce: true }), /school attendance order/],
    ['G: boarder', request('G', { isBoarder: true }), /boarders/],
    ['H: only 9 school days since leave ended', request('H', { leaveEndedOn: '2027-01-07' }), /only 9 school days/],
    ['H: illness believed', request('H', { sicknessOrUnavoidableCauseBelieved: true }), /ill or unavoidably/],
    ['I: 19 school days', request('I', { absentFrom: '2026-12-08' }), /only 19 continuous school days/],
    ['I: a session coded I (illness) breaks the period', request('I', { sessionCodes: ['N', 'I', 'O'] }), /coded I break/],
    ['I: a session coded U breaks the period', request('I', { sessionCodes: ['G', 'U'] }), /coded U break/],
    ['I: sickness or unavoidable cause believed (e.g. EBSA, transport dispute)', request('I', { sicknessOrUnavoidableCauseBelieved: true }), /ill or unavoidably/],
    ['J: return expected after detention', request('J', { reasonableGroundsToExpectReturnAfterwards: true }), /return afterwards/],
    ['L: continuing into the sixth form', request('L', { notContinuingIntoSixthForm: false }), /sixth form/],
    ['O: the governing board has not yet decided (EXCL-BOARD-REINSTATEMENT)', request('O', { boardDecisionOn: undefined, noReviewStatementOn: undefined }), /board has not yet decided/],
  ])('refuses ground %s', (_name, details, reason) => {
    const assessment = assessGround(details, context);
    expect(assessment.qualifies).toBe(false);
    expect(assessment.reasons.join('; ')).toMatch(reason);
  });

  it('NO-BACKDATING: refuses a deletion dated before today, on any ground', () => {
    const assessment = assessGround(request('K', {}, '2027-01-19'), context);
    expect(assessment).toMatchObject({ qualifies: false, reasons: [expect.stringMatching(/never backdated/)] });
  });

  describe('grounds H and I need failed joint school + LA enquiries, signed off by both', () => {
    it.each(['H', 'I'] as const)('ground %s without joint enquiries is refused', (ground) => {
      const assessment = assessGround(request(ground), { ...context, jointEnquiries: undefined });
      expect(assessment.reasons).toContain('joint school and LA reasonable enquiries have not been completed');
    });

    it('signed by the school alone is not enough', () => {
      const assessment = assessGround(request('I'), { ...context, jointEnquiries: { ...signedOff, laSignedOff: false } });
      expect(assessment.reasons).toContain('joint enquiries must be signed off by both the school and the LA');
    });

    it('found, and both agree the pupil will not return: the ground applies', () => {
      expect(assessGround(request('I'), { ...context, jointEnquiries: { ...signedOff, outcome: 'found_will_not_return' } }).qualifies).toBe(true);
    });

    it('found, and the pupil may return: stays on roll', () => {
      const assessment = assessGround(request('H'), { ...context, jointEnquiries: { ...signedOff, outcome: 'found_may_return' } });
      expect(assessment.reasons.join()).toMatch(/keep on roll/);
    });

    it('GROUND-H [unverified]: the LA may set the number of school days', () => {
      expect(assessGround(request('H', { leaveEndedOn: '2027-01-12' }), { ...context, groundHSchoolDays: 5 }).qualifies).toBe(true);
      expect(assessGround(request('H', { leaveEndedOn: '2027-01-12' }), context).qualifies).toBe(false);
    });
  });
});

describe('GATE-SPECIAL-SCHOOL (PRR06 reg 8(2) [P]; SAR24 reg 9 [S]) and EHCP-EHE-REVIEW (SENDCoP 10.33 [S])', () => {
  const special: Placement = { isSpecialSchool: true, placedByLa: true, senStatus: 'ehc_plan' };
  const mainstreamEhcp: Placement = { isSpecialSchool: false, placedByLa: false, senStatus: 'ehc_plan' };

  it('an LA-placed special-school pupil needs LA consent for EHE (ground F) and for ground I', () => {
    expect(laConsentRequired(special, 'F', defaultPolicy)).toBe(true);
    expect(laConsentRequired(special, 'I', defaultPolicy)).toBe(true);
  });

  it('the default exempt grounds (D, E, K, O: inferred from PRR06 (a), (j), (m)) need no consent', () => {
    for (const ground of ['D', 'E', 'K', 'O'] as const) expect(laConsentRequired(special, ground, defaultPolicy)).toBe(false);
  });

  it('the LA may set the exempt grounds (G1 unverified)', () => {
    expect(laConsentRequired(special, 'K', { ...defaultPolicy, 'GATE-SPECIAL-SCHOOL': [] })).toBe(true);
  });

  it('a special-school pupil the parents placed themselves needs no LA consent', () => {
    expect(laConsentRequired({ ...special, placedByLa: false }, 'F', defaultPolicy)).toBe(false);
  });

  it('no gate for a mainstream pupil with an EHC plan leaving for EHE; the SEND team reviews the plan', () => {
    expect(laConsentRequired(mainstreamEhcp, 'F', defaultPolicy)).toBe(false);
    expect(ehcpReviewRequired(mainstreamEhcp, 'F')).toBe(true);
    expect(ehcpReviewRequired(mainstreamEhcp, 'A')).toBe(false);
    expect(ehcpReviewRequired({ ...mainstreamEhcp, senStatus: 'sen_support' }, 'F')).toBe(false);
  });

  it('CWSA26-CONSENT (not commenced, flag off by default): EHE of a child-protection pupil needs consent only when on', () => {
    const cp: Placement = { ...mainstreamEhcp, childProtection: true };
    expect(laConsentRequired(cp, 'F', defaultPolicy)).toBe(false);
    expect(laConsentRequired(cp, 'F', { ...defaultPolicy, 'CWSA26-CONSENT': true })).toBe(true);
  });
});
