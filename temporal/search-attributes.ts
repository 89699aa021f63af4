import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Operational search attributes on every case. Opaque codes only: never a child's name, UPN or address.
 */
export const caseStageKey = defineSearchAttributeKey('CaseStage', SearchAttributeType.KEYWORD);
export const laCodeKey = defineSearchAttributeKey('LaCode', SearchAttributeType.KEYWORD);
export const schoolUrnKey = defineSearchAttributeKey('SchoolUrn', SearchAttributeType.KEYWORD);
export const sendFlagKey = defineSearchAttributeKey('SendFlag', SearchAttributeType.BOOL);
export const nextDeadlineKey = defineSearchAttributeKey('NextDeadline', SearchAttributeType.DATETIME);

export const caseSearchAttributeKeys = [caseStageKey, laCodeKey, schoolUrnKey, sendFlagKey, nextDeadlineKey];
