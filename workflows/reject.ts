import { ApplicationFailure } from '@temporalio/workflow';
import type { Actor, Role } from '../domain/actor';
import type { CaseStage } from '../domain/case';

/** Refuses a message before it enters history: the caller gets a 4xx naming the field. */
export function reject(field: string, message: string): never {
  throw ApplicationFailure.nonRetryable(`${field}: ${message}`, 'CaseRequestRejected');
}

export function requireRole(actor: Actor, allowed: readonly Role[]): void {
  if (!allowed.includes(actor.role)) reject('actor.role', `${actor.role} may not do this; allowed: ${allowed.join(', ')}`);
}

export function requireStage(stage: CaseStage, allowed: CaseStage[]): void {
  if (!allowed.includes(stage)) reject('stage', `not allowed while the case is ${stage}; allowed in: ${allowed.join(', ')}`);
}

export function requireText(field: string, value: string | undefined): void {
  if (missingText(field, value)) reject(field, 'is required');
}

/** The reason a required text is missing, for `refuseFailing`. */
export function missingText(field: string, value: string | undefined): string | undefined {
  return value?.trim() ? undefined : `${field}: is required`;
}

/**
 * Refuses a request because the rules do not allow it, naming every failing condition: the API answers 422
 * `{ error: { code: 'refused', reasons } }`. Thrown by a validator (nothing enters history) or by a handler
 * that finds, against the record, that the step cannot be taken.
 */
export function refuse(reasons: string[]): never {
  throw ApplicationFailure.nonRetryable(reasons.join('; '), 'CaseRequestRefused', { reasons });
}

/**
 * Checks independent conditions together: each failing one is a "field: why" reason, and all of them are
 * refused at once, so the caller can put everything right in one go.
 */
export function refuseFailing(failures: (string | false | undefined)[]): void {
  const reasons = failures.filter((reason): reason is string => typeof reason === 'string');
  if (reasons.length > 0) refuse(reasons);
}

/** A school acts only on the cases of its own pupils; LA roles are scoped by the API. */
export function requireCaseSchool(actor: Actor, caseSchoolUrn: string | undefined): void {
  if (actor.role === 'school' && actor.schoolUrn !== caseSchoolUrn) reject('actor.schoolUrn', 'not the school of this case');
}
