import type { IsoDate } from '../calendar/iso-date';
import type { Term } from '../calendar/school-calendar';
import type { Rule } from '../rules/rule';

/**
 * The termly targeted support meeting: the LA and each school go through the pupils who are persistently or severely
 * absent (PA-10, SA-50, over the school year to the term's end), whose support case is open, or whose plan has an
 * action past its due date, and agree what happens next.
 */
export const targetedSupportMeetingRule = {
  id: 'TSM-TERMLY',
  kind: 'threshold',
  title: 'Targeted support meeting each term between the LA and each school: pupils persistently or severely absent this school year, with an open support case, or with a lapsed support action',
  source: 'DfE, "Working together to improve school attendance" (August 2024): termly targeted support meetings [inferred: recalled]; who is listed per issue 16, absence rates PA-10 and SA-50 (EES definitions)',
  confidence: 'inferred',
} as const satisfies Rule;

/** Why a pupil is on the list: severe absence is persistent too, so it is named alone. */
export const inclusionReasons = ['severe_absence', 'persistent_absence', 'open_support_case', 'lapsed_actions'] as const;
export type InclusionReason = (typeof inclusionReasons)[number];

export const termSeasons = ['autumn', 'spring', 'summer'] as const;
export type TermSeason = (typeof termSeasons)[number];

/** A term of a school year: `2026-autumn` is the autumn term of 2026/27. */
export interface SchoolTerm {
  year: number;
  season: TermSeason;
}

/**
 * Which of the LA's term dates make up a term: an LA sets its own (often half terms, any names), so a term is read
 * from when each starts: autumn from August to December, spring from January to March, summer from April to July.
 */
const seasonOfStart = (start: IsoDate): TermSeason => {
  const month = Number(start.slice(5, 7));
  return month >= 8 ? 'autumn' : month <= 3 ? 'spring' : 'summer';
};

const yearOfStart = (start: IsoDate): number => Number(start.slice(0, 4)) - (Number(start.slice(5, 7)) >= 8 ? 0 : 1);

/** The first and last day of the term on the LA's term dates; undefined when the LA has set none for it. */
export function termDates(terms: Term[], term: SchoolTerm): { from: IsoDate; to: IsoDate } | undefined {
  const parts = terms.filter((t) => seasonOfStart(t.start) === term.season && yearOfStart(t.start) === term.year);
  if (parts.length === 0) return undefined;
  return { from: parts.map((t) => t.start).sort()[0]!, to: parts.map((t) => t.end).sort().at(-1)! };
}
