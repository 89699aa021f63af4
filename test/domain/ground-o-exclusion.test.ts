import { assessGround, type GroundContext } from '../../domain/deletion/assess-ground';
import type { DeletionRequestDetails, ExclusionProcess } from '../../domain/deletion/evidence';
import { defaultPolicy } from '../../domain/rules/policy';
import { fixtureCalendar } from '../fixtures/calendar';

const calendar = fixtureCalendar();
const contextOn = (today: string, periods: Partial<GroundContext['exclusionPeriods']> = {}): GroundContext => ({
  today,
  schoolDaysBetween: (from, to) => calendar.schoolDaysBetween(from, to),
  calendar,
  groundHSchoolDays: defaultPolicy['GROUND-H'],
  exclusionPeriods: { ...defaultPolicy, ...periods },
});
const groundO = (deleteOn: string, process: Partial<ExclusionProcess>): DeletionRequestDetails => ({
  ground: 'O',
  deleteOn,
  evidence: { exclusionNotifiedOn: '2026-11-20', reviewApplied: false, reconsiderationRequired: false, ...process },
});
const reasonsOf = (details: DeletionRequestDetails, context: GroundContext) => assessGround(details, context).reasons;

// The fixture calendar: autumn term to Fri 18 Dec 2026, spring term from Mon 4 Jan 2027, an INSET day.
describe('GROUND-O (SAR24 reg 9(1)(o) [S]; EXCL12 [P]): the deletion waits for the exclusion process, on the school calendar', () => {
  const boardUpheld = { boardDecisionOn: '2026-12-04' };

  describe('EXCL-REVIEW-APPLICATION [unverified]: no review applied for', () => {
    it('before the window of 15 school days after the board decision has passed: refused, naming the first lawful day', () => {
      expect(reasonsOf(groundO('2027-01-11', boardUpheld), contextOn('2027-01-06'))).toEqual([
        "the pupil may be deleted on ground O from Tue 12 Jan 2027 (2027-01-12): the 15 school days to apply for an independent review of the board's decision of Fri 4 Dec 2026 (2026-12-04) end on Mon 11 Jan 2027 (2027-01-11) (EXCL-REVIEW-APPLICATION)",
      ]);
    });

    it('on the first school day after the window: the ground applies', () => {
      expect(assessGround(groundO('2027-01-12', boardUpheld), contextOn('2027-01-06')).qualifies).toBe(true);
    });

    it('the LA sets the window: 10 school days end on the last day of term, so the first lawful day is after the INSET day', () => {
      expect(reasonsOf(groundO('2026-12-21', boardUpheld), contextOn('2026-12-21', { 'EXCL-REVIEW-APPLICATION': 10 }))).toEqual([expect.stringMatching(/^the pupil may be deleted on ground O from Tue 5 Jan 2027 \(2027-01-05\)/)]);
      expect(assessGround(groundO('2027-01-05', boardUpheld), contextOn('2026-12-21', { 'EXCL-REVIEW-APPLICATION': 10 })).qualifies).toBe(true);
    });

    it("the parents' written statement that they will not apply ends the wait on its date", () => {
      const declined = { ...boardUpheld, noReviewStatementOn: '2026-12-09' };
      expect(assessGround(groundO('2026-12-09', declined), contextOn('2026-12-09')).qualifies).toBe(true);
    });
  });

  describe('EXCL-BOARD-REINSTATEMENT [unverified]: the governing board first', () => {
    it('before the board has decided: refused, naming the date it must decide by (15 school days after the notice)', () => {
      expect(reasonsOf(groundO('2026-12-01', {}), contextOn('2026-12-01'))).toEqual([
        'ground O waits for the exclusion process: the governing board has not yet decided on reinstatement; it must within 15 school days of the notice, by Fri 11 Dec 2026 (2026-12-11) (EXCL-BOARD-REINSTATEMENT)',
      ]);
    });

    it('dates out of order or in the future are refused by name', () => {
      expect(reasonsOf(groundO('2026-12-10', { boardDecisionOn: '2026-11-19', noReviewStatementOn: '2026-12-11' }), contextOn('2026-12-10'))).toEqual([
        'boardDecisionOn 2026-11-19 is before exclusionNotifiedOn 2026-11-20',
        'noReviewStatementOn 2026-12-11 is in the future',
      ]);
    });
  });

  describe('with an independent review', () => {
    const applied = { ...boardUpheld, reviewApplied: true };

    it('while the panel has not decided: refused', () => {
      expect(reasonsOf(groundO('2027-01-20', applied), contextOn('2027-01-20'))).toEqual(['ground O waits for the exclusion process: the independent review panel has not yet decided']);
    });

    it('the panel upheld the exclusion: from the date of its decision, even inside the application window', () => {
      expect(assessGround(groundO('2026-12-16', { ...applied, reviewDecidedOn: '2026-12-16' }), contextOn('2026-12-16')).qualifies).toBe(true);
    });

    it('EXCL-BOARD-RECONSIDERATION [unverified]: before the board has reconsidered as the panel asked: refused, naming the 10-school-day limit', () => {
      const sentBack = { ...applied, reviewDecidedOn: '2027-01-08', reconsiderationRequired: true };
      expect(reasonsOf(groundO('2027-01-20', sentBack), contextOn('2027-01-20'))).toEqual([
        'ground O waits for the exclusion process: the governing board has not yet reconsidered as the review panel asked; it must within 10 school days, by Fri 22 Jan 2027 (2027-01-22) (EXCL-BOARD-RECONSIDERATION)',
      ]);
    });

    it('on the day the board reconsidered and did not reinstate: the ground applies', () => {
      const reconsidered = { ...applied, reviewDecidedOn: '2027-01-08', reconsiderationRequired: true, reconsideredOn: '2027-01-20' };
      expect(assessGround(groundO('2027-01-20', reconsidered), contextOn('2027-01-20')).qualifies).toBe(true);
    });
  });
});
