import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { caseSearchAttributeKeys } from './search-attributes';

const { IndexedValueType } = temporal.api.enums.v1;

/** An attribute already registered under another type: for a person to resolve, never retried or overwritten. */
export class SearchAttributeConflict extends Error {}

/**
 * Registers the case search attributes on a namespace of a Temporal server we do not start ourselves (the
 * deployment's, the time-skipping test server). Adds only those missing, so it is safe to run at every
 * release; an attribute already there under another type is an error to resolve by hand, never overwritten.
 */
export async function registerCaseSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const missing: Record<string, temporal.api.enums.v1.IndexedValueType> = {};
  for (const key of caseSearchAttributeKeys) {
    const wanted = IndexedValueType[`INDEXED_VALUE_TYPE_${key.type}`];
    const existing = customAttributes?.[key.name];
    if (existing === undefined || existing === null) missing[key.name] = wanted;
    else if (existing !== wanted) throw new SearchAttributeConflict(`search attribute ${key.name} exists as ${IndexedValueType[existing]}, the cases need ${key.type}`);
  }
  if (Object.keys(missing).length > 0) await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
  return Object.keys(missing);
}
