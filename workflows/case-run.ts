import { condition, patched, upsertSearchAttributes, uuid4, workflowInfo } from '@temporalio/workflow';
import { describeActor, type Actor, type Role } from '../domain/actor';
import type { CaseStage, CaseState, ClockUnit, ScheduledDeadline } from '../domain/case';
import type { Party } from '../domain/triggers';
import type { Rule } from '../domain/rules/rule';
import { defaultPolicy, type LaPolicy } from '../domain/rules/policy';
import { caseStageKey, nextDeadlineKey, sendFlagKey } from '../temporal/search-attributes';
import type { CaseSnapshot } from '../activities/case-projection';
import type { NotifyInput } from '../activities/notify';
import { activities, localActivities } from './activities';
import { CaseCalendar } from './case-calendar';
import type { CarriedCase, CaseWorkflowInput } from './case-messages';
import { NotificationLanes } from './notification-lanes';
import { patches } from './patches';

type Detail = Record<string, string>;

/** One case's state and the moves every step makes: record, notify, set a stage, start or stop a clock. */
export class CaseRun {
  readonly state: CaseState;
  policy: LaPolicy = defaultPolicy;
  opened = false;
  readonly notifications = new NotificationLanes();
  readonly calendar = new CaseCalendar();
  private scheduleVersion = 0;
  /** The steps recorded so far, across runs: the version of the projection each record writes. */
  private recordedSteps: number;
  /** The state as the last record wrote it to the projection, to tell a change made after it. */
  private recordedState: string | undefined;

  constructor(input: CaseWorkflowInput) {
    const { caseId, pupilId, laCode, schoolUrn, carried } = input;
    this.state = carried?.state ?? { caseId, pupilId, laCode, schoolUrn, stage: 'opening', concerns: [], deadlines: [], jointEnquiries: {}, refusedDeletions: [], safeguarding: [] };
    // A run carried over before steps were counted starts again from 0: it wrote no projection to outnumber.
    this.recordedSteps = carried?.recordedSteps ?? 0;
    this.recordedState = carried && JSON.stringify(carried.state);
    if (carried) {
      this.policy = carried.policy;
      this.opened = true;
    }
  }

  /** What the next run needs to go on exactly where this one stops. */
  carry(): CarriedCase {
    return { state: this.state, policy: this.policy, recordedSteps: this.recordedSteps };
  }

  get closed(): boolean {
    return this.state.stage === 'closed';
  }

  /** The parties among `parties` this case can reach: a child on no roll has no school to tell. */
  reachable<P extends Party>(parties: readonly P[]): P[] {
    return parties.filter((party) => party !== 'school' || this.state.schoolUrn !== undefined);
  }

  /** The address of a party for this case's LA; the notification layer resolves it to a person or service. */
  address(party: Party): string {
    const la = this.state.laCode;
    const addresses: Record<Party, string> = {
      laCmeOfficer: `la_cme_officer:${la}`,
      sendTeam: `la_send_team:${la}`,
      laEheTeam: `la_ehe_team:${la}`,
      laHealthOfficer: `la_health_officer:${la}`,
      manager: `la_manager:${la}`,
      school: `school:${this.state.schoolUrn}`,
      socialCare: `childrens_social_care:${la}`,
      police: `police:${la}`,
      socialWorker: `social_worker_of_child:${la}`,
      yotWorker: `yot_worker_of_child:${la}`,
    };
    return addresses[party];
  }

  setStage(stage: CaseStage): void {
    this.state.stage = stage;
    // Moving on from the stage a clock ran out in is doing its step.
    if (this.state.overdue) this.state.overdue = this.state.overdue.filter((step) => step.stage === stage);
    upsertSearchAttributes([{ key: caseStageKey, value: stage }]);
  }

  markSend(flag: boolean): void {
    upsertSearchAttributes([{ key: sendFlagKey, value: flag }]);
  }

  /** Writes the read-model row and one audit entry: who, what, why, under which rule. */
  /** `actor` is a user, or a system party such as 'system' or a report's `reportedBy`. */
  async record(action: string, actor: Actor | string, detail: Detail = {}, ruleId?: string, outcome?: string): Promise<void> {
    const { recordCaseEvent } = patched(patches.localStepActivities) ? localActivities : activities;
    await recordCaseEvent({
      eventId: `${workflowInfo().workflowId}:${uuid4()}`,
      caseId: this.state.caseId,
      pupilId: this.state.pupilId,
      laCode: this.state.laCode,
      schoolUrn: this.state.schoolUrn,
      stage: this.state.stage,
      nextDeadlineAt: this.state.nextDeadline?.at ?? null,
      overdueSteps: this.state.overdue,
      sendFlag: this.state.placement ? this.state.placement.senStatus !== 'none' : false,
      openedAt: this.state.openedAt ?? new Date().toISOString(),
      occurredAt: new Date().toISOString(),
      actor: typeof actor === 'string' ? actor : describeActor(actor),
      action,
      ruleId,
      detail,
      outcome,
      snapshot: this.snapshot(),
    });
  }

  /**
   * A step that changed the state after its last record (a clock that ran out with nothing to do, a review clock
   * started again after the review was recorded) writes the projection alone, so it never lags the query
   * (patched: projection-after-clock).
   */
  async projectIfChanged(): Promise<void> {
    if (JSON.stringify(this.state) === this.recordedState || !patched(patches.projectionAfterClock)) return;
    const { projectCase } = patched(patches.localStepActivities) ? localActivities : activities;
    await projectCase({ caseId: this.state.caseId, snapshot: this.snapshot() });
  }

