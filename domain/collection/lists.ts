/**
 * The code lists of the DfE's termly "Elective home education and children missing education" collection, kept as
 * data: a change to a list is an edit here (or an LA's setting, domain/collection/rules.ts), never a code change.
 * Each list names where it was read and when; `confidence` is the rule table's (domain/rules/rule.ts).
 */
import type { Confidence } from '../rules/rule';

export interface CodeList {
  id: string;
  title: string;
  source: string;
  /** The day the source was last read for this list. */
  checkedOn: string;
  confidence: Confidence;
  items: readonly { code: string; label: string }[];
}

const CHECKED = '2026-12-03';
const CME_STATS = 'Explore education statistics, "Children missing education" (release autumn 2025/26 and methodology)';
const EHE_STATS = 'Explore education statistics, "Elective home education"';

/**
 * Primary reason a child is missing education (collected since autumn 2023; five reasons added autumn 2025).
 * The release text names "school application awaiting outcome" and "believed to have moved out of the country" as
 * the most reported; the rest of the list is as LAs report it and not read in the collection guide itself, so the
 * list is an LA setting (CME-REASONS) whose default is this one.
 */
export const cmeReasons: CodeList = {
  id: 'CME-REASONS',
  title: 'Primary reason for children missing education',
  source: `${CME_STATS} [S] for the two most reported reasons; the remaining codes unverified against "EHE and CME: submit your data" (gov.uk)`,
  checkedOn: CHECKED,
  confidence: 'unverified',
  items: [
    { code: 'application_awaiting_outcome', label: 'School application awaiting outcome' },
    { code: 'application_not_made', label: 'No school application made' },
    { code: 'moved_out_of_country', label: 'Believed to have moved out of the country' },
    { code: 'moved_to_other_la', label: 'Believed to have moved to another local authority' },
    { code: 'whereabouts_unknown', label: 'Whereabouts unknown' },
    { code: 'unsuitable_ehe', label: 'Elective home education found unsuitable' },
    { code: 'permanently_excluded', label: 'Permanently excluded, awaiting provision' },
    { code: 'parental_refusal', label: 'Parent refuses a school place' },
    { code: 'health_needs', label: 'Health needs' },
    { code: 'other', label: 'Other reason' },
    { code: 'not_known', label: 'Reason not known' },
  ],
};

/**
 * Primary reason for elective home education. A survey of home educators (learnwhatyoulive, 2024) chose its options
 * "to match the list of reasons collected in the DfE data"; the collection guide was not read.
 */
export const eheReasons: CodeList = {
  id: 'EHE-REASONS',
  title: 'Primary reason for elective home education',
  source: `${EHE_STATS}; list as quoted by a home educators' survey matched to the DfE data [S]; collection guide unverified`,
  checkedOn: CHECKED,
  confidence: 'unverified',
  items: [
    { code: 'philosophical', label: 'Philosophical or preferential reasons' },
    { code: 'lifestyle', label: 'Lifestyle reasons' },
    { code: 'religious', label: 'Religious reasons' },
    { code: 'physical_health', label: 'Physical health' },
    { code: 'mental_health', label: 'Mental health' },
    { code: 'covid', label: 'Health concerns related to COVID-19' },
    { code: 'suggested_by_school', label: 'School suggested home education (off-rolling)' },
    { code: 'bullying', label: 'Bullying' },
    { code: 'send_needs_not_met', label: 'Special educational needs not met at school' },
    { code: 'dissatisfied_with_school', label: 'Dissatisfaction with the school' },
    { code: 'permanently_excluded', label: 'Permanently excluded' },
    { code: 'risk_of_exclusion', label: 'At risk of exclusion' },
    { code: 'not_preferred_school', label: 'Did not get a preferred school' },
    { code: 'no_suitable_place', label: 'No suitable school place available' },
    { code: 'other', label: 'Other reason' },
    { code: 'not_known', label: 'Reason not known' },
  ],
};

