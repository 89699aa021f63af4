import { readableDate, type IsoDate } from '../calendar/iso-date';
import type { SchoolCalendar } from '../calendar/school-calendar';
import { exclusionBoardRule, exclusionReconsiderationRule, exclusionReviewApplicationRule } from '../rules/catalogue';
import type { LaPolicy } from '../rules/policy';
import type { ExclusionProcess } from './evidence';

/** The LA's settings of the three exclusion periods, in school days. */
export type ExclusionPeriods = Pick<LaPolicy, 'EXCL-BOARD-REINSTATEMENT' | 'EXCL-REVIEW-APPLICATION' | 'EXCL-BOARD-RECONSIDERATION'>;

/** When ground O lets the name go: from `date`, or not yet (`waiting`), with why either way. */
export type GroundODate = { date: IsoDate; why: string } | { waiting: string };

/**
 * The earliest date a permanently excluded pupil may be deleted on ground O (SAR24 reg 9(1)(o); PRR06 reg 8(4)
 * presumed carried forward): once the parents say in writing they will not seek a review, once the window to
 * apply has passed without one, or once the review (and any reconsideration it orders) has concluded. The
 * periods count school days of the pupil's school.
 */
export function groundODate(process: ExclusionProcess, calendar: Pick<SchoolCalendar, 'addSchoolDays'>, periods: ExclusionPeriods): GroundODate {
  const after = (from: IsoDate, days: number) => readableDate(calendar.addSchoolDays(from, days).date);
  const { boardDecisionOn, reviewDecidedOn } = process;
  if (!boardDecisionOn) {
    const days = periods['EXCL-BOARD-REINSTATEMENT'];
    return { waiting: `the governing board has not yet decided on reinstatement; it must within ${days} school days of the notice, by ${after(process.exclusionNotifiedOn, days)} (${exclusionBoardRule.id})` };
  }
  if (!process.reviewApplied) {
    if (process.noReviewStatementOn) {
      const date = process.noReviewStatementOn > boardDecisionOn ? process.noReviewStatementOn : boardDecisionOn;
      return { date, why: `the parents stated in writing on ${readableDate(process.noReviewStatementOn)} that they will not apply for an independent review` };
    }
    const days = periods['EXCL-REVIEW-APPLICATION'];
    const lastDay = calendar.addSchoolDays(boardDecisionOn, days).date;
    return {
      date: calendar.addSchoolDays(lastDay, 1).date,
      why: `the ${days} school days to apply for an independent review of the board's decision of ${readableDate(boardDecisionOn)} end on ${readableDate(lastDay)} (${exclusionReviewApplicationRule.id})`,
    };
  }
  if (!reviewDecidedOn) return { waiting: 'the independent review panel has not yet decided' };
  if (!process.reconsiderationRequired) return { date: reviewDecidedOn, why: `the independent review panel upheld the exclusion on ${readableDate(reviewDecidedOn)}` };
  if (!process.reconsideredOn) {
    const days = periods['EXCL-BOARD-RECONSIDERATION'];
    return { waiting: `the governing board has not yet reconsidered as the review panel asked; it must within ${days} school days, by ${after(reviewDecidedOn, days)} (${exclusionReconsiderationRule.id})` };
  }
  return { date: process.reconsideredOn, why: `the governing board reconsidered on ${readableDate(process.reconsideredOn)} and did not reinstate` };
}

/** Dates out of order or in the future: each one named. */
export function exclusionDateProblems(process: ExclusionProcess, today: IsoDate): string[] {
  const steps: [string, IsoDate | undefined][] = [
    ['exclusionNotifiedOn', process.exclusionNotifiedOn],
    ['boardDecisionOn', process.boardDecisionOn],
    ['reviewDecidedOn', process.reviewDecidedOn],
    ['reconsideredOn', process.reconsideredOn],
  ];
  const given = steps.filter((step): step is [string, IsoDate] => step[1] !== undefined);
  const problems = given.filter(([, date]) => date > today).map(([name, date]) => `${name} ${date} is in the future`);
  for (let i = 1; i < given.length; i += 1) {
    const [[before, earlier], [name, later]] = [given[i - 1]!, given[i]!];
    if (later < earlier) problems.push(`${name} ${later} is before ${before} ${earlier}`);
  }
  if (process.noReviewStatementOn && process.noReviewStatementOn > today) problems.push(`noReviewStatementOn ${process.noReviewStatementOn} is in the future`);
  return problems;
}

/**
 * Steps that cannot go together (EXCL12's order: the board decides, then a review is applied for or waived,
 * then the panel decides and may ask the board to reconsider): each named by its field and why. Checked at the
 * API before the case hears of the request, so a body the document allows is refused as such (422), not as
 * malformed.
 */
export function exclusionStepProblems(e: ExclusionProcess): { field: keyof ExclusionProcess; why: string }[] {
  const problems: { field: keyof ExclusionProcess; why: string }[] = [];
  const wrong = (field: keyof ExclusionProcess, why: string) => problems.push({ field, why });
  if (e.reviewApplied && e.noReviewStatementOn) wrong('noReviewStatementOn', 'not with reviewApplied: the parents applied for a review');
  if (!e.reviewApplied && e.reviewDecidedOn) wrong('reviewDecidedOn', 'only with reviewApplied: there is no review without an application');
  if (!e.reviewApplied && e.reconsiderationRequired) wrong('reconsiderationRequired', 'only with reviewApplied: only a review panel asks the board to reconsider');
  if (e.reconsiderationRequired && !e.reviewDecidedOn) wrong('reviewDecidedOn', "is required with reconsiderationRequired: the date of the panel's decision");
  if (!e.reconsiderationRequired && e.reconsideredOn) wrong('reconsideredOn', 'only with reconsiderationRequired: the board reconsiders when the panel asks');
  if (!e.boardDecisionOn && (e.reviewApplied || e.noReviewStatementOn)) wrong('boardDecisionOn', "is required: a review follows the board's decision");
  return problems;
}