  /** The state as it stands, numbered after every step recorded before it (a retry sends the same number). */
  private snapshot(): CaseSnapshot {
    this.recordedSteps += 1;
    this.recordedState = JSON.stringify(this.state);
    return { version: this.recordedSteps, state: this.state };
  }

  async notify(step: string, recipient: string, template: string, ruleId?: string, facts?: Detail): Promise<void> {
    await this.notifyAll([{ step, recipient, template, ruleId, ...(facts ? { facts } : {}) }]);
  }

  /**
   * Tells the parties of one step. Enqueued in one local activity, inside the step's workflow task, for the
   * worker's dispatcher to send (patched: notification-outbox): the case neither waits for a transport nor holds
   * anything to send. Cases begun before it send each notification through the lanes, one after the other.
   */
  async notifyAll(messages: Omit<NotifyInput, 'caseId'>[]): Promise<void> {
    const notifications = messages.map((message) => ({ caseId: this.state.caseId, ...message }));
    if (patched(patches.notificationOutbox)) {
      if (notifications.length > 0) await localActivities.enqueueNotifications({ notifications });
      return;
    }
    for (const input of notifications) await this.notifications.send(input);
  }

  /**
   * Starts a clock of `count` school days (or plain days) from now under `rule`, from the school's calendar (the LA's
   * without one). `id` tells apart clocks of one kind that run together (a support plan's actions).
   */
  async schedule(kind: ScheduledDeadline['kind'], rule: Rule, count: number, unit: ClockUnit = 'school_days', id: string = kind): Promise<ScheduledDeadline> {
    const { laCode, schoolUrn } = this.state;
    const { at } = patched(patches.deadlinesInWorkflow)
      ? await this.calendar.deadline({ laCode, schoolUrn }, count, unit)
      : await activities.computeDeadline({ from: new Date().toISOString(), count, unit, laCode, schoolUrn });
    const unitName = unit === 'school_days' ? 'school days' : 'days';
    return this.startClock({ id, kind, ruleId: rule.id, title: `${rule.title} (${count} ${unitName}; ${rule.source})`, at, unit });
  }

  /** Starts a clock that runs out at the end of a date the parties agreed (England), counted in the held calendar. */
  async scheduleEndOf(kind: ScheduledDeadline['kind'], rule: Rule, date: string, id: string = kind): Promise<ScheduledDeadline> {
    const { laCode, schoolUrn } = this.state;
    const { at } = await this.calendar.endOf({ laCode, schoolUrn }, date);
    return this.startClock({ id, kind, ruleId: rule.id, title: `${rule.title} (end of ${date}; ${rule.source})`, at, unit: 'days' });
  }

  private startClock(deadline: ScheduledDeadline): ScheduledDeadline {
    this.state.deadlines = [...this.state.deadlines.filter((d) => d.id !== deadline.id), deadline];
    this.deadlinesChanged();
    return deadline;
  }

  /** A step done clears its overdue entry (a timetable reviewed or ended), where leaving the stage would not. */
  clearOverdue(...kinds: ScheduledDeadline['kind'][]): void {
    if (this.state.overdue) this.state.overdue = this.state.overdue.filter((step) => !kinds.includes(step.kind));
  }

  /**
   * A clock ran out and its step is not done: it stays in `escalatedTo`'s inbox and the dashboard's counts until the
   * case leaves its current stage (patched: overdue-steps). Call it after setting the stage the lapse leads to.
   */
  markOverdue(deadline: ScheduledDeadline, escalatedTo: Role): void {
    if (!patched(patches.overdueSteps)) return;
    const { kind, ruleId, at: dueAt } = deadline;
    // Clocks from before units were kept and that can lapse here (opening, consent) count school days.
    const step = { kind, ruleId, dueAt, unit: deadline.unit ?? 'school_days', escalatedTo, stage: this.state.stage };
    this.state.overdue = [...(this.state.overdue ?? []).filter((s) => s.kind !== kind), step];
  }

  cancelAll(): void {
    this.cancel(...this.state.deadlines.map((d) => d.kind));
  }

  cancel(...kinds: ScheduledDeadline['kind'][]): void {
    this.keepDeadlines((d) => !kinds.includes(d.kind));
  }

  /** Stops one clock by its id (for a kind with one clock, its id is its kind). */
  cancelId(id: string): void {
    this.keepDeadlines((d) => d.id !== id);
  }

  private keepDeadlines(keep: (deadline: ScheduledDeadline) => boolean): void {
    const remaining = this.state.deadlines.filter(keep);
    if (remaining.length === this.state.deadlines.length) return;
    this.state.deadlines = remaining;
    this.deadlinesChanged();
  }

  /** Sleeps until the earliest clock runs out, or until the clocks change, the case closes or `wake` holds. */
  async nextExpiredDeadline(wake: () => boolean): Promise<ScheduledDeadline | undefined> {
    const seen = this.scheduleVersion;
    const changed = () => this.scheduleVersion !== seen || this.closed || wake();
    const next = this.earliestDeadline();
    if (!next) {
      await condition(changed);
      return undefined;
    }
    const timeout = Math.max(Date.parse(next.at) - Date.now(), 1);
    if (await condition(changed, timeout, { summary: `${next.ruleId}: ${next.title}` })) return undefined;
    this.cancelId(next.id);
    return next;
  }

  private earliestDeadline(): ScheduledDeadline | undefined {
    return [...this.state.deadlines].sort((a, b) => a.at.localeCompare(b.at))[0];
  }

  private deadlinesChanged(): void {
    this.scheduleVersion += 1;
    const next = this.earliestDeadline();
    this.state.nextDeadline = next && { at: next.at, ruleId: next.ruleId, title: next.title };
    upsertSearchAttributes([{ key: nextDeadlineKey, value: next ? new Date(next.at) : null }]);
  }
}
