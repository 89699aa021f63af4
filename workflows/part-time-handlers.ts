import { patched, setHandler } from '@temporalio/workflow';
import { describeActor, type Actor } from '../domain/actor';
import { addCalendarDays, isIsoDate } from '../domain/calendar/iso-date';
import type { ScheduledDeadline } from '../domain/case';
import { partTimeNotificationRule } from '../domain/rules/catalogue';
import {
  partTimeReviewRule,
  partTimeTimetableRule,
  timetableHours,
  timetableMaxDays,
  timetableReviewOutcomes,
  timetableRoles,
  timetableTextMax,
  type PartTimeTimetable,
} from '../domain/support/part-time';
import type { CaseRun } from './case-run';
import { agreePartTimeTimetable, reviewPartTimeTimetable, type AgreeTimetableInput, type ReviewTimetableInput, type TimetableTerms } from './part-time-messages';
import { patches } from './patches';
import { missingText, refuseFailing, reject, requireCaseSchool, requireRole, requireStage } from './reject';
import { nextPlanVersion, planOf, savePlan } from './support-plan-handlers';

const reviewClock = (timetableId: string) => `part_time_review:${timetableId}`;
const endClock = (timetableId: string) => `part_time_end:${timetableId}`;
const timetableKinds = ['part_time_review', 'part_time_end'] as const satisfies ScheduledDeadline['kind'][];

/**
 * Part-time timetables (T7; WTISA: exceptional, agreed with the parent, time-limited, reviewed): the school records
 * one with its dates and hours, and reviews it, extending it or ending it with the pupil back full time. Its review
 * and end dates are clocks: one passing with the timetable still in place is raised (onTimetableDue).
 */
export function registerPartTimeHandlers(run: CaseRun): void {
  setHandler(
    agreePartTimeTimetable,
    async ({ actor, timetableId, startDate, endDate, reviewDate, hoursPerWeek, reason }) => {
      const timetables = timetablesOf(run);
      if (timetables.some((t) => t.timetableId === timetableId)) return planOf(run);
      // Marks the histories that hold a timetable, so a later change to its steps can tell them apart.
      patched(patches.partTimeTimetable);
      timetables.push({
        timetableId, startDate, endDate, reviewDate, hoursPerWeek, reason: reason.trim(), agreedBy: describeActor(actor), agreedAt: new Date().toISOString(), status: 'active', raised: [], reviews: [],
      });
      await startClocks(run, timetableId, reviewDate, endDate);
      nextPlanVersion(run);
      await run.record('part_time_timetable_agreed', actor, { timetableId, startDate, endDate, reviewDate, hoursPerWeek: String(hoursPerWeek) }, partTimeTimetableRule.id);
      await tellLa(run, `part_time_timetable_agreed:${timetableId}`, 'part_time_timetable_agreed');
      return savePlan(run);
    },
    { validator: (input) => validateAgree(run, input) },
  );

  setHandler(
    reviewPartTimeTimetable,
    async ({ actor, timetableId, outcome, endDate, reviewDate, hoursPerWeek, note }) => {
      const timetable = timetableOf(run, timetableId);
      const reviewedAt = new Date().toISOString();
      // The validator refused an ended one; this holds for a review accepted while another was being handled.
      if (timetable.status !== 'active') return planOf(run);
      timetable.reviews.push({ reviewedBy: describeActor(actor), reviewedAt, outcome, note: note.trim() });
      run.clearOverdue(...timetableKinds);
      if (outcome === 'end') {
        timetable.status = 'ended';
        run.cancelId(reviewClock(timetableId));
        run.cancelId(endClock(timetableId));
      } else if (endDate && reviewDate && hoursPerWeek !== undefined) {
        Object.assign(timetable, { endDate, reviewDate, hoursPerWeek });
        await startClocks(run, timetableId, reviewDate, endDate);
      }
      nextPlanVersion(run);
      const action = outcome === 'end' ? 'part_time_timetable_ended' : 'part_time_timetable_extended';
      const terms: Record<string, string> = outcome === 'end' ? {} : { endDate: timetable.endDate, reviewDate: timetable.reviewDate, hoursPerWeek: String(timetable.hoursPerWeek) };
      await run.record(action, actor, { timetableId, ...terms }, partTimeTimetableRule.id);
      await tellLa(run, `${action}:${timetableId}:${timetable.reviews.length}`, action);
      return savePlan(run);
    },
    { validator: (input) => validateReview(run, input) },
  );
}

/**
 * A timetable's review or end date passed with it still in place: raised to the school and the case officer, and
 * overdue in the officer's inbox until the school reviews it.
 */
export async function onTimetableDue(run: CaseRun, deadline: ScheduledDeadline): Promise<void> {
  const timetable = run.state.supportPlan?.timetables?.find((t) => deadline.id === reviewClock(t.timetableId) || deadline.id === endClock(t.timetableId));
  if (timetable?.status !== 'active') return;
  const lapse = deadline.kind === 'part_time_review' ? 'review' : 'end';
  timetable.raised.push({ lapse, at: deadline.at });
  run.markOverdue(deadline, 'la_cme_officer');
  nextPlanVersion(run);
  const date = lapse === 'review' ? timetable.reviewDate : timetable.endDate;
  await run.record('part_time_timetable_raised', 'system', { timetableId: timetable.timetableId, lapse, date }, partTimeTimetableRule.id);
  for (const party of run.reachable(['school', 'laCmeOfficer'] as const)) {
    await run.notify(`part_time_timetable_raised:${deadline.id}:${deadline.at}:${party}`, run.address(party), `part_time_timetable_raised:${lapse}`, partTimeTimetableRule.id);
  }
  await savePlan(run);
}

