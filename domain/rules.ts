/**
 * Statutory clocks as data, each with its source and how sure we are of it (statutory-rules.md marks:
 * P primary text, S secondary source, inferred, unverified). Rules marked unverified or local practice
 * become per-LA configuration (issue #3); the values here are the defaults.
 */
export type Confidence = 'P' | 'S' | 'inferred' | 'unverified';

export interface ClockRule {
  id: string;
  title: string;
  source: string;
  confidence: Confidence;
  schoolDays: number;
}

/**
 * T1: an absence recorded as N (reason not yet established) must be replaced with a proper code within
 * 5 school days; until then the school makes reasonable enquiries. SAR24 reg 10(7)-(9), WTISA para 408,
 * read through localgovernmentlawyer / Browne Jacobson [S].
 */
export const reasonForAbsenceRule: ClockRule = {
  id: 'T1',
  title: 'Reason for an unexplained absence established',
  source: 'SAR24 reg 10(7)-(9); WTISA para 408 [S]',
  confidence: 'S',
  schoolDays: 5,
};
