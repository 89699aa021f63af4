import { z } from 'zod';
import type { ConfigurableRule, Rule } from '../rules/rule';
import { cmeLengthBands, cmeReasons, codesOf, eheReasons, riskCircumstances, sexCodes, yearGroups, type CodeList } from './lists';

/** A list's source and the day it was read, as the rule table and the rules endpoint show them. */
const sourceOf = (list: CodeList) => `${list.source}; checked ${list.checkedOn}`;

/** A code of a collection list, as an LA's setting and a decision give it. */
export const codeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, 'must be a code of lower-case letters, digits and _');
const codeListSchema = z
  .array(codeSchema)
  .min(1)
  .refine((codes) => new Set(codes).size === codes.length, 'must name each code once');

/** A list the LA may correct (unverified or local): the codes in force, the collection's list by default. */
export function configurableList(list: CodeList, describe: string): ConfigurableRule<string[]> {
  return {
    id: list.id,
    kind: 'collection',
    title: list.title,
    source: sourceOf(list),
    confidence: list.confidence,
    setting: { schema: codeListSchema, defaultValue: codesOf(list), describe },
  };
}

/** A list read in its source: a constant of the rule table. */
const fixedList = (list: CodeList) => ({ id: list.id, kind: 'collection', title: list.title, source: sourceOf(list), confidence: list.confidence, codes: codesOf(list) }) satisfies Rule & { codes: string[] };

export const cmeReasonsRule = configurableList(cmeReasons, 'primary reasons a CME officer may record');
export const eheReasonsRule = configurableList(eheReasons, 'primary reasons for elective home education an officer may record');
export const riskCircumstancesRule = configurableList(riskCircumstances, 'risk circumstances an officer may record');
export const cmeLengthBandsRule = fixedList(cmeLengthBands);
export const sexCodesRule = fixedList(sexCodes);
export const yearGroupsRule = fixedList(yearGroups);

export const collectionRules: Rule[] = [cmeReasonsRule, eheReasonsRule, cmeLengthBandsRule, sexCodesRule, yearGroupsRule, riskCircumstancesRule];
export const configurableCollectionRules: ConfigurableRule<unknown>[] = [cmeReasonsRule, eheReasonsRule, riskCircumstancesRule] as ConfigurableRule<unknown>[];