/**
 * Length of time a child has been missing education at the census date (collected since autumn 2023). The release
 * reports it in two bands and unknown; finer bands in the collection guide were not read.
 */
export const cmeLengthBands: CodeList & { weeksUpTo: readonly (number | null)[] } = {
  id: 'CME-LENGTH-BANDS',
  title: 'Length of time missing education at the census date',
  source: `${CME_STATS}: "12 weeks or less", "more than 12 weeks", unknown [S]`,
  checkedOn: CHECKED,
  confidence: 'S',
  items: [
    { code: 'up_to_12_weeks', label: '12 weeks or less' },
    { code: 'over_12_weeks', label: 'More than 12 weeks' },
    { code: 'not_known', label: 'Not known' },
  ],
  /** The last whole week each band holds; null: no upper end. `not_known` is for a child whose start is not known. */
  weeksUpTo: [12, null],
};

/** Sex as the collection breaks figures down (the school census's codes). */
export const sexCodes: CodeList = {
  id: 'SEX-CODES',
  title: 'Sex, as the school census codes it',
  source: 'DfE common basic data set, school census: M, F [S]; U for not known in this engine [inferred]',
  checkedOn: CHECKED,
  confidence: 'S',
  items: [
    { code: 'M', label: 'Male' },
    { code: 'F', label: 'Female' },
    { code: 'U', label: 'Not known' },
  ],
};

/** National curriculum year groups of compulsory school age (the collection counts children of that age). */
export const yearGroups: CodeList = {
  id: 'YEAR-GROUPS',
  title: 'National curriculum year group',
  source: 'EA96 s8 (compulsory school age) [P]; year groups R to 11 by age on 31 August [S]',
  checkedOn: CHECKED,
  confidence: 'S',
  items: [{ code: 'R', label: 'Reception' }, ...Array.from({ length: 11 }, (_, index) => ({ code: String(index + 1), label: `Year ${index + 1}` }))],
};

/**
 * Circumstances the statutory CME guidance names as raising the risk of a child missing education. Which of them an
 * LA records is its own practice, so the list is a setting (CME-RISK-CIRCUMSTANCES).
 */
export const riskCircumstances: CodeList = {
  id: 'CME-RISK-CIRCUMSTANCES',
  title: 'Circumstances that raise the risk of a child missing education',
  source: 'Children missing education, statutory guidance (2016, as quoted by LA procedures; revised Sept 2025 adds temporary accommodation, per Norfolk LA) [S]',
  checkedOn: CHECKED,
  confidence: 'local',
  items: [
    { code: 'risk_of_harm_or_neglect', label: 'At risk of harm or neglect' },
    { code: 'exploitation', label: 'At risk of exploitation, including sexual and criminal exploitation' },
    { code: 'forced_marriage_or_fgm', label: 'At risk of forced marriage or female genital mutilation' },
    { code: 'radicalisation', label: 'At risk of radicalisation, including travel to conflict zones' },
    { code: 'gypsy_roma_traveller', label: 'From a Gypsy, Roma or Traveller family' },
    { code: 'armed_forces_family', label: 'From an armed forces family' },
    { code: 'missing_or_runaway', label: 'Missing from home or care, or a runaway' },
    { code: 'youth_justice', label: 'Supervised by the youth justice system' },
    { code: 'temporary_accommodation', label: 'Living in temporary accommodation' },
    { code: 'frequent_moves', label: 'Family moves home frequently' },
    { code: 'looked_after', label: 'Looked after, or previously looked after' },
    { code: 'young_carer', label: 'A young carer' },
  ],
};

export const codeLists = [cmeReasons, eheReasons, cmeLengthBands, sexCodes, yearGroups, riskCircumstances] as const;

/** The label of a code on a list; a code an LA added without one is shown as itself. */
export function labelOf(list: CodeList, code: string): string {
  return list.items.find((item) => item.code === code)?.label ?? code;
}

export const codesOf = (list: CodeList): string[] => list.items.map((item) => item.code);
