import type { Term } from './school-calendar';

/** Why a set of term dates cannot be saved, or nothing. Terms must be ordered ranges that do not overlap. */
export function termProblems(terms: Term[]): { index: number; problem: string }[] {
  const problems: { index: number; problem: string }[] = [];
  terms.forEach((term, index) => {
    if (term.start > term.end) problems.push({ index, problem: `starts (${term.start}) after it ends (${term.end})` });
  });
  const ordered = terms.map((term, index) => ({ term, index })).sort((a, b) => a.term.start.localeCompare(b.term.start));
  for (let i = 1; i < ordered.length; i += 1) {
    const previous = ordered[i - 1]!;
    const current = ordered[i]!;
    if (current.term.start <= previous.term.end) {
      problems.push({ index: current.index, problem: `overlaps "${previous.term.name}" (${previous.term.start} to ${previous.term.end})` });
    }
  }
  return problems;
}
