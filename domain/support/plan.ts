/**
 * The support plan a support-first case shares between the school, the LA and the services that can remove a
 * barrier (WTISA: understand the barriers, agree support, bring in services, review, only then formalise or
 * enforce): who does what by when, and what each review found.
 */
import type { Role } from '../actor';
import type { Rule } from '../rules/rule';
import type { PartTimeTimetable } from './part-time';
import type { SendRequest } from './send-link';

/** Who may own an action on the plan (issue 16). */
export const planOwners = ['school', 'senco', 'la_send_team', 'health', 'early_help', 'educational_psychology', 'transport', 'social_care'] as const;
export type PlanOwner = (typeof planOwners)[number];

export const actionStatuses = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** What a review decides for the case as a whole. */
export const reviewNextSteps = ['continue', 'change', 'formalise', 'enforce'] as const;
export type ReviewNextStep = (typeof reviewNextSteps)[number];

/** What a review found of one action. */
export const actionOutcomes = ['done', 'progressing', 'not_started', 'dropped'] as const;
export type ActionOutcome = (typeof actionOutcomes)[number];

export interface Barrier {
  barrierId: string;
  code: string;
  identifiedBy: string;
  identifiedAt: string;
}

export interface PlanAction {
  actionId: string;
  owner: PlanOwner;
  /** What the owner will do, in the parties' words. */
  what: string;
  /** The school days agreed, and the instant the last of them ends on the school's calendar. */
  dueInSchoolDays: number;
  dueAt: string;
  status: ActionStatus;
  assignedBy: string;
  assignedAt: string;
  /** When its due date passed with the action still open. */
  lapsedAt?: string;
  statusChangedBy?: string;
}

export interface PlanReview {
  reviewId: string;
  reviewedBy: string;
  reviewedAt: string;
  outcomes: { actionId: string; outcome: ActionOutcome }[];
  nextStep: ReviewNextStep;
  note: string;
}

/** `version` orders the copies the case writes to the read model, so an older one never overwrites a newer. */
export interface SupportPlan {
  version: number;
  barriers: Barrier[];
  actions: PlanAction[];
  reviews: PlanReview[];
  /** Part-time timetables agreed (T7), at most one in place; absent until the first. */
  timetables?: PartTimeTimetable[];
  /** Requests to the SEND team (send-link.ts); absent on plans from before the SEND link. */
  sendRequests?: SendRequest[];
}

export const emptySupportPlan = (): SupportPlan => ({ version: 0, barriers: [], actions: [], reviews: [] });

/** An action still open once its due instant has passed has lapsed (SUPPORT-ACTION-DUE). */
export const hasLapsed = (action: PlanAction, now: Date): boolean => action.status === 'open' && Date.parse(action.dueAt) <= now.getTime();

/** The roles that act on a support plan: the school (its SENCo among its users) and the LA's CME and SEND officers. */
export const planRoles = ['school', 'la_cme_officer', 'la_send_officer'] as const satisfies readonly Role[];

/** Which signed-in role sees an owner's lapsed actions in its inbox; the other services are told by notification. */
export const inboxRoleOfOwner: Partial<Record<PlanOwner, Role>> = { school: 'school', senco: 'school', la_send_team: 'la_send_officer' };

/** Where each owner is told: a recipient token of domain/recipients.ts for the case's LA or school. */
export function ownerRecipient(owner: PlanOwner, laCode: string, schoolUrn: string | undefined): string | undefined {
  switch (owner) {
    case 'school':
    case 'senco':
      return schoolUrn === undefined ? undefined : `school:${schoolUrn}`;
    case 'la_send_team':
      return `la_send_team:${laCode}`;
    case 'health':
      return `health_services:${laCode}`;
    case 'early_help':
      return `la_early_help:${laCode}`;
    case 'educational_psychology':
      return `la_educational_psychology:${laCode}`;
    case 'transport':
      return `la_send_transport:${laCode}`;
    case 'social_care':
      return `childrens_social_care:${laCode}`;
  }
}

/**
 * An action's due date: the parties agree it per action, in school days on the school's calendar. WTISA sets no
 * period, so the engine bounds it (a school year) and keeps none of its own.
 */
export const supportActionRule = {
  id: 'SUPPORT-ACTION-DUE',
  kind: 'clock',
  title: 'A support plan action falls due: its owner and the case officer are told, and a lapsed action stays in their inboxes',
  source: 'DfE, "Working together to improve school attendance" (August 2024): agree support with named services and review it [inferred: recalled]; the period agreed per action by the parties',
  confidence: 'inferred',
  maxSchoolDays: 190,
} as const satisfies Rule & { maxSchoolDays: number };

/** Bounds of the free text a plan holds, so a payload stays small. */
export const planTextMax = { what: 500, note: 2000 } as const;