function timetablesOf(run: CaseRun): PartTimeTimetable[] {
  const plan = planOf(run);
  plan.timetables ??= [];
  return plan.timetables;
}

function timetableOf(run: CaseRun, timetableId: string): PartTimeTimetable {
  const timetable = run.state.supportPlan?.timetables?.find((t) => t.timetableId === timetableId);
  if (!timetable) reject('timetableId', `no part-time timetable ${timetableId} on the case`);
  return timetable;
}

async function startClocks(run: CaseRun, timetableId: string, reviewDate: string, endDate: string): Promise<void> {
  await run.scheduleEndOf('part_time_review', partTimeTimetableRule, reviewDate, reviewClock(timetableId));
  await run.scheduleEndOf('part_time_end', partTimeTimetableRule, endDate, endClock(timetableId));
}

/** The LA's CME officer is told of each agreement, extension and end where its PART-TIME-NOTIFY setting asks. */
async function tellLa(run: CaseRun, step: string, template: string): Promise<void> {
  if (run.policy['PART-TIME-NOTIFY']) await run.notify(step, run.address('laCmeOfficer'), template, partTimeNotificationRule.id);
}

function requireSchool(run: CaseRun, actor: Actor): void {
  requireRole(actor, timetableRoles);
  requireCaseSchool(actor, run.state.schoolUrn);
}

function validateAgree(run: CaseRun, input: AgreeTimetableInput): void {
  requireSchool(run, input.actor);
  requireStage(run.state.stage, ['support_first']);
  const active = run.state.supportPlan?.timetables?.find((t) => t.status === 'active' && t.timetableId !== input.timetableId);
  if (active) reject('timetableId', `timetable ${active.timetableId} is in place: review it (extend or end) first`);
  refuseFailing([
    !isIsoDate(input.startDate) && 'startDate: a date, YYYY-MM-DD',
    // A start far ahead would put its clocks past the calendar a case can hold.
    input.startDate > addCalendarDays(today(), timetableMaxDays) && `startDate: more than ${timetableMaxDays} days ahead`,
    missingText('reason', input.reason),
    input.reason.length > timetableTextMax.reason && `reason: at most ${timetableTextMax.reason} characters`,
    ...(isIsoDate(input.startDate) ? termsFailures(run, input.startDate, input) : []),
  ]);
}

function validateReview(run: CaseRun, { actor, timetableId, outcome, note, ...terms }: ReviewTimetableInput): void {
  requireSchool(run, actor);
  const timetable = timetableOf(run, timetableId);
  if (timetable.status !== 'active') reject('timetableId', `the timetable has ${timetable.status}`);
  const { endDate, reviewDate, hoursPerWeek, parentAgreed } = terms;
  const extension = outcome === 'extend' ? { endDate: endDate ?? '', reviewDate: reviewDate ?? '', hoursPerWeek: hoursPerWeek ?? NaN, parentAgreed: parentAgreed === true } : undefined;
  refuseFailing([
    !timetableReviewOutcomes.includes(outcome) && `outcome: extend or end, not ${outcome}`,
    missingText('note', note),
    note.length > timetableTextMax.note && `note: at most ${timetableTextMax.note} characters`,
    // An extension runs from the review, as a new agreement with the parent.
    ...(extension ? termsFailures(run, today(), extension) : []),
  ]);
}

/** Every way a timetable's dates and hours break the guidance's frame, each naming its field. */
function termsFailures(run: CaseRun, from: string, { endDate, reviewDate, hoursPerWeek, parentAgreed }: TimetableTerms): (string | false)[] {
  const reviewWithin = run.policy['PART-TIME-REVIEW'] ?? partTimeReviewRule.setting.defaultValue;
  const dates = isIsoDate(endDate) && isIsoDate(reviewDate);
  return [
    !isIsoDate(endDate) && 'endDate: a date, YYYY-MM-DD',
    !isIsoDate(reviewDate) && 'reviewDate: a date, YYYY-MM-DD',
    parentAgreed !== true && 'parentAgreed: a part-time timetable needs the agreement of the parent',
    !(hoursPerWeek >= timetableHours.min && hoursPerWeek < timetableHours.fullTime) &&
      `hoursPerWeek: from ${timetableHours.min} to fewer than ${timetableHours.fullTime} (a full-time week)`,
    dates && endDate < from && `endDate: before the start (${from})`,
    dates && endDate < today() && 'endDate: already passed',
    dates && endDate > addCalendarDays(from, timetableMaxDays) && `endDate: more than ${timetableMaxDays} days after the start: a timetable is time-limited`,
    dates && reviewDate > endDate && 'reviewDate: after the end date',
    dates && reviewDate < from && `reviewDate: before the start (${from})`,
    dates && reviewDate < today() && 'reviewDate: already passed',
    dates && reviewDate > addCalendarDays(from, reviewWithin) && `reviewDate: more than ${reviewWithin} days after the start (${partTimeReviewRule.id})`,
  ];
}

/** Today's date in the workflow's clock (UTC: at most an hour from England's day). */
const today = () => new Date().toISOString().slice(0, 10);
